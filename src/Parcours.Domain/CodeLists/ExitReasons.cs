namespace Parcours.Domain.CodeLists;

/// <summary>Exit reasons: category, neutralisation, national rows and feeds (codelists.md §6).</summary>
public static class ExitReasons
{
    /// <summary>The default category of a reason (codelists.md §6.2, column "Default category").</summary>
    public static ExitCategory Category(ExitReason reason) => reason switch
    {
        ExitReason.EMPLOI_DURABLE or ExitReason.EMPLOI_AIDE_6_MOIS or ExitReason.CREATION_ACTIVITE
            or ExitReason.FORMATION_QUALIFIANTE or ExitReason.AUTRE_POSITIVE => ExitCategory.POSITIVE,
        _ when Enum.IsDefined(reason) => ExitCategory.SANS_SUITE,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>
    /// True for the reasons that are not attributable to the scheme and leave the denominator of the
    /// neutralised positive-exit rate (codelists.md §6.2 column "Neutralisable", §6.3): DEMENAGEMENT,
    /// DECES and RETRAITE. National feeds always use these defaults.
    /// </summary>
    public static bool IsNeutralisable(ExitReason reason) =>
        reason is ExitReason.DEMENAGEMENT or ExitReason.DECES or ExitReason.RETRAITE;

    /// <summary>
    /// The row of the national PLIE flow table (codelists.md §6.2 column "National PLIE row", §6.3).
    /// </summary>
    public static ConsolidationExitRow ConsolidationRow(ExitReason reason) => reason switch
    {
        ExitReason.EMPLOI_DURABLE or ExitReason.EMPLOI_AIDE_6_MOIS or ExitReason.CREATION_ACTIVITE => ConsolidationExitRow.EMPLOI,
        ExitReason.FORMATION_QUALIFIANTE => ConsolidationExitRow.FORMATION,
        ExitReason.AUTRE_POSITIVE => ConsolidationExitRow.AUTRES_POSITIVES,
        ExitReason.ABANDON => ConsolidationExitRow.ABANDON,
        ExitReason.DEMENAGEMENT or ExitReason.DECES or ExitReason.RETRAITE => ConsolidationExitRow.DEMENAGEMENT_DECES_RETRAITE,
        _ when Enum.IsDefined(reason) => ConsolidationExitRow.AUTRES_SANS_SUITE,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>
    /// True for the sensitive reasons (codelists.md §6.2 and §0.6): SANTE (health) and
    /// NON_RESPECT_CONTRAT (may lead to an RSA sanction).
    /// </summary>
    public static bool IsSensitive(ExitReason reason) =>
        reason is ExitReason.SANTE or ExitReason.NON_RESPECT_CONTRAT;

    /// <summary>
    /// The reason written in the anonymised national feed (codelists.md §6.2): SANTE and
    /// NON_RESPECT_CONTRAT become AUTRE_SANS_SUITE; the national rows are unchanged by this.
    /// </summary>
    public static ExitReason FeedCode(ExitReason reason) =>
        IsSensitive(reason) ? ExitReason.AUTRE_SANS_SUITE : reason;

    /// <summary>
    /// The exit category of a Département call for projects (codelists.md §6.4, rules D1 to D7; the
    /// first rule that applies wins). The contract is the exit contract of the step, or the contract of
    /// the pathway's exit step; pass a null <paramref name="contract"/> when there is no contract data.
    /// A contract that is not durable under §5.5 (including exactly 6 months, or a fixed-term contract
    /// without a duration) falls in EMPLOI_TRANSITION by rule D4.
    /// </summary>
    public static DepartementExitCategory DepartementCategory(
        ExitReason? reason,
        ContractType? contract,
        decimal? contractMonths,
        bool openEnded)
    {
        if ((contract is { } siae && ContractRules.IsSiaeContract(siae)) || reason == ExitReason.CONTRAT_SIAE)
        {
            return DepartementExitCategory.POSITIVE; // D1
        }

        if (contract is { } durable && ContractRules.IsDurable(durable, contractMonths, openEnded))
        {
            return DepartementExitCategory.EMPLOI_DURABLE; // D2 (CDI included)
        }

        if (contract == ContractType.CREATION_ENTREPRISE || reason == ExitReason.CREATION_ACTIVITE)
        {
            return DepartementExitCategory.EMPLOI_DURABLE; // D3, Parcours default
        }

        if (contract is not null || reason == ExitReason.EMPLOI_TRANSITION)
        {
            return DepartementExitCategory.EMPLOI_TRANSITION; // D4
        }

        return reason switch
        {
            ExitReason.EMPLOI_DURABLE or ExitReason.EMPLOI_AIDE_6_MOIS => DepartementExitCategory.EMPLOI_DURABLE, // D5
            ExitReason.FORMATION_QUALIFIANTE or ExitReason.AUTRE_ACTION_INSERTION or ExitReason.ACCES_DROITS
                or ExitReason.RETRAITE or ExitReason.AUTRE_POSITIVE => DepartementExitCategory.POSITIVE, // D6
            _ => DepartementExitCategory.AUTRE, // D7
        };
    }
}
