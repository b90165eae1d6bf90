using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Pathways;

namespace Parcours.Core.Pathways;

public sealed record ParticipantSearch(string? Name = null, long? ReferentId = null, PathwayStatus? Status = null, int Page = 1, int PageSize = 50);

public sealed record ParticipantRow(long Id, string LastName, string FirstName, DateOnly? BirthDate, Sex Sex,
    long? PathwayId, PathwayStatus? Status, Scheme? Scheme, DateOnly? EntryDate, long? ReferentId, string? ReferentName);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record ReferentOption(long Id, string Name);

public sealed record StepView(long Id, StepType Type, StepFamily Family, DateOnly StartDate, DateOnly? PlannedEndDate, DateOnly? EndDate,
    bool? Financed, ContractType? ContractType, decimal? ContractMonths, string? EmployerName, bool IsExitJob, DateOnly? ValidationDate,
    decimal? WeeklyHours = null, bool? OpenEnded = null, string? EmployerSiret = null, long? OperationId = null);

public sealed record BarrierView(long Id, BarrierCategory Code, DateOnly IdentifiedOn, DateOnly? LiftedOn);

public sealed record ContractView(long Id, CommitmentContractKind Kind, DateOnly SignedOn, DateOnly StartDate, DateOnly? EndDate, decimal? WeeklyHours);

public sealed record PathwayView(long Id, long ParticipantId, Scheme Scheme, PathwayStatus Status, DateOnly? StatusSince, int Rank,
    long? ReferentId, string? ReferentName, PrescriberKind? PrescriberKind, DateOnly? PrescriptionDate, DateOnly? PreAssignmentDate,
    DateOnly? ConvocationDate, int ConvocationCount, DateOnly? PreEntryInterviewDate, DateOnly? EntryCommissionDate, DateOnly? EntryDate,
    NonEntryReason? NonEntryReason, DateOnly? NonEntryDate, int? AgeAtEntry, PublicCategory? PublicCategory, bool? ThRqth,
    bool? QpvResident, EducationLevelFt? EducationLevel, EducationLevel1969? EducationLevel1969, int? InactivityMonths,
    DateOnly? ExitDate, ExitReason? ExitReason, ExitCategory? ExitCategory, bool? ExitNeutralisable, DateOnly? ExitValidationDate,
    long? ExitStepId, IReadOnlyList<StepView> Steps, IReadOnlyList<BarrierView> Barriers, IReadOnlyList<ContractView> Contracts, int Version);

public sealed record ParticipantFile(long Id, string LastName, string FirstName, string? BirthName, DateOnly? BirthDate, Sex Sex,
    string? CommuneInsee, string? PostalCode, string? Phone, string? Email, IReadOnlyList<PathwayView> Pathways);

