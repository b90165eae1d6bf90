using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Tests.CodeLists;

public class ExitReasonsTests
{
    [Fact]
    public void Category_EveryReason_MatchesDefaultCategoryColumn() =>
        Columns.AssertForEvery<ExitReason>(reason =>
        {
            var expected = Columns.LeadingCode<ExitCategory>(Columns.Of(reason, "Default category"));
            var actual = ExitReasons.Category(reason);
            return actual == expected ? null : $"Category() gives {actual}, column says {expected}.";
        });

    [Theory]
    [InlineData(ExitReason.EMPLOI_DURABLE, ExitCategory.POSITIVE)]
    [InlineData(ExitReason.EMPLOI_AIDE_6_MOIS, ExitCategory.POSITIVE)]
    [InlineData(ExitReason.CREATION_ACTIVITE, ExitCategory.POSITIVE)]
    [InlineData(ExitReason.FORMATION_QUALIFIANTE, ExitCategory.POSITIVE)]
    [InlineData(ExitReason.AUTRE_POSITIVE, ExitCategory.POSITIVE)]
    [InlineData(ExitReason.ABANDON, ExitCategory.SANS_SUITE)]
    [InlineData(ExitReason.RETRAITE, ExitCategory.SANS_SUITE)]
    [InlineData(ExitReason.EMPLOI_TRANSITION, ExitCategory.SANS_SUITE)]
    [InlineData(ExitReason.CONTRAT_SIAE, ExitCategory.SANS_SUITE)]
    [InlineData(ExitReason.AUTRE_SANS_SUITE, ExitCategory.SANS_SUITE)]
    public void Category_Reason_IsDefaultCategory(ExitReason reason, ExitCategory expected)
    {
        // Arrange & Act
        var category = ExitReasons.Category(reason);

        // Assert
        Assert.Equal(expected, category);
    }

    [Fact]
    public void IsNeutralisable_EveryReason_MatchesNeutralisableColumn() =>
        Columns.AssertForEvery<ExitReason>(reason =>
        {
            var expected = Columns.Of(reason, "Neutralisable") == "yes";
            var actual = ExitReasons.IsNeutralisable(reason);
            return actual == expected ? null : $"IsNeutralisable() gives {actual}.";
        });

    [Fact]
    public void IsNeutralisable_AllReasons_OnlyDemenagementDecesRetraite()
    {
        // Arrange
        var reasons = Enum.GetValues<ExitReason>();

        // Act
        var neutralisable = reasons.Where(ExitReasons.IsNeutralisable).ToList();

        // Assert
        Assert.Equal([ExitReason.DEMENAGEMENT, ExitReason.DECES, ExitReason.RETRAITE], neutralisable);
    }

    [Fact]
    public void ConsolidationRow_EveryReason_MatchesNationalPlieRowColumn() =>
        Columns.AssertForEvery<ExitReason>(reason =>
        {
            var expected = Columns.LeadingCode<ConsolidationExitRow>(Columns.Of(reason, "National PLIE row"));
            var actual = ExitReasons.ConsolidationRow(reason);
            return actual == expected ? null : $"ConsolidationRow() gives {actual}, column says {expected}.";
        });

    [Fact]
    public void ConsolidationRow_EveryReason_HasTheCategoryOfItsRow() =>
        Columns.AssertForEvery<ExitReason>(reason =>
        {
            var row = ExitReasons.ConsolidationRow(reason);
            var rowCategory = Columns.LeadingCode<ExitCategory>(Columns.Of(row, "Category"));
            return rowCategory == ExitReasons.Category(reason) ? null : $"row {row} is {rowCategory}, the reason is {ExitReasons.Category(reason)}.";
        });

    [Fact]
    public void IsSensitive_EveryReason_MatchesSensitiveMarkInMeaning() =>
        Columns.AssertForEvery<ExitReason>(reason =>
        {
            var expected = Columns.Of(reason, "Meaning").Contains("Sensitive", StringComparison.Ordinal);
            var actual = ExitReasons.IsSensitive(reason);
            return actual == expected ? null : $"IsSensitive() gives {actual}.";
        });

