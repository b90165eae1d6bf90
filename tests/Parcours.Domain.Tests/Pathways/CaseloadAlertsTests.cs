using Parcours.Domain.CodeLists;
using Parcours.Domain.Pathways;

namespace Parcours.Domain.Tests.Pathways;

/// <summary>The caseload alert rules of W-02 at their boundaries .</summary>
public class CaseloadAlertsTests
{
    private static readonly DateOnly Entry = new(2025, 1, 15);

    private static PathwaySnapshot InProgress(DateOnly? lastContact = null) => new()
    {
        Status = PathwayStatus.ENTRE,
        EntryDate = Entry,
        StatusSince = Entry,
        HasStepInProgress = true,
        LastContact = lastContact ?? new DateOnly(2100, 1, 1),
    };

    private static bool Has(PathwaySnapshot p, CaseloadAlertKind kind, DateOnly today, PathwayPolicy? policy = null) =>
        CaseloadAlerts.For(p, policy ?? PathwayPolicy.Default, today).Any(a => a.Kind == kind);

    [Theory]
    [InlineData("2025-04-15", false)] // exactly 3 months after entry: not «more than»
    [InlineData("2025-04-16", true)]  // one day more
    [InlineData("2025-04-14", false)]
    public void NoStep_CountsFromEntry_RaisedStrictlyAfterThreeMonths(string today, bool expected)
    {
        var p = InProgress() with { HasStepInProgress = false };
        Assert.Equal(expected, Has(p, CaseloadAlertKind.NoStep, DateOnly.Parse(today)));
    }

    [Theory]
    [InlineData("2025-09-30", false)] // last step ended 30/06: exactly 3 months
    [InlineData("2025-10-01", true)]
    public void NoStep_CountsFromTheEndOfTheLastStep(string today, bool expected)
    {
        var p = InProgress() with { HasStepInProgress = false, LastStepEnd = new DateOnly(2025, 6, 30) };
        Assert.Equal(expected, Has(p, CaseloadAlertKind.NoStep, DateOnly.Parse(today)));
    }

    [Fact]
    public void NoStep_NotRaised_WhileAStepIsInProgress_NorOnHold()
    {
        Assert.False(Has(InProgress(), CaseloadAlertKind.NoStep, new DateOnly(2026, 1, 1)));
        var onHold = InProgress() with { Status = PathwayStatus.EN_VEILLE, HasStepInProgress = false };
        Assert.False(Has(onHold, CaseloadAlertKind.NoStep, new DateOnly(2026, 1, 1)));
    }

    [Theory]
    [InlineData("2026-07-14", false)] // 18 months minus one day
    [InlineData("2026-07-15", true)]  // exactly 18 months
    [InlineData("2027-01-01", true)]
    public void Review_FromExactly18Months(string today, bool expected) =>
        Assert.Equal(expected, Has(InProgress(), CaseloadAlertKind.Review, DateOnly.Parse(today)));

    [Theory]
    [InlineData("2027-04-14", null)]                                        // 27 months minus one day
    [InlineData("2027-04-15", CaseloadAlertKind.MaxDurationApproaching)]   // 27 months: 3 months before
    [InlineData("2027-07-14", CaseloadAlertKind.MaxDurationApproaching)]   // 30 months minus one day
    [InlineData("2027-07-15", CaseloadAlertKind.MaxDurationReached)]       // exactly 30 months
    public void MaxDuration_WarningThenReached(string today, CaseloadAlertKind? expected)
    {
        var policy = PathwayPolicy.Default with { MaxPathwayMonths = 30 };
        var kinds = CaseloadAlerts.For(InProgress(), policy, DateOnly.Parse(today)).Select(a => a.Kind)
            .Where(k => k is CaseloadAlertKind.MaxDurationApproaching or CaseloadAlertKind.MaxDurationReached).ToList();
        Assert.Equal(expected is null ? [] : [expected.Value], kinds);
    }