/// <summary>
/// Read projections of participants for the pages and the API. The access scope applies through the context's
/// query filters: a participant out of scope is simply not found.
/// </summary>
public sealed class ParticipantQueries(ParcoursDbContext db)
{
    /// <summary>
    /// One page of participants, ordered by name. The query starts from the identity table so that the index on
    /// (organisation, normalised name) gives the order and the page without sorting the whole organisation.
    /// </summary>
    public async Task<Paged<ParticipantRow>> SearchAsync(ParticipantSearch search, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(search.PageSize, 1, 200);
        var page = Math.Max(1, search.Page);
        var query = db.Identities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search.Name))
        {
            var key = Domain.Pathways.ParticipantIdentity.Normalise(search.Name);
            query = query.Where(i => i.SearchName.StartsWith(key) || i.SearchName.Contains(" " + key) || i.SearchName.Contains("-" + key));
        }
        // «IN (participants of the matching pathways)»: the database reads the matching pathways once through the
        // (organisation, status) or (référent, status) index, instead of probing the pathways of every participant.
        if (search.ReferentId is not null || search.Status is not null)
        {
            var matching = db.Pathways.AsQueryable();
            if (search.ReferentId is { } referentId) matching = matching.Where(pw => pw.ReferentId == referentId);
            if (search.Status is { } status) matching = matching.Where(pw => pw.Status == status);
            var participantIds = matching.Select(pw => pw.ParticipantId);
            query = query.Where(i => participantIds.Contains(i.Id));
        }

        var total = await query.CountAsync(ct);
        var identities = await query
            .OrderBy(i => i.SearchName).ThenBy(i => i.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(i => new { i.Id, i.LastName, i.FirstName, i.BirthDate })
            .ToListAsync(ct);

        // The page's details in two set-based queries: sex, and the latest pathway of each participant.
        var ids = identities.Select(i => i.Id).ToList();
        var sexes = await db.Participants.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Sex }).ToDictionaryAsync(p => p.Id, p => p.Sex, ct);
        var latest = await db.Pathways.AsNoTracking().Where(pw => ids.Contains(pw.ParticipantId))
            .Select(pw => new { pw.Id, pw.ParticipantId, pw.Status, pw.Scheme, pw.EntryDate, pw.ReferentId, RefLast = pw.Referent!.LastName, RefFirst = pw.Referent.FirstName })
            .ToListAsync(ct);
        var current = latest.GroupBy(pw => pw.ParticipantId).ToDictionary(g => g.Key, g => g.MaxBy(pw => pw.Id)!);
        return new Paged<ParticipantRow>(identities.Select(i =>
        {
            var c = current.GetValueOrDefault(i.Id);
            return new ParticipantRow(i.Id, i.LastName, i.FirstName, i.BirthDate, sexes.GetValueOrDefault(i.Id),
                c?.Id, c?.Status, c?.Scheme, c?.EntryDate, c?.ReferentId, c?.RefFirst is null ? null : $"{c.RefFirst} {c.RefLast}");
        }).ToList(), page, pageSize, total);
    }

    public async Task<IReadOnlyList<ReferentOption>> ReferentsAsync(CancellationToken ct = default) =>
        await db.Referents.AsNoTracking().OrderBy(r => r.LastName).ThenBy(r => r.FirstName)
            .Select(r => new ReferentOption(r.Id, r.FirstName + " " + r.LastName)).ToListAsync(ct);

    public Task<ParticipantFile?> FileAsync(long id, CancellationToken ct = default) => FileAsync(id, true, ct);

    public Task<PathwayView?> PathwayAsync(long id, CancellationToken ct = default) => PathwayAsync(id, true, ct);

    /// <param name="revealSensitive">false masks sensitive data: see <see cref="Domain.Access.SensitiveData"/>.</param>
    public async Task<ParticipantFile?> FileAsync(long id, bool revealSensitive, CancellationToken ct = default)
    {
        var participant = await db.Participants.AsNoTracking().Include(p => p.Identity).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (participant?.Identity is null) return null;
        var pathwayIds = await db.Pathways.AsNoTracking().Where(pw => pw.ParticipantId == id).OrderByDescending(pw => pw.Rank).ThenByDescending(pw => pw.Id)
            .Select(pw => pw.Id).ToListAsync(ct);
        var pathways = new List<PathwayView>();
        foreach (var pathwayId in pathwayIds)
            if (await PathwayAsync(pathwayId, revealSensitive, ct) is { } view) pathways.Add(view);
        var i = participant.Identity;
        return new ParticipantFile(participant.Id, i.LastName, i.FirstName, i.BirthName, i.BirthDate, participant.Sex, i.CommuneInsee, i.PostalCode,
            i.Phone, i.Email, pathways);
    }

    public async Task<PathwayView?> PathwayAsync(long id, bool revealSensitive, CancellationToken ct = default)
    {
        var p = await db.Pathways.AsNoTracking().AsSplitQuery()
            .Include(x => x.Referent).Include(x => x.Steps).Include(x => x.Barriers).Include(x => x.Contracts)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        if (!revealSensitive)
        {
            p.ExitReason = p.ExitReason is { } r ? ExitReasons.FeedCode(r) : null;
            p.PrescriberKind = p.PrescriberKind is { } k ? PrescriberKinds.FeedCode(k) : null;
            p.ThRqth = null;
            p.Barriers.RemoveAll(b => Domain.Access.SensitiveData.IsSensitive(b.BarrierCode));
        }
        var classification = p.ExitReason is { } reason ? ExitRules.Classify(reason) : null;
        return new PathwayView(p.Id, p.ParticipantId, p.Scheme, p.Status, p.StatusSince, p.Rank, p.ReferentId, p.Referent?.DisplayName,
            p.PrescriberKind, p.PrescriptionDate, p.PreAssignmentDate, p.ConvocationDate, p.ConvocationCount, p.PreEntryInterviewDate,
            p.EntryCommissionDate, p.EntryDate, p.NonEntryReason, p.NonEntryDate, p.AgeAtEntry, p.PublicCategory, p.ThRqth, p.QpvResident,
            p.EducationLevel, p.EducationLevel1969, p.InactivityMonths, p.ExitDate, p.ExitReason, classification?.Category,
            classification?.Neutralisable, p.ExitValidationDate, p.ExitStepId,
            p.Steps.OrderBy(s => s.StartDate).ThenBy(s => s.Id).Select(s => new StepView(s.Id, s.StepType, s.Family, s.StartDate, s.PlannedEndDate,
                s.EndDate, s.FinancedByProgramme, s.ContractType, s.ContractMonths, s.EmployerName, s.IsExitJob,
                s.IsExitJob ? ExitRules.ValidationDate(s.StartDate) : null, s.WeeklyHours, s.OpenEnded, s.EmployerSiret, s.OperationId)).ToList(),
            p.Barriers.OrderBy(b => b.IdentifiedOn).Select(b => new BarrierView(b.Id, b.BarrierCode, b.IdentifiedOn, b.LiftedOn)).ToList(),
            p.Contracts.OrderBy(c => c.SignedOn).Select(c => new ContractView(c.Id, c.Kind, c.SignedOn, c.StartDate, c.EndDate, c.WeeklyActivityHours)).ToList(),
            p.Version);
    }
}