    [Theory]
    [InlineData(ExitReason.SANTE, ExitReason.AUTRE_SANS_SUITE)]
    [InlineData(ExitReason.NON_RESPECT_CONTRAT, ExitReason.AUTRE_SANS_SUITE)]
    [InlineData(ExitReason.MATERNITE, ExitReason.MATERNITE)]
    [InlineData(ExitReason.EMPLOI_DURABLE, ExitReason.EMPLOI_DURABLE)]
    [InlineData(ExitReason.AUTRE_SANS_SUITE, ExitReason.AUTRE_SANS_SUITE)]
    public void FeedCode_Reason_HidesSensitiveReasons(ExitReason reason, ExitReason expected)
    {
        // Arrange & Act
        var feed = ExitReasons.FeedCode(reason);

        // Assert
        Assert.Equal(expected, feed);
    }

    [Fact]
    public void FeedCode_EveryReason_KeepsTheNationalRow() =>
        Columns.AssertForEvery<ExitReason>(reason =>
            ExitReasons.ConsolidationRow(ExitReasons.FeedCode(reason)) == ExitReasons.ConsolidationRow(reason)
                ? null
                : "the feed code changes the national row.");

    [Fact]
    public void DepartementCategory_EveryReasonWithoutContract_MatchesDepartementCategoryColumn() =>
        Columns.AssertForEvery<ExitReason>(reason =>
        {
            var cell = Columns.Of(reason, "Département category");
            var expected = Columns.LeadingCode<DepartementExitCategory>(cell);
            if (expected is null)
            {
                return null; // "by contract (6.4)": covered by the rule cases below.
            }

            var actual = ExitReasons.DepartementCategory(reason, null, null, false);
            return actual == expected ? null : $"DepartementCategory() gives {actual}, column says \"{cell}\".";
        });

    public static TheoryData<ExitReason?, ContractType?, decimal?, bool, DepartementExitCategory> DepartementCases() => new()
    {
        { ExitReason.EMPLOI_TRANSITION, ContractType.CDDI, 4m, false, DepartementExitCategory.POSITIVE },
        { ExitReason.EMPLOI_DURABLE, ContractType.INTERIM_INSERTION, 8m, false, DepartementExitCategory.POSITIVE },
        { ExitReason.CONTRAT_SIAE, null, null, false, DepartementExitCategory.POSITIVE },
        { ExitReason.EMPLOI_DURABLE, ContractType.CDI, null, false, DepartementExitCategory.EMPLOI_DURABLE },
        { ExitReason.EMPLOI_DURABLE, ContractType.CDD, 6.01m, false, DepartementExitCategory.EMPLOI_DURABLE },
        { ExitReason.EMPLOI_TRANSITION, ContractType.CDD, 6m, false, DepartementExitCategory.EMPLOI_TRANSITION },
        { ExitReason.EMPLOI_TRANSITION, ContractType.INTERIM, 2m, false, DepartementExitCategory.EMPLOI_TRANSITION },
        { ExitReason.CREATION_ACTIVITE, ContractType.CREATION_ENTREPRISE, null, false, DepartementExitCategory.EMPLOI_DURABLE },
        { null, ContractType.CREATION_ENTREPRISE, null, false, DepartementExitCategory.EMPLOI_DURABLE },
        { ExitReason.EMPLOI_TRANSITION, null, null, false, DepartementExitCategory.EMPLOI_TRANSITION },
        { ExitReason.EMPLOI_DURABLE, null, null, false, DepartementExitCategory.EMPLOI_DURABLE },
        { ExitReason.EMPLOI_AIDE_6_MOIS, null, null, false, DepartementExitCategory.EMPLOI_DURABLE },
        { ExitReason.EMPLOI_AIDE_6_MOIS, ContractType.CUI_CAE, 12m, false, DepartementExitCategory.EMPLOI_DURABLE },
        { ExitReason.FORMATION_QUALIFIANTE, null, null, false, DepartementExitCategory.POSITIVE },
        { ExitReason.RETRAITE, null, null, false, DepartementExitCategory.POSITIVE },
        { ExitReason.ABANDON, null, null, false, DepartementExitCategory.AUTRE },
        { null, null, null, false, DepartementExitCategory.AUTRE },
    };

    [Theory]
    [MemberData(nameof(DepartementCases))]
    public void DepartementCategory_ReasonAndContract_FollowsRulesD1ToD7(
        ExitReason? reason, ContractType? contract, decimal? months, bool openEnded, DepartementExitCategory expected)
    {
        // Arrange & Act
        var category = ExitReasons.DepartementCategory(reason, contract, months, openEnded);

        // Assert
        Assert.Equal(expected, category);
    }
}
