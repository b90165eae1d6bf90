namespace Parcours.Domain.CodeLists;

/// <summary>Step types: family, national row and allowed contracts (codelists.md §5.2).</summary>
public static class StepTypes
{
    private static readonly IReadOnlyList<ContractType> NoContract = Contracts();

    private static readonly IReadOnlyList<ContractType> AnyButCreation =
        Contracts([.. Enum.GetValues<ContractType>().Where(c => c != ContractType.CREATION_ENTREPRISE)]);

    private static readonly Dictionary<StepType, IReadOnlyList<ContractType>> Allowed = new()
    {
        [StepType.ACI] = Contracts(ContractType.CDDI),
        [StepType.EI] = Contracts(ContractType.CDDI),
        [StepType.ETTI] = Contracts(ContractType.INTERIM_INSERTION),
        [StepType.AI] = Contracts(ContractType.CDDI, ContractType.CDD, ContractType.AUTRE),
        [StepType.EITI] = Contracts(ContractType.CREATION_ENTREPRISE, ContractType.AUTRE),
        [StepType.RQ] = Contracts(ContractType.CDDI, ContractType.CDD),
        [StepType.CUI_CAE] = Contracts(ContractType.CUI_CAE),
        [StepType.CUI_CIE] = Contracts(ContractType.CUI_CIE),
        [StepType.GEIQ] = Contracts(ContractType.PROFESSIONNALISATION, ContractType.APPRENTISSAGE),
        [StepType.EMPLOI_AVENIR] = Contracts(ContractType.CUI_CAE, ContractType.CUI_CIE),
        [StepType.CDD_COURT] = Contracts(ContractType.CDD),
        [StepType.INTERIM] = Contracts(ContractType.INTERIM),
        [StepType.CDI_TEMPS_PARTIEL] = Contracts(ContractType.CDI),
        [StepType.AUTRE_CONTRAT] = Contracts(ContractType.CDD, ContractType.APPRENTISSAGE, ContractType.PROFESSIONNALISATION, ContractType.AUTRE),
        [StepType.EMPLOI_SORTIE] = Contracts(
            ContractType.CDI, ContractType.CDD, ContractType.INTERIM, ContractType.APPRENTISSAGE, ContractType.PROFESSIONNALISATION, ContractType.AUTRE),
        [StepType.CREATION_ENTREPRISE] = Contracts(ContractType.CREATION_ENTREPRISE),
        [StepType.CLAUSE_SOCIALE] = AnyButCreation,
    };

