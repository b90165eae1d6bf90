using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Domain.CodeLists;
using Parcours.TestCommon;

namespace Parcours.Web.Tests.Support;

/// <summary>Picks test data from a generated database, without access scope, the way a tester would with SQL.</summary>
public sealed class DemoData(string database) : IAsyncDisposable
{
    private readonly ParcoursDbContext _db = DemoDatabase.Open(database);

    public ParcoursDbContext Db => _db;

    public async Task<long> OrganisationOfAsync(string login) =>
        await _db.Users.Where(u => u.Login == login).Select(u => u.OrganisationId).SingleAsync();

    public async Task<long> ReferentOfAsync(string login) =>
        await _db.Users.Where(u => u.Login == login).Select(u => u.ReferentId!.Value).SingleAsync();

    /// <summary>Referent ids a référent user may see: their own and the caseloads shared with them.</summary>
    public async Task<List<long>> VisibleReferentsOfAsync(string login)
    {
        var user = await _db.Users.SingleAsync(u => u.Login == login);
        var shared = await _db.CaseloadShares.Where(s => s.SharedWithUserId == user.Id).Select(s => s.ReferentId).ToListAsync();
        return [user.ReferentId!.Value, .. shared];
    }

    /// <summary>Ids of the participants having at least one pathway followed by one of <paramref name="referentIds"/>.</summary>
    public async Task<HashSet<long>> CaseloadAsync(IReadOnlyCollection<long> referentIds) =>
        (await _db.Participants
            .Where(p => p.Pathways.Any(pw => pw.ReferentId != null && referentIds.Contains(pw.ReferentId.Value)))
            .Select(p => p.Id).ToListAsync()).ToHashSet();

    /// <summary>A participant of <paramref name="organisationId"/>, with one of their pathways.</summary>
    public async Task<(long ParticipantId, long PathwayId)> ParticipantOfOrganisationAsync(long organisationId) =>
        await _db.Pathways.Where(pw => pw.OrganisationId == organisationId && pw.Participant!.OrganisationId == organisationId)
            .OrderBy(pw => pw.Id).Select(pw => new ValueTuple<long, long>(pw.ParticipantId, pw.Id)).FirstAsync();

    /// <summary>A participant of the organisation none of whose pathways is followed by <paramref name="referentIds"/>.</summary>
    public async Task<long> ParticipantOfAnotherReferentAsync(long organisationId, IReadOnlyCollection<long> referentIds) =>
        await _db.Participants
            .Where(p => p.OrganisationId == organisationId && p.Pathways.Any()
                && !p.Pathways.Any(pw => pw.ReferentId != null && referentIds.Contains(pw.ReferentId.Value)))
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();

    /// <summary>A pathway of the organisation that ended with the given exit reason.</summary>
    public async Task<(long ParticipantId, long PathwayId)> PathwayWithExitAsync(long organisationId, ExitReason reason) =>
        await _db.Pathways.Where(pw => pw.OrganisationId == organisationId && pw.ExitReason == reason && pw.Steps.Count >= 2)
            .OrderBy(pw => pw.Id).Select(pw => new ValueTuple<long, long>(pw.ParticipantId, pw.Id)).FirstAsync();

    /// <summary>
    /// The current (latest) pathway of a participant of the organisation, still open, with a référent,
    /// that a coordinator may hand over: the one the «Réaffecter» form is shown for.
    /// </summary>
    public async Task<(long ParticipantId, long PathwayId, long ReferentId)> OpenPathwayAsync(long organisationId)
    {
        var candidates = await _db.Pathways
            .Where(pw => pw.OrganisationId == organisationId && pw.ReferentId != null
                && pw.Status != PathwayStatus.SORTI && pw.Status != PathwayStatus.NON_ENTRE)
            .OrderBy(pw => pw.Id).Select(pw => new { pw.ParticipantId, pw.Id, pw.Rank, ReferentId = pw.ReferentId!.Value }).ToListAsync();
        foreach (var c in candidates)
        {
            // The page shows the form on its first pathway (highest rank, then highest id) only.
            var first = await _db.Pathways.Where(pw => pw.ParticipantId == c.ParticipantId)
                .OrderByDescending(pw => pw.Rank).ThenByDescending(pw => pw.Id).Select(pw => pw.Id).FirstAsync();
            if (first == c.Id) return (c.ParticipantId, c.Id, c.ReferentId);
        }
        throw new InvalidOperationException($"No open pathway in organisation {organisationId}.");
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
