using Parcours.Domain.CodeLists;
using Parcours.Domain.Pathways;

namespace Parcours.Domain.Tests.Pathways;

/// <summary>Exit classification and the 6-month validation of durable employment (R-117 to, P7).</summary>
public class ExitRulesTests
{
    [Theory]
    [InlineData("2025-01-15", "2025-07-15")]
    [InlineData("2025-08-31", "2026-02-28")]
    [InlineData("2023-08-31", "2024-02-29")]
    [InlineData("2025-12-31", "2026-06-30")]
    [InlineData("2025-03-31", "2025-09-30")]
    [InlineData("2024-02-29", "2024-08-29")]
    public void ValidationDate_JobStart_IsStartPlusSixCalendarMonths(string start, string expected)
    {
        // Act
        var validation = ExitRules.ValidationDate(DateOnly.Parse(start));

        // Assert
        Assert.Equal(DateOnly.Parse(expected), validation);
    }

    [Theory]
    [InlineData("2025-08-31", "2026-02-27", false)]
    [InlineData("2025-08-31", "2026-02-28", true)]
    [InlineData("2025-08-31", "2026-03-01", true)]
    [InlineData("2025-01-15", "2025-07-14", false)]
    [InlineData("2025-01-15", "2025-07-15", true)]
    public void IsValidationDue_Today_TrueFromTheValidationDateOn(string start, string today, bool expected)
    {
        // Act
        var due = ExitRules.IsValidationDue(DateOnly.Parse(start), DateOnly.Parse(today));

        // Assert
        Assert.Equal(expected, due);
    }

    /// <summary>codelists.md §6.2: default category, neutralisable flag and national PLIE row of every reason.</summary>
    [Theory]
    [InlineData(ExitReason.EMPLOI_DURABLE, ExitCategory.POSITIVE, ConsolidationExitRow.EMPLOI, false)]
    [InlineData(ExitReason.EMPLOI_AIDE_6_MOIS, ExitCategory.POSITIVE, ConsolidationExitRow.EMPLOI, false)]
    [InlineData(ExitReason.CREATION_ACTIVITE, ExitCategory.POSITIVE, ConsolidationExitRow.EMPLOI, false)]
    [InlineData(ExitReason.FORMATION_QUALIFIANTE, ExitCategory.POSITIVE, ConsolidationExitRow.FORMATION, false)]
    [InlineData(ExitReason.AUTRE_POSITIVE, ExitCategory.POSITIVE, ConsolidationExitRow.AUTRES_POSITIVES, false)]
    [InlineData(ExitReason.ABANDON, ExitCategory.SANS_SUITE, ConsolidationExitRow.ABANDON, false)]
    [InlineData(ExitReason.DEMENAGEMENT, ExitCategory.SANS_SUITE, ConsolidationExitRow.DEMENAGEMENT_DECES_RETRAITE, true)]
    [InlineData(ExitReason.DECES, ExitCategory.SANS_SUITE, ConsolidationExitRow.DEMENAGEMENT_DECES_RETRAITE, true)]
    [InlineData(ExitReason.RETRAITE, ExitCategory.SANS_SUITE, ConsolidationExitRow.DEMENAGEMENT_DECES_RETRAITE, true)]
    [InlineData(ExitReason.MATERNITE, ExitCategory.SANS_SUITE, ConsolidationExitRow.AUTRES_SANS_SUITE, false)]
    [InlineData(ExitReason.SANTE, ExitCategory.SANS_SUITE, ConsolidationExitRow.AUTRES_SANS_SUITE, false)]
    [InlineData(ExitReason.REORIENTATION, ExitCategory.SANS_SUITE, ConsolidationExitRow.AUTRES_SANS_SUITE, false)]
    [InlineData(ExitReason.NON_RESPECT_CONTRAT, ExitCategory.SANS_SUITE, ConsolidationExitRow.AUTRES_SANS_SUITE, false)]
    [InlineData(ExitReason.DUREE_MAXIMALE, ExitCategory.SANS_SUITE, ConsolidationExitRow.AUTRES_SANS_SUITE, false)]
    [InlineData(ExitReason.SITUATION_ADMINISTRATIVE, ExitCategory.SANS_SUITE, ConsolidationExitRow.AUTRES_SANS_SUITE, false)]
    [InlineData(ExitReason.INDISPONIBLE, ExitCategory.SANS_SUITE, ConsolidationExitRow.AUTRES_SANS_SUITE, false)]
    [InlineData(ExitReason.EMPLOI_TRANSITION, ExitCategory.SANS_SUITE, ConsolidationExitRow.AUTRES_SANS_SUITE, false)]
    [InlineData(ExitReason.CONTRAT_SIAE, ExitCategory.SANS_SUITE, ConsolidationExitRow.AUTRES_SANS_SUITE, false)]
    [InlineData(ExitReason.AUTRE_ACTION_INSERTION, ExitCategory.SANS_SUITE, ConsolidationExitRow.AUTRES_SANS_SUITE, false)]
    [InlineData(ExitReason.ACCES_DROITS, ExitCategory.SANS_SUITE, ConsolidationExitRow.AUTRES_SANS_SUITE, false)]
    [InlineData(ExitReason.FIN_DROITS_RSA, ExitCategory.SANS_SUITE, ConsolidationExitRow.AUTRES_SANS_SUITE, false)]
    [InlineData(ExitReason.AUTRE_SANS_SUITE, ExitCategory.SANS_SUITE, ConsolidationExitRow.AUTRES_SANS_SUITE, false)]
    public void Classify_Reason_CategoryRowAndNeutralisableOfTheNationalDefaults(
        ExitReason reason, ExitCategory category, ConsolidationExitRow row, bool neutralisable)
    {
        // Act
        var classification = ExitRules.Classify(reason);

        // Assert
        Assert.Equal(new ExitClassification(reason, category, row, neutralisable), classification);
        Assert.Equal(category == ExitCategory.POSITIVE, classification.IsPositive);
    }

