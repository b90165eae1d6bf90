using Parcours.Domain.Clauses;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Fse;
using Parcours.Domain.Offer;

namespace Parcours.Domain.Tests.Modules;

/// <summary>Rules of the programming, the Département actions and the clauses (exchange format §5.9 to §5.14).</summary>
public class ModuleRulesTests
{
    private static readonly DateOnly July = new(2024, 7, 1);

    [Fact]
    public void MonthFigures_WorkedExample_PersonLeavingOnTheLastDayIsNoLongerAccompanied()
    {
        // exchange-format.md §10.3: P3's coaching step of action A1 ends on 31 July with a 4-month CDD (EMPLOI_TRANSITION).
        var steps = new[] { new ActionRules.ActionStep(new DateOnly(2024, 5, 6), new DateOnly(2024, 7, 31), DepartementExitCategory.EMPLOI_TRANSITION) };

        var may = ActionRules.Compute(new DateOnly(2024, 5, 1), steps);
        var june = ActionRules.Compute(new DateOnly(2024, 6, 1), steps);
        var july = ActionRules.Compute(July, steps);

        Assert.Equal(new ActionRules.MonthFigures(1, 1, 0, 0, 0, 0), may);
        Assert.Equal(new ActionRules.MonthFigures(1, 0, 0, 0, 0, 0), june);
        Assert.Equal(new ActionRules.MonthFigures(0, 0, 0, 1, 0, 0), july);
        Assert.True(ActionRules.StockContinues(june.AccompaniedLastDay, july));
        Assert.False(ActionRules.StockContinues(june.AccompaniedLastDay, july with { AccompaniedLastDay = 1 }));
    }

    [Theory]
    [InlineData("60000.00", 20, 40, "30000.00")]
    [InlineData("40000.00", 60, 100, "24000.00")]
    [InlineData("10000.00", 1, 3, "3333.33")]
    public void ProratedAmount_WorkedExampleAndRounding(string lumpSum, int funded, int reference, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            ActionRules.ProratedAmount(decimal.Parse(lumpSum, System.Globalization.CultureInfo.InvariantCulture), funded, reference));

    [Theory]
    [InlineData(ProgrammingLineStatus.BROUILLON, false)]
    [InlineData(ProgrammingLineStatus.VOTEE, true)]
    [InlineData(ProgrammingLineStatus.SOLDEE, true)]
    [InlineData(ProgrammingLineStatus.ABANDONNEE, false)]
    public void MustBalance_FromVoteOnwards_ExceptAbandonedLines(ProgrammingLineStatus status, bool expected) =>
        Assert.Equal(expected, ProgrammingRules.MustBalance(status));

    [Fact]
    public void Financings_UnbalancedBeyondOneCent_FseAlwaysDirect_Thresholds()
    {
        Assert.False(ProgrammingRules.IsUnbalanced(96000m, 96000.01m));
        Assert.True(ProgrammingRules.IsUnbalanced(42000m, 40000m));
        Assert.False(ProgrammingRules.NatureAllowed(FunderKind.FSE, FinancingNature.INDIRECT));
        Assert.True(ProgrammingRules.NatureAllowed(FunderKind.ETAT, FinancingNature.INDIRECT));
        Assert.True(ProgrammingRules.OutsideFseThresholds(10000m, 6000m, null, 0.5m));
        Assert.True(ProgrammingRules.OutsideFseThresholds(10000m, 2000m, 5000m, null));
        Assert.False(ProgrammingRules.OutsideFseThresholds(10000m, 5000m, 5000m, 0.5m));
    }

    [Fact]
    public void ClauseHours_WorkedExample_595HoursOver17WeeksArePlausible_AndPeriodsOutsideTheMarketAreFlagged()
    {
        var start = new DateOnly(2024, 8, 1);
        var end = new DateOnly(2024, 11, 29);
        Assert.False(ClauseRules.HoursImplausible(595m, start, end));
        Assert.True(ClauseRules.HoursImplausible(49m, start, start.AddDays(6)));
        Assert.False(ClauseRules.HoursImplausible(48m, start, start.AddDays(6)));
        Assert.False(ClauseRules.OutsideParent(start, end, new DateOnly(2024, 6, 1), new DateOnly(2025, 3, 31)));
        Assert.True(ClauseRules.OutsideParent(new DateOnly(2024, 5, 1), end, new DateOnly(2024, 6, 1), null));
    }
}
