using Microsoft.EntityFrameworkCore;
using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.Core.Pathways;
using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Pathways;
using Parcours.TestCommon;
using Parcours.Web.Infrastructure;

namespace Parcours.Web.Tests.Workspace;

/// <summary>
/// The coordinator's per-référent alert counts, computed by the database (set-based SQL), equal the counts of the rule
/// engine over every pathway, on SQLite and on PostgreSQL, on several days (month ends included), with tripartite
/// reviews and follow-up contacts recorded on some pathways.
/// </summary>
public class ProgrammeLoadsTests
{
    private static readonly DateOnly[] Days =
        [DemoDatabase.Today, new(2026, 1, 31), new(2026, 2, 28), new(2026, 3, 31), new(2026, 8, 31), new(2026, 12, 30)];

    [Fact]
    public async Task SqlCounts_EqualTheRuleEngine_OnSqlite()
    {
        var path = (await DemoDatabase.GetAsync()).CreateCopy("programme-loads");
        await CompareAsync(DatabaseTarget.Parse(path));
    }

    [Fact]
    public async Task SqlCounts_EqualTheRuleEngine_OnPostgres()
    {
        var connection = PostgresTestServer.ConnectionStringForNewDatabase("programmeloads");
        await DemoDatabase.GenerateAsync(connection, 300, seed: 5);
        await CompareAsync(DatabaseTarget.Parse(connection));
    }

    private static async Task CompareAsync(DatabaseTarget target)
    {
        User coordinator;
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test")))
        {
            coordinator = await db.Users.AsNoTracking().FirstAsync(u => u.Login == "coordinateur1");
            // Reviews and follow-up contacts on a few pathways of the programme: their alerts go through the rule engine.
            var pathways = await db.Pathways.Where(p => p.OrganisationId == coordinator.OrganisationId && p.Status == PathwayStatus.ENTRE && p.EntryDate != null)
                .OrderBy(p => p.Id).Take(6).ToListAsync();
            foreach (var (p, i) in pathways.Select((p, i) => (p, i)))
                db.Reviews.Add(new TripartiteReview
                {
                    PathwayId = p.Id, HeldOn = p.EntryDate!.Value.AddMonths(i * 4), ParticipantPresent = true, ReferentPresent = true,
                    Decision = ReviewDecision.POURSUITE, NextReviewOn = i % 2 == 0 ? p.EntryDate!.Value.AddMonths(i * 4 + 6) : null,
                });
            var jobs = await db.Steps.Where(s => s.StepType == StepType.EMPLOI_SORTIE && s.EndDate == null
                && db.Pathways.Any(p => p.Id == s.PathwayId && p.OrganisationId == coordinator.OrganisationId && p.Status == PathwayStatus.ENTRE)).Take(3).ToListAsync();
            foreach (var job in jobs)
                db.FollowUps.Add(new EmploymentFollowUp
                {
                    PathwayId = job.PathwayId, StepId = job.Id, Milestone = 1, PlannedOn = FollowUpSchedule.PlannedOn(job.StartDate, 1),
                    DoneOn = FollowUpSchedule.PlannedOn(job.StartDate, 1), Situation = FollowUpSituation.EN_EMPLOI,
                });
            await db.SaveChangesAsync();
        }

        var clock = new SettableClock(DateTimeOffset.UtcNow);
        var policies = new PathwayPolicies(PathwayPolicies.WorkspaceDefault);
        var scope = new AccessScope();
        scope.RestrictTo(coordinator.Id, coordinator.Login, coordinator.OrganisationId, caseloadOnly: false, []);
        var compared = 0;
        foreach (var day in Days)
        {
            clock.SetToday(day);
            await using var db = ParcoursDatabase.Open(target, scope, clock);
            var queries = new CaseloadQueries(db, clock, policies);
            var expected = await queries.LoadsAsync(await queries.RowsAsync(new CaseloadFilter()));
            var actual = await queries.ProgrammeLoadsAsync();
            Assert.Equal(expected.Select(Describe), actual.Select(Describe));
            compared += expected.Sum(l => l.AlertCounts.Values.Sum());
        }
        Assert.True(compared > 30, $"only {compared} alerts compared");
    }

    private static string Describe(ReferentLoad l) =>
        $"{l.ReferentId}: {l.FileActive} actifs, {l.OnHold} en veille, {l.WithAlerts} avec alerte; "
        + string.Join(", ", l.AlertCounts.Where(a => a.Value > 0).OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value}"));
}
