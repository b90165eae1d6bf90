using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Tests.CodeLists;

public class StepTypesTests
{
    [Fact]
    public void Family_EveryStepType_MatchesFamilyColumn() =>
        Columns.AssertForEvery<StepType>(type =>
        {
            var expected = Columns.LeadingCode<StepFamily>(Columns.Of(type, "Family"));
            var actual = StepTypes.Family(type);
            return actual == expected ? null : $"Family() gives {actual}, column \"Family\" says {expected}.";
        });

    [Fact]
    public void ConsolidationRow_EveryStepType_MatchesNationalRowColumn() =>
        Columns.AssertForEvery<StepType>(type =>
        {
            var cell = Columns.Of(type, "National row");
            var expected = Columns.LeadingCode<ConsolidationStepRow>(cell);
            var actual = StepTypes.ConsolidationRow(type);
            return actual == expected ? null : $"ConsolidationRow() gives {actual}, column \"National row\" says \"{cell}\".";
        });

    [Fact]
    public void ConsolidationRow_ClauseSociale_IsNull()
    {
        // Arrange
        var type = StepType.CLAUSE_SOCIALE;

        // Act
        var row = StepTypes.ConsolidationRow(type);

        // Assert
        Assert.Null(row);
    }

    [Fact]
    public void ConsolidationRow_EveryStepType_IsARowNotASubtotal() =>
        Columns.AssertForEvery<StepType>(type =>
            StepTypes.ConsolidationRow(type) is { } row && ConsolidationStepRows.IsSubtotal(row)
                ? $"maps to subtotal {row}."
                : null);

    [Fact]
    public void AllowedContracts_EveryStepType_MatchesAllowedContractTypesColumn() =>
        Columns.AssertForEvery<StepType>(type =>
        {
            var cell = Columns.Of(type, "Allowed contract types");
            var named = Columns.CodesIn<ContractType>(cell);
            var expected = cell.StartsWith("any contract type except", StringComparison.Ordinal)
                ? Enum.GetValues<ContractType>().Except(named).ToList()
                : named;
            var actual = StepTypes.AllowedContracts(type);
            return actual.SequenceEqual(expected)
                ? null
                : $"AllowedContracts() gives [{string.Join(", ", actual)}], column says \"{cell}\".";
        });

    [Theory]
    [InlineData(StepType.ACTION_MOBILISATION)]
    [InlineData(StepType.FORMATION_QUALIFIANTE)]
    [InlineData(StepType.PMSMP)]
    public void AllowedContracts_StepWithoutContract_IsEmpty(StepType type)
    {
        // Arrange & Act
        var contracts = StepTypes.AllowedContracts(type);

        // Assert
        Assert.Empty(contracts);
    }

    public static TheoryData<StepType, ContractType, decimal?, bool, bool> ContractCases() => new()
    {
        { StepType.CDD_COURT, ContractType.CDD, 6m, false, true },
        { StepType.CDD_COURT, ContractType.CDD, 6.01m, false, false },
        { StepType.CDD_COURT, ContractType.CDD, null, true, false },
        { StepType.CDD_COURT, ContractType.INTERIM, 3m, false, false },
        { StepType.EMPLOI_SORTIE, ContractType.CDD, 6m, false, false },
        { StepType.EMPLOI_SORTIE, ContractType.CDD, 6.01m, false, true },
        { StepType.EMPLOI_SORTIE, ContractType.CDI, null, false, true },
        { StepType.EMPLOI_SORTIE, ContractType.CUI_CAE, 12m, false, false },
        { StepType.ACI, ContractType.CDDI, 24m, false, true },
        { StepType.ACI, ContractType.CDD, 4m, false, false },
        { StepType.CLAUSE_SOCIALE, ContractType.CDD, 2m, false, true },
        { StepType.CLAUSE_SOCIALE, ContractType.CREATION_ENTREPRISE, null, false, false },
        { StepType.IOD, ContractType.CDI, null, false, false },
    };

    [Theory]
    [MemberData(nameof(ContractCases))]
    public void IsContractAllowed_TypeContractAndDuration_FollowsTable52(StepType type, ContractType contract, decimal? months, bool openEnded, bool expected)
    {
        // Arrange & Act
        var allowed = StepTypes.IsContractAllowed(type, contract, months, openEnded);

        // Assert
        Assert.Equal(expected, allowed);
    }

    [Fact]
    public void HasEmploymentContract_EveryFamily_MatchesEmploymentContractColumn() =>
        Columns.AssertForEvery<StepFamily>(family =>
        {
            var expected = Columns.Of(family, "Employment contract") == "yes";
            var actual = StepFamilies.HasEmploymentContract(family);
            return actual == expected ? null : $"HasEmploymentContract() gives {actual}.";
        });

    [Fact]
    public void Parent_EveryConsolidationRow_MatchesParentColumn() =>
        Columns.AssertForEvery<ConsolidationStepRow>(row =>
        {
            var expected = Columns.LeadingCode<ConsolidationStepRow>(Columns.Of(row, "Parent"));
            var actual = ConsolidationStepRows.Parent(row);
            return actual == expected ? null : $"Parent() gives {actual}, column \"Parent\" says {expected}.";
        });

    [Fact]
    public void IsSubtotal_EveryConsolidationRow_MatchesKindColumn() =>
        Columns.AssertForEvery<ConsolidationStepRow>(row =>
        {
            var expected = Columns.Of(row, "Kind") == "subtotal";
            var actual = ConsolidationStepRows.IsSubtotal(row);
            return actual == expected ? null : $"IsSubtotal() gives {actual}.";
        });

    [Fact]
    public void IsSubtotal_EverySubtotal_HasAChild()
    {
        // Arrange
        var rows = Enum.GetValues<ConsolidationStepRow>();

        // Act
        var childless = rows.Where(ConsolidationStepRows.IsSubtotal)
            .Where(s => !rows.Any(r => ConsolidationStepRows.Parent(r) == s))
            .ToList();

        // Assert
        Assert.Empty(childless);
    }
}
