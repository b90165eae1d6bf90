using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Tests.CodeLists;

public class ContractRulesTests
{
    public static TheoryData<ContractType, decimal?, bool, bool> DurabilityCases() => new()
    {
        { ContractType.CDD, 6m, false, false },
        { ContractType.CDD, 6.01m, false, true },
        { ContractType.CDD, 5.99m, false, false },
        { ContractType.CDD, null, false, false },
        { ContractType.CDD, null, true, true },
        { ContractType.CDI, null, false, true },
        { ContractType.INTERIM, 6m, false, false },
        { ContractType.INTERIM, 7m, false, true },
        { ContractType.APPRENTISSAGE, 24m, false, true },
        { ContractType.PROFESSIONNALISATION, null, true, true },
        { ContractType.CUI_CAE, 6m, false, false },
        { ContractType.CUI_CIE, 12m, false, true },
        { ContractType.AUTRE, 6.5m, false, true },
        { ContractType.CDDI, 24m, false, false },
        { ContractType.CDDI, null, true, false },
        { ContractType.INTERIM_INSERTION, 12m, true, false },
        { ContractType.CREATION_ENTREPRISE, null, true, false },
        { ContractType.CREATION_ENTREPRISE, 12m, false, false },
    };

    [Theory]
    [MemberData(nameof(DurabilityCases))]
    public void IsDurable_TypeMonthsOpenEnded_FollowsDurationRule(ContractType type, decimal? months, bool openEnded, bool expected)
    {
        // Arrange & Act
        var durable = ContractRules.IsDurable(type, months, openEnded);

        // Assert
        Assert.Equal(expected, durable);
    }

    [Fact]
    public void IsSiaeContract_EveryContractType_MatchesSiaeContractColumn() =>
        Columns.AssertForEvery<ContractType>(type =>
        {
            var expected = Columns.Of(type, "SIAE contract") == "yes";
            var actual = ContractRules.IsSiaeContract(type);
            return actual == expected ? null : $"IsSiaeContract() gives {actual}.";
        });

    public static TheoryData<ContractType, decimal?, bool, OrganisationKind?, ConsolidationStepRow> ClauseCases() => new()
    {
        { ContractType.INTERIM_INSERTION, 3m, false, OrganisationKind.ETTI, ConsolidationStepRow.IAE_ETTI },
        { ContractType.INTERIM_INSERTION, 12m, false, null, ConsolidationStepRow.IAE_ETTI },
        { ContractType.CDDI, 4m, false, OrganisationKind.ACI, ConsolidationStepRow.IAE_ACI },
        { ContractType.CDDI, 4m, false, OrganisationKind.EI, ConsolidationStepRow.IAE_EI },
        { ContractType.CDDI, 4m, false, OrganisationKind.AI, ConsolidationStepRow.IAE_AI },
        { ContractType.CDDI, 4m, false, OrganisationKind.RQ, ConsolidationStepRow.IAE_RQ },
        { ContractType.CDDI, 24m, false, null, ConsolidationStepRow.IAE_EI },
        { ContractType.CDDI, 4m, false, OrganisationKind.ASSOCIATION, ConsolidationStepRow.IAE_EI },
        { ContractType.PROFESSIONNALISATION, 12m, false, OrganisationKind.GEIQ, ConsolidationStepRow.AIDE_GEIQ },
        { ContractType.APPRENTISSAGE, 3m, false, OrganisationKind.GEIQ, ConsolidationStepRow.AIDE_GEIQ },
        { ContractType.APPRENTISSAGE, 24m, false, OrganisationKind.ENTREPRISE, ConsolidationStepRow.EMPLOI_SORTIE },
        { ContractType.APPRENTISSAGE, 6m, false, OrganisationKind.ENTREPRISE, ConsolidationStepRow.AUTRES_CONTRATS },
        { ContractType.CUI_CAE, 12m, false, null, ConsolidationStepRow.AIDE_CUI_CAE },
        { ContractType.CUI_CIE, 3m, false, null, ConsolidationStepRow.AIDE_CUI_CIE },
        { ContractType.CDI, null, false, OrganisationKind.ENTREPRISE, ConsolidationStepRow.EMPLOI_SORTIE },
        { ContractType.CDD, 6.01m, false, null, ConsolidationStepRow.EMPLOI_SORTIE },
        { ContractType.CDD, 6m, false, null, ConsolidationStepRow.NON_AIDE_CDD_COURT },
        { ContractType.INTERIM, 2m, false, null, ConsolidationStepRow.NON_AIDE_INTERIM },
        { ContractType.INTERIM, 8m, false, null, ConsolidationStepRow.EMPLOI_SORTIE },
        { ContractType.AUTRE, 1m, false, null, ConsolidationStepRow.AUTRES_CONTRATS },
        { ContractType.AUTRE, null, true, null, ConsolidationStepRow.EMPLOI_SORTIE },
    };

    [Theory]
    [MemberData(nameof(ClauseCases))]
    public void ClauseStepRow_ContractAndProvider_FollowsRule542(
        ContractType type, decimal? months, bool openEnded, OrganisationKind? provider, ConsolidationStepRow expected)
    {
        // Arrange & Act
        var row = ContractRules.ClauseStepRow(type, months, openEnded, provider);

        // Assert
        Assert.Equal(expected, row);
    }

    [Fact]
    public void ClauseStepRow_CdiBelowHalfTimeWithoutAgreement_IsCdiTempsPartiel()
    {
        // Arrange
        var type = ContractType.CDI;

        // Act
        var row = ContractRules.ClauseStepRow(type, null, false, OrganisationKind.ENTREPRISE, cdiBelowHalfTimeWithoutAgreement: true);

        // Assert
        Assert.Equal(ConsolidationStepRow.NON_AIDE_CDI_TEMPS_PARTIEL, row);
    }

    [Fact]
    public void ClauseStepRow_EveryContractType_IsARowNotASubtotal() =>
        Columns.AssertForEvery<ContractType>(type =>
        {
            var row = ContractRules.ClauseStepRow(type, 3m, false, null);
            return ConsolidationStepRows.IsSubtotal(row) ? $"maps to subtotal {row}." : null;
        });
}
