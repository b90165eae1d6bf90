using Parcours.Domain.CodeLists;
using Parcours.Domain.Pathways;

namespace Parcours.Domain.Tests.Pathways;

/// <summary>
/// Situation changes after entry (W-02), tripartite reviews and the post-employment follow-up
/// (W-05, R-130), at their boundaries.
/// </summary>
public class WorkspaceFollowUpRulesTests
{
    private static readonly DateOnly Entry = new(2025, 1, 15);
    private static readonly DateOnly Today = new(2025, 6, 30);
    private static readonly ParticipantSituation Current = new() { LabourMarketStatus = FseEntrySituation.CHOMEUR_LONGUE_DUREE, LongTermJobseeker = true };
    private static readonly ParticipantSituation Employed = Current with { LabourMarketStatus = FseEntrySituation.EMPLOYE, LongTermJobseeker = false };

    private static bool Valid(DateOnly effectiveOn, DateOnly? lastChange = null, ParticipantSituation? proposed = null, PathwayStatus status = PathwayStatus.ENTRE) =>
        SituationRules.Check(status, Entry, lastChange, Current, proposed ?? Employed, effectiveOn, Today).IsValid;

    [Theory]
    [InlineData("2025-01-15", true)]  // on the entry date
    [InlineData("2025-01-14", false)] // the day before entry: the profile at entry is frozen
    [InlineData("2025-06-30", true)]  // today
    [InlineData("2025-07-01", false)] // tomorrow
    public void SituationChange_DateBetweenEntryAndToday(string effectiveOn, bool expected) =>
        Assert.Equal(expected, Valid(DateOnly.Parse(effectiveOn)));

    [Fact]
    public void SituationChange_NotBeforeTheLastChange_NorIdentical_NorOnAClosedPathway()
    {
        Assert.True(Valid(new DateOnly(2025, 3, 1), lastChange: new DateOnly(2025, 3, 1)));
        Assert.False(Valid(new DateOnly(2025, 2, 28), lastChange: new DateOnly(2025, 3, 1)));
        var same = SituationRules.Check(PathwayStatus.ENTRE, Entry, null, Current, Current, Today, Today);
        Assert.Equal("Aucun changement par rapport à la situation actuelle.", Assert.Single(same.Errors).Message);
        Assert.False(Valid(Today, status: PathwayStatus.SORTI));
        Assert.False(Valid(Today, status: PathwayStatus.EN_COMMISSION));
        Assert.False(Valid(Today, proposed: Employed with { CommuneInsee = "2123" }));
        Assert.True(Valid(Today, proposed: Current with { CommuneInsee = "2A004" }));
    }

    [Fact]
    public void SituationDifferences_NameTheChangedFields_WithValuesBeforeAndAfter()
    {
        var diff = SituationRules.Differences(Current, Employed);
        Assert.Equal(["Situation sur le marché du travail", "Demandeur d'emploi de longue durée"], diff.Select(d => d.Field));
        Assert.Equal(("Oui", "Non"), (diff[1].Before, diff[1].After));
    }

    [Fact]
    public void SituationHistory_KeepsTheProfileAtEntry_AndCarriesTheCommuneForward()
    {
        var pathway = new Pathway { PublicCategory = PublicCategory.DELD, LabourMarketStatus = FseEntrySituation.CHOMEUR_LONGUE_DUREE, QpvResident = true };
        var moved = SituationChange.From(1, new DateOnly(2025, 3, 1), ParticipantSituation.AtEntry(pathway) with { CommuneInsee = "21231", QpvResident = false });
        var hired = SituationChange.From(1, new DateOnly(2025, 5, 1), moved.Situation with { CommuneInsee = null, LabourMarketStatus = FseEntrySituation.EMPLOYE });
        var history = SituationHistories.Build(ParticipantSituation.AtEntry(pathway), [hired, moved], "21231");

        Assert.True(history.AtEntry.LongTermJobseeker);
        Assert.True(history.AtEntry.QpvResident);
        Assert.Equal([new DateOnly(2025, 3, 1), new DateOnly(2025, 5, 1)], history.Changes.Select(c => c.EffectiveOn));
        Assert.Equal(["Commune (code INSEE)", "Résident QPV"], history.Changes[0].Changes.Select(c => c.Field));
        Assert.Equal(["Situation sur le marché du travail"], history.Changes[1].Changes.Select(c => c.Field));
        Assert.Equal("21231", history.Changes[1].Situation.CommuneInsee);
        Assert.Equal(FseEntrySituation.EMPLOYE, history.Current.LabourMarketStatus);
    }

    private static TripartiteReview Review(DateOnly heldOn, DateOnly? next = null, bool participant = true, bool referent = true) => new()
    {
        HeldOn = heldOn, ParticipantPresent = participant, ReferentPresent = referent, Decision = ReviewDecision.POURSUITE, NextReviewOn = next,
    };

