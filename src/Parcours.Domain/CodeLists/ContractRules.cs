namespace Parcours.Domain.CodeLists;

/// <summary>Contract duration and the row of clause steps (codelists.md §5.4 and §5.5).</summary>
public static class ContractRules
{
    /// <summary>Months a fixed-term contract must strictly exceed to be durable (codelists.md §5.5).</summary>
    public const decimal DurableThresholdMonths = 6m;

    /// <summary>
    /// True for the SIAE pathway contracts CDDI and INTERIM_INSERTION (codelists.md §5.5, column
    /// "SIAE contract").
    /// </summary>
    public static bool IsSiaeContract(ContractType type) =>
        type is ContractType.CDDI or ContractType.INTERIM_INSERTION;

    /// <summary>
    /// The duration rule of codelists.md §5.5 (rule 3): a contract is durable when it is a CDI, or
    /// open-ended, or lasts strictly more than 6 months ("CDD de 6 mois et un jour"); exactly 6 months
    /// is not durable. CDDI and INTERIM_INSERTION are never durable (SIAE pathway contracts), and
    /// CREATION_ENTREPRISE is not a contract of employment, hence never durable.
    /// </summary>
    /// <param name="type">The contract type.</param>
    /// <param name="months">contract_months: contractual (or cumulated planned) duration at signature.</param>
    /// <param name="openEnded">open_ended = 1.</param>
    public static bool IsDurable(ContractType type, decimal? months, bool openEnded) => type switch
    {
        ContractType.CDDI or ContractType.INTERIM_INSERTION or ContractType.CREATION_ENTREPRISE => false,
        ContractType.CDI => true,
        _ => openEnded || months > DurableThresholdMonths,
    };

    /// <summary>
    /// The row of the national PLIE table of steps for a CLAUSE_SOCIALE step, from its contract
    /// (codelists.md §5.4 rule 2; the first branch that applies wins):
    /// INTERIM_INSERTION → IAE_ETTI; CDDI → the IAE row of the provider's kind (ACI, EI, AI, RQ), or
    /// IAE_EI when the provider is unknown or of another kind; PROFESSIONNALISATION or APPRENTISSAGE with
    /// a GEIQ provider → AIDE_GEIQ; CUI_CAE → AIDE_CUI_CAE; CUI_CIE → AIDE_CUI_CIE; any other durable
    /// contract (§5.5) → EMPLOI_SORTIE; otherwise CDD → NON_AIDE_CDD_COURT, INTERIM → NON_AIDE_INTERIM,
    /// CDI → NON_AIDE_CDI_TEMPS_PARTIEL, anything else → AUTRES_CONTRATS.
    /// </summary>
    /// <param name="type">The contract of the clause step.</param>
    /// <param name="months">contract_months.</param>
    /// <param name="openEnded">open_ended = 1.</param>
    /// <param name="provider">Organisation kind of the step provider (employer), if known.</param>
    /// <param name="cdiBelowHalfTimeWithoutAgreement">
    /// A CDI is always durable, so §5.4 rule 2 would never reach its CDI branch. Following the §5.2 note
    /// (a CDI below half-time without the participant's agreement is a CDI_TEMPS_PARTIEL step), pass true
    /// for such a CDI to count it in NON_AIDE_CDI_TEMPS_PARTIEL. Ignored for other contract types.
    /// </param>
    public static ConsolidationStepRow ClauseStepRow(
        ContractType type,
        decimal? months,
        bool openEnded,
        OrganisationKind? provider,
        bool cdiBelowHalfTimeWithoutAgreement = false)
    {
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }

        switch (type)
        {
            case ContractType.INTERIM_INSERTION:
                return ConsolidationStepRow.IAE_ETTI;
            case ContractType.CDDI:
                return provider switch
                {
                    OrganisationKind.ACI => ConsolidationStepRow.IAE_ACI,
                    OrganisationKind.AI => ConsolidationStepRow.IAE_AI,
                    OrganisationKind.RQ => ConsolidationStepRow.IAE_RQ,
                    _ => ConsolidationStepRow.IAE_EI,
                };
            case ContractType.PROFESSIONNALISATION or ContractType.APPRENTISSAGE when provider == OrganisationKind.GEIQ:
                return ConsolidationStepRow.AIDE_GEIQ;
            case ContractType.CUI_CAE:
                return ConsolidationStepRow.AIDE_CUI_CAE;
            case ContractType.CUI_CIE:
                return ConsolidationStepRow.AIDE_CUI_CIE;
            case ContractType.CDI when cdiBelowHalfTimeWithoutAgreement:
                return ConsolidationStepRow.NON_AIDE_CDI_TEMPS_PARTIEL;
        }

        if (IsDurable(type, months, openEnded))
        {
            return ConsolidationStepRow.EMPLOI_SORTIE;
        }

        return type switch
        {
            ContractType.CDD => ConsolidationStepRow.NON_AIDE_CDD_COURT,
            ContractType.INTERIM => ConsolidationStepRow.NON_AIDE_INTERIM,
            ContractType.CDI => ConsolidationStepRow.NON_AIDE_CDI_TEMPS_PARTIEL,
            _ => ConsolidationStepRow.AUTRES_CONTRATS,
        };
    }
}