    /// <summary>The family of a step type (codelists.md §5.2, column "Family"; §5.1).</summary>
    public static StepFamily Family(StepType type) => type switch
    {
        StepType.ACTION_MOBILISATION or StepType.ATELIER_COLLECTIF or StepType.BILAN_DIAGNOSTIC
            or StepType.ENGAGEMENT_CITOYEN => StepFamily.MOBILISATION,
        StepType.ACI or StepType.EI or StepType.ETTI or StepType.AI or StepType.EITI or StepType.RQ
            => StepFamily.EMPLOI_PARCOURS_IAE,
        StepType.CUI_CAE or StepType.CUI_CIE or StepType.GEIQ or StepType.EMPLOI_AVENIR or StepType.CDD_COURT
            or StepType.INTERIM or StepType.CDI_TEMPS_PARTIEL => StepFamily.EMPLOI_PARCOURS_HORS_IAE,
        StepType.AUTRE_CONTRAT => StepFamily.EMPLOI_PARCOURS_AUTRE,
        StepType.EMPLOI_SORTIE => StepFamily.EMPLOI_SORTIE,
        StepType.FORMATION_QUALIFIANTE or StepType.VAE => StepFamily.FORMATION_QUALIFIANTE,
        StepType.FORMATION_LINGUISTIQUE or StepType.SAVOIRS_DE_BASE or StepType.PREPARATION_OPERATIONNELLE
            or StepType.AUTRE_FORMATION_NON_QUALIFIANTE => StepFamily.FORMATION_NON_QUALIFIANTE,
        StepType.IOD or StepType.PARRAINAGE or StepType.PRESTATION_EMPLOI or StepType.COACHING_EMPLOI
            or StepType.MISE_EN_RELATION => StepFamily.MEDIATION_EMPLOI,
        StepType.CREATION_ENTREPRISE => StepFamily.CREATION_ENTREPRISE,
        StepType.PMSMP => StepFamily.PMSMP,
        StepType.LEVEE_FREINS or StepType.ACCOMPAGNEMENT_SOCIAL => StepFamily.LEVEE_FREINS,
        StepType.CLAUSE_SOCIALE => StepFamily.CLAUSE_SOCIALE,
        StepType.AUTRE_ETAPE => StepFamily.AUTRE,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// The row of the national PLIE table of steps for a step type (codelists.md §5.2, column
    /// "National row"; §5.4 rule 1), with the Parcours defaults PMSMP → MEDIATION_EMPLOI and
    /// LEVEE_FREINS, ACCOMPAGNEMENT_SOCIAL, AUTRE_ETAPE → MOBILISATION. Null for CLAUSE_SOCIALE, which
    /// counts in the row of its contract: see <see cref="ContractRules.ClauseStepRow"/>.
    /// </summary>
    public static ConsolidationStepRow? ConsolidationRow(StepType type) => type switch
    {
        StepType.ACTION_MOBILISATION or StepType.ATELIER_COLLECTIF or StepType.BILAN_DIAGNOSTIC
            or StepType.ENGAGEMENT_CITOYEN => ConsolidationStepRow.MOBILISATION,
        StepType.ACI => ConsolidationStepRow.IAE_ACI,
        StepType.EI => ConsolidationStepRow.IAE_EI,
        StepType.ETTI => ConsolidationStepRow.IAE_ETTI,
        StepType.AI => ConsolidationStepRow.IAE_AI,
        StepType.EITI => ConsolidationStepRow.IAE_EITI,
        StepType.RQ => ConsolidationStepRow.IAE_RQ,
        StepType.CUI_CAE => ConsolidationStepRow.AIDE_CUI_CAE,
        StepType.CUI_CIE => ConsolidationStepRow.AIDE_CUI_CIE,
        StepType.GEIQ => ConsolidationStepRow.AIDE_GEIQ,
        StepType.EMPLOI_AVENIR => ConsolidationStepRow.AIDE_EMPLOI_AVENIR,
        StepType.CDD_COURT => ConsolidationStepRow.NON_AIDE_CDD_COURT,
        StepType.INTERIM => ConsolidationStepRow.NON_AIDE_INTERIM,
        StepType.CDI_TEMPS_PARTIEL => ConsolidationStepRow.NON_AIDE_CDI_TEMPS_PARTIEL,
        StepType.AUTRE_CONTRAT => ConsolidationStepRow.AUTRES_CONTRATS,
        StepType.EMPLOI_SORTIE => ConsolidationStepRow.EMPLOI_SORTIE,
        StepType.FORMATION_QUALIFIANTE or StepType.VAE => ConsolidationStepRow.FORMATION_QUALIFIANTE,
        StepType.FORMATION_LINGUISTIQUE or StepType.SAVOIRS_DE_BASE or StepType.PREPARATION_OPERATIONNELLE
            or StepType.AUTRE_FORMATION_NON_QUALIFIANTE => ConsolidationStepRow.FORMATION_NON_QUALIFIANTE,
        StepType.IOD or StepType.PARRAINAGE or StepType.PRESTATION_EMPLOI or StepType.COACHING_EMPLOI
            or StepType.MISE_EN_RELATION => ConsolidationStepRow.MEDIATION_EMPLOI,
        StepType.CREATION_ENTREPRISE => ConsolidationStepRow.CREATION_ENTREPRISE,
        StepType.PMSMP => ConsolidationStepRow.MEDIATION_EMPLOI,
        StepType.LEVEE_FREINS or StepType.ACCOMPAGNEMENT_SOCIAL or StepType.AUTRE_ETAPE => ConsolidationStepRow.MOBILISATION,
        StepType.CLAUSE_SOCIALE => null,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// The contract types a step of this type may carry (codelists.md §5.2, column "Allowed contract
    /// types"), in document order; empty when the type carries no contract. The duration conditions of
    /// CDD_COURT (6 months or less) and EMPLOI_SORTIE (durable) are checked by
    /// <see cref="IsContractAllowed"/>. For CREATION_ENTREPRISE the contract is optional.
    /// </summary>
    public static IReadOnlyList<ContractType> AllowedContracts(StepType type)
    {
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }

        return Allowed.TryGetValue(type, out var contracts) ? contracts : NoContract;
    }

    /// <summary>
    /// True when a step of this type may carry this contract (codelists.md §5.2), including the duration
    /// conditions: CDD_COURT needs a contract that is not durable (§5.5), EMPLOI_SORTIE a durable one.
    /// </summary>
    public static bool IsContractAllowed(StepType type, ContractType contract, decimal? months, bool openEnded)
    {
        if (!AllowedContracts(type).Contains(contract))
        {
            return false;
        }

        return type switch
        {
            StepType.CDD_COURT => !ContractRules.IsDurable(contract, months, openEnded),
            StepType.EMPLOI_SORTIE => ContractRules.IsDurable(contract, months, openEnded),
            _ => true,
        };
    }

    private static IReadOnlyList<ContractType> Contracts(params ContractType[] contracts) => Array.AsReadOnly(contracts);
}

/// <summary>Step families (codelists.md §5.1).</summary>
public static class StepFamilies
{
    /// <summary>
    /// True when steps of the family hold an employment contract (codelists.md §5.1, column "Employment
    /// contract"); these steps are the "contracts signed" of §5.4 rule 4.
    /// </summary>
    public static bool HasEmploymentContract(StepFamily family) => family switch
    {
        StepFamily.EMPLOI_PARCOURS_IAE or StepFamily.EMPLOI_PARCOURS_HORS_IAE or StepFamily.EMPLOI_PARCOURS_AUTRE
            or StepFamily.EMPLOI_SORTIE or StepFamily.CLAUSE_SOCIALE => true,
        StepFamily.MOBILISATION or StepFamily.FORMATION_QUALIFIANTE or StepFamily.FORMATION_NON_QUALIFIANTE
            or StepFamily.MEDIATION_EMPLOI or StepFamily.CREATION_ENTREPRISE or StepFamily.PMSMP
            or StepFamily.LEVEE_FREINS or StepFamily.AUTRE => false,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, null),
    };
}