    [Fact]
    public void Classify_Table_CoversEveryExitReason()
    {
        // Arrange
        var table = typeof(ExitRulesTests).GetMethod(nameof(Classify_Reason_CategoryRowAndNeutralisableOfTheNationalDefaults))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (ExitReason)a.GetData(null!).Single()[0]);

        // Assert
        Assert.Equal(Enum.GetValues<ExitReason>().Order(), table.Order());
    }

    [Theory]
    [InlineData(ContractType.CDD, "6", null)]
    [InlineData(ContractType.CDD, "6.5", "accepted")]
    [InlineData(ContractType.CDD, "12", "accepted")]
    [InlineData(ContractType.CDI, null, "accepted")]
    [InlineData(ContractType.INTERIM, "6", null)]
    [InlineData(ContractType.APPRENTISSAGE, "24", "accepted")]
    public void CheckAgainstStep_EmploiDurable_NeedsADurableContract(ContractType contract, string? months, string? accepted)
    {
        // Arrange
        var step = new Step
        {
            StepType = StepType.EMPLOI_SORTIE,
            StartDate = new DateOnly(2025, 3, 1),
            ContractType = contract,
            ContractMonths = months is null ? null : decimal.Parse(months, System.Globalization.CultureInfo.InvariantCulture),
        };

        // Act
        var error = ExitRules.CheckAgainstStep(ExitReason.EMPLOI_DURABLE, step);

        // Assert
        if (accepted is not null) Assert.Null(error);
        else Assert.Equal("Une sortie en emploi durable exige un contrat durable (CDI, ou contrat de plus de 6 mois).", error);
    }

    [Fact]
    public void CheckAgainstStep_EmploiDurableOnOpenEndedFixedTermContract_Accepted()
    {
        // Arrange
        var step = new Step { StepType = StepType.EMPLOI_SORTIE, ContractType = ContractType.PROFESSIONNALISATION, OpenEnded = true };

        // Act & Assert
        Assert.Null(ExitRules.CheckAgainstStep(ExitReason.EMPLOI_DURABLE, step));
    }

    [Theory]
    [InlineData(StepType.FORMATION_QUALIFIANTE, true)]
    [InlineData(StepType.VAE, true)]
    [InlineData(StepType.FORMATION_LINGUISTIQUE, false)]
    [InlineData(StepType.PREPARATION_OPERATIONNELLE, false)]
    [InlineData(StepType.EMPLOI_SORTIE, false)]
    public void CheckAgainstStep_FormationQualifiante_NeedsAQualifyingTrainingStep(StepType type, bool accepted)
    {
        // Arrange
        var step = new Step { StepType = type, StartDate = new DateOnly(2025, 3, 1) };

        // Act
        var error = ExitRules.CheckAgainstStep(ExitReason.FORMATION_QUALIFIANTE, step);

        // Assert
        if (accepted) Assert.Null(error);
        else Assert.Equal("Une sortie en formation qualifiante exige une étape de formation qualifiante.", error);
    }

    [Theory]
    [InlineData(ContractType.CDD, "4", true)]
    [InlineData(ContractType.CDD, "6", true)]
    [InlineData(ContractType.CDD, "7", false)]
    [InlineData(ContractType.CDI, null, false)]
    public void CheckAgainstStep_EmploiTransition_NeedsAContractThatIsNotDurable(ContractType contract, string? months, bool accepted)
    {
        // Arrange
        var step = new Step
        {
            StepType = StepType.CDD_COURT,
            ContractType = contract,
            ContractMonths = months is null ? null : decimal.Parse(months, System.Globalization.CultureInfo.InvariantCulture),
        };

        // Act
        var error = ExitRules.CheckAgainstStep(ExitReason.EMPLOI_TRANSITION, step);

        // Assert
        Assert.Equal(accepted, error is null);
    }

    [Theory]
    [InlineData(ExitReason.EMPLOI_DURABLE)]
    [InlineData(ExitReason.FORMATION_QUALIFIANTE)]
    [InlineData(ExitReason.ABANDON)]
    public void CheckAgainstStep_NoStep_NothingToCheck(ExitReason reason) =>
        Assert.Null(ExitRules.CheckAgainstStep(reason, null));

    [Fact]
    public void CheckAgainstStep_ReasonWithoutStepCondition_AnyStepAccepted()
    {
        // Arrange
        var step = new Step { StepType = StepType.ATELIER_COLLECTIF };

        // Act & Assert
        Assert.Null(ExitRules.CheckAgainstStep(ExitReason.DEMENAGEMENT, step));
    }
}