    [Theory]
    [InlineData("2025-01-15", null, true)]
    [InlineData("2025-01-14", null, false)]
    [InlineData("2025-07-01", null, false)]
    [InlineData("2025-06-30", "2025-06-30", false)] // the next review on the same day
    [InlineData("2025-06-30", "2025-07-01", true)]
    public void Review_HeldBetweenEntryAndToday_NextReviewAfterIt(string heldOn, string? next, bool expected) =>
        Assert.Equal(expected, ReviewRules.Check(PathwayStatus.ENTRE, Entry, Review(DateOnly.Parse(heldOn), next is null ? null : DateOnly.Parse(next)), Today).IsValid);

    [Fact]
    public void Review_NeedsTheParticipant_AndAProfessional()
    {
        Assert.False(ReviewRules.Check(PathwayStatus.ENTRE, Entry, Review(Today, participant: false), Today).IsValid);
        Assert.False(ReviewRules.Check(PathwayStatus.ENTRE, Entry, Review(Today, referent: false), Today).IsValid);
        Assert.False(ReviewRules.Check(PathwayStatus.SORTI, Entry, Review(Today), Today).IsValid);
    }

    private static PathwaySnapshot InProgress => new()
    {
        Status = PathwayStatus.ENTRE, EntryDate = Entry, StatusSince = Entry, HasStepInProgress = true, LastContact = new DateOnly(2100, 1, 1),
    };

    private static bool Has(PathwaySnapshot p, CaseloadAlertKind kind, DateOnly today) =>
        CaseloadAlerts.For(p, PathwayPolicy.Default, today).Any(a => a.Kind == kind);

    [Theory]
    [InlineData("2025-09-30", false)] // the day before the planned review
    [InlineData("2025-10-01", true)]  // on the planned date
    public void TripartiteReviewDue_FromTheNextReviewDate(string today, bool expected)
    {
        var p = InProgress with { LastReviewOn = new DateOnly(2025, 4, 1), NextReviewOn = new DateOnly(2025, 10, 1) };
        Assert.Equal(expected, Has(p, CaseloadAlertKind.TripartiteReviewDue, DateOnly.Parse(today)));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("2026-07-14", true)]  // held the day before the 18 months: still due
    [InlineData("2026-07-15", false)] // held exactly at 18 months: done
    public void Review18Months_ClearedByAReviewHeldFromThe18thMonth(string? lastReview, bool expected)
    {
        var p = InProgress with { LastReviewOn = lastReview is null ? null : DateOnly.Parse(lastReview) };
        Assert.Equal(expected, Has(p, CaseloadAlertKind.Review, new DateOnly(2026, 8, 1)));
    }

    [Theory]
    [InlineData("2025-04-09", false)] // job started 10/03: +1 month is 10/04
    [InlineData("2025-04-10", true)]
    public void FollowUpDue_FromOneMonthAfterTheJobStart(string today, bool expected)
    {
        var p = InProgress with { ExitJobStart = new DateOnly(2025, 3, 10) };
        Assert.Equal(expected, Has(p, CaseloadAlertKind.FollowUpDue, DateOnly.Parse(today)));
    }

    [Fact]
    public void FollowUpDue_NotForAMilestoneDone_ButForTheNextOneWhenReached()
    {
        var p = InProgress with { ExitJobStart = new DateOnly(2025, 3, 10), FollowUpsDone = [1] };
        Assert.False(Has(p, CaseloadAlertKind.FollowUpDue, new DateOnly(2025, 6, 9)));
        var alert = CaseloadAlerts.For(p, PathwayPolicy.Default, new DateOnly(2025, 6, 10)).Single(a => a.Kind == CaseloadAlertKind.FollowUpDue);
        Assert.Equal(new DateOnly(2025, 6, 10), alert.DueOn);
        Assert.Contains("à 3 mois", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FollowUpSchedule_PlusOneThreeSixMonths_AndItsChecks()
    {
        var start = new DateOnly(2025, 1, 31);
        Assert.Equal([new DateOnly(2025, 2, 28), new DateOnly(2025, 4, 30), new DateOnly(2025, 7, 31)],
            FollowUpSchedule.For(start, []).Select(c => c.PlannedOn));
        var job = new Step { StepType = StepType.EMPLOI_SORTIE, StartDate = start, ContractType = ContractType.CDI };
        Assert.True(FollowUpSchedule.Check(job, 1, start, [], Today).IsValid);
        Assert.False(FollowUpSchedule.Check(job, 1, start.AddDays(-1), [], Today).IsValid);
        Assert.False(FollowUpSchedule.Check(job, 1, Today.AddDays(1), [], Today).IsValid);
        Assert.False(FollowUpSchedule.Check(job, 1, Today, [1], Today).IsValid);
        Assert.False(FollowUpSchedule.Check(job, 2, Today, [], Today).IsValid);
        var training = new Step { StepType = StepType.ACTION_MOBILISATION, StartDate = start };
        Assert.False(FollowUpSchedule.Check(training, 1, Today, [], Today).IsValid);
    }
}