    [Fact]
    public void MaxDuration_NoneWithoutALimit() =>
        Assert.DoesNotContain(CaseloadAlerts.For(InProgress(), PathwayPolicy.Default, new DateOnly(2030, 1, 1)),
            a => a.Kind is CaseloadAlertKind.MaxDurationReached or CaseloadAlertKind.MaxDurationApproaching);

    [Theory]
    [InlineData("2025-03-01", "2025-08-31", false)] // 6 months minus one day
    [InlineData("2025-03-01", "2025-09-01", true)]  // exactly 6 months: due on the validation date
    [InlineData("2025-08-31", "2026-02-27", false)] // 31 August + 6 months = 28 February
    [InlineData("2025-08-31", "2026-02-28", true)]
    public void ExitJob_DueOnStartPlusSixMonths(string start, string today, bool expected)
    {
        var p = InProgress() with { ExitJobStart = DateOnly.Parse(start) };
        Assert.Equal(expected, Has(p, CaseloadAlertKind.ExitJobValidationDue, DateOnly.Parse(today)));
    }

    [Theory]
    [InlineData(59, false)]
    [InlineData(60, true)] // 60 days without an attended appointment
    public void NoContact_After60Days(int days, bool expected)
    {
        var last = new DateOnly(2025, 6, 1);
        Assert.Equal(expected, Has(InProgress(last), CaseloadAlertKind.NoContact, last.AddDays(days)));
    }

    [Fact]
    public void NoContact_CountsFromEntry_WhenNoAppointment()
    {
        var p = InProgress() with { LastContact = null };
        Assert.False(Has(p, CaseloadAlertKind.NoContact, Entry.AddDays(59)));
        Assert.True(Has(p, CaseloadAlertKind.NoContact, Entry.AddDays(60)));
    }

    [Theory]
    [InlineData(31, false)]
    [InlineData(30, true)] // ends within 30 days
    [InlineData(0, true)]
    [InlineData(-10, true)] // ended, not renewed
    public void ContractToRenew_Within30DaysOfItsEnd(int daysBeforeEnd, bool expected)
    {
        var end = new DateOnly(2026, 3, 31);
        var p = InProgress() with { ContractEnd = end };
        Assert.Equal(expected, Has(p, CaseloadAlertKind.ContractToRenew, end.AddDays(-daysBeforeEnd)));
    }

    [Theory]
    [InlineData("2025-08-31", false)]
    [InlineData("2025-09-01", true)] // on hold since 01/06 + 3 months
    public void OnHold_OnlyTheReviewAlert(string today, bool expected)
    {
        var p = InProgress() with { Status = PathwayStatus.EN_VEILLE, StatusSince = new DateOnly(2025, 6, 1), HasStepInProgress = false, LastContact = null };
        var alerts = CaseloadAlerts.For(p, PathwayPolicy.Default with { MaxPathwayMonths = 1 }, DateOnly.Parse(today));
        Assert.Equal(expected ? [CaseloadAlertKind.OnHoldReviewDue] : [], alerts.Select(a => a.Kind).ToList());
    }

    [Fact]
    public void ClosedOrNotEntered_NoAlert()
    {
        foreach (var status in new[] { PathwayStatus.SORTI, PathwayStatus.NON_ENTRE, PathwayStatus.EN_COMMISSION })
            Assert.Empty(CaseloadAlerts.For(InProgress() with { Status = status, HasStepInProgress = false }, PathwayPolicy.Default, new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void Messages_AreFrench_AndNameTheDates()
    {
        var p = InProgress() with { ExitJobStart = new DateOnly(2025, 3, 1) };
        var alert = CaseloadAlerts.For(p, PathwayPolicy.Default, new DateOnly(2025, 9, 2)).Single(a => a.Kind == CaseloadAlertKind.ExitJobValidationDue);
        Assert.Contains("01/09/2025", alert.Message);
        Assert.Equal(new DateOnly(2025, 9, 1), alert.DueOn);
        Assert.Equal("Sortie à valider (6 mois d'emploi)", alert.Label);
    }
}
