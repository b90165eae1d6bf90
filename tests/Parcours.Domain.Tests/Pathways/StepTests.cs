using Parcours.Domain.CodeLists;
using Parcours.Domain.Pathways;

namespace Parcours.Domain.Tests.Pathways;

public class StepTests
{
    [Theory]
    [InlineData(StepType.EMPLOI_SORTIE, ContractType.CDI, null, true)]
    [InlineData(StepType.EMPLOI_SORTIE, ContractType.CDD, "12", true)]
    [InlineData(StepType.CLAUSE_SOCIALE, ContractType.CDI, null, true)]
    [InlineData(StepType.CLAUSE_SOCIALE, ContractType.CDD, "6.5", true)]
    [InlineData(StepType.CLAUSE_SOCIALE, ContractType.CDD, "6", false)]
    [InlineData(StepType.CLAUSE_SOCIALE, ContractType.CDDI, "12", false)]
    [InlineData(StepType.CLAUSE_SOCIALE, ContractType.INTERIM_INSERTION, "12", false)]
    [InlineData(StepType.CLAUSE_SOCIALE, ContractType.CUI_CAE, "12", false)]
    [InlineData(StepType.CLAUSE_SOCIALE, ContractType.CUI_CIE, "12", false)]
    [InlineData(StepType.CDD_COURT, ContractType.CDD, "5", false)]
    [InlineData(StepType.CUI_CIE, ContractType.CUI_CIE, "12", false)]
    [InlineData(StepType.CDI_TEMPS_PARTIEL, ContractType.CDI, null, false)]
    [InlineData(StepType.ACI, ContractType.CDDI, "12", false)]
    public void IsExitJob_TypeAndContract_OnlyDurableUnsubsidisedJobs(StepType type, ContractType contract, string? months, bool expected)
    {
        // Arrange
        var step = new Step
        {
            StepType = type,
            StartDate = new DateOnly(2025, 3, 1),
            ContractType = contract,
            ContractMonths = months is null ? null : decimal.Parse(months, System.Globalization.CultureInfo.InvariantCulture),
        };

        // Act & Assert
        Assert.Equal(expected, step.IsExitJob);
    }

    [Fact]
    public void IsExitJob_TrainingStep_False()
    {
        // Arrange
        var step = new Step { StepType = StepType.FORMATION_QUALIFIANTE, StartDate = new DateOnly(2025, 3, 1) };

        // Act & Assert
        Assert.False(step.IsExitJob);
    }

    [Theory]
    [InlineData("2025-02-28", false)]
    [InlineData("2025-03-01", true)]
    [InlineData("2025-03-15", true)]
    [InlineData("2025-03-31", true)]
    [InlineData("2025-04-01", false)]
    public void IsInProgressOn_EndedStep_FromStartToEndInclusive(string date, bool expected)
    {
        // Arrange
        var step = new Step { StepType = StepType.ATELIER_COLLECTIF, StartDate = new DateOnly(2025, 3, 1), EndDate = new DateOnly(2025, 3, 31) };

        // Act & Assert
        Assert.Equal(expected, step.IsInProgressOn(DateOnly.Parse(date)));
    }

    [Theory]
    [InlineData("2025-02-28", false)]
    [InlineData("2025-03-01", true)]
    [InlineData("2030-12-31", true)]
    public void IsInProgressOn_StepWithoutEndDate_InProgressFromItsStart(string date, bool expected)
    {
        // Arrange: the planned end does not end the step, only the actual end does.
        var step = new Step
        {
            StepType = StepType.ACTION_MOBILISATION,
            StartDate = new DateOnly(2025, 3, 1),
            PlannedEndDate = new DateOnly(2025, 3, 31),
        };

        // Act & Assert
        Assert.Equal(expected, step.IsInProgressOn(DateOnly.Parse(date)));
    }

    [Fact]
    public void IsInProgressOn_OneDayStep_OnlyThatDay()
    {
        // Arrange
        var day = new DateOnly(2025, 3, 10);
        var step = new Step { StepType = StepType.BILAN_DIAGNOSTIC, StartDate = day, EndDate = day };

        // Act & Assert
        Assert.Equal((false, true, false), (step.IsInProgressOn(day.AddDays(-1)), step.IsInProgressOn(day), step.IsInProgressOn(day.AddDays(1))));
    }
}