/// <summary>Rows of the national PLIE table of steps (codelists.md §5.3).</summary>
public static class ConsolidationStepRows
{
    /// <summary>The parent subtotal of a row (codelists.md §5.3, column "Parent"); null at the top level.</summary>
    public static ConsolidationStepRow? Parent(ConsolidationStepRow row) => row switch
    {
        ConsolidationStepRow.MOBILISATION or ConsolidationStepRow.EMPLOIS_PARCOURS or ConsolidationStepRow.EMPLOI_SORTIE
            or ConsolidationStepRow.FORMATION or ConsolidationStepRow.MEDIATION_EMPLOI
            or ConsolidationStepRow.CREATION_ENTREPRISE => null,
        ConsolidationStepRow.IAE or ConsolidationStepRow.HORS_IAE or ConsolidationStepRow.AUTRES_CONTRATS
            => ConsolidationStepRow.EMPLOIS_PARCOURS,
        ConsolidationStepRow.IAE_ACI or ConsolidationStepRow.IAE_EI or ConsolidationStepRow.IAE_ETTI
            or ConsolidationStepRow.IAE_AI or ConsolidationStepRow.IAE_RQ or ConsolidationStepRow.IAE_EITI
            => ConsolidationStepRow.IAE,
        ConsolidationStepRow.CONTRATS_AIDES or ConsolidationStepRow.CONTRATS_NON_AIDES => ConsolidationStepRow.HORS_IAE,
        ConsolidationStepRow.AIDE_CUI_CAE or ConsolidationStepRow.AIDE_CUI_CIE or ConsolidationStepRow.AIDE_GEIQ
            or ConsolidationStepRow.AIDE_EMPLOI_AVENIR => ConsolidationStepRow.CONTRATS_AIDES,
        ConsolidationStepRow.NON_AIDE_CDD_COURT or ConsolidationStepRow.NON_AIDE_INTERIM
            or ConsolidationStepRow.NON_AIDE_CDI_TEMPS_PARTIEL => ConsolidationStepRow.CONTRATS_NON_AIDES,
        ConsolidationStepRow.FORMATION_QUALIFIANTE or ConsolidationStepRow.FORMATION_NON_QUALIFIANTE
            => ConsolidationStepRow.FORMATION,
        _ => throw new ArgumentOutOfRangeException(nameof(row), row, null),
    };

    /// <summary>
    /// True for a subtotal, which is the sum of its children and never receives a step directly
    /// (codelists.md §5.3, column "Kind").
    /// </summary>
    public static bool IsSubtotal(ConsolidationStepRow row) => row is ConsolidationStepRow.EMPLOIS_PARCOURS
        or ConsolidationStepRow.IAE or ConsolidationStepRow.HORS_IAE or ConsolidationStepRow.CONTRATS_AIDES
        or ConsolidationStepRow.CONTRATS_NON_AIDES or ConsolidationStepRow.FORMATION;
}
