using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Common;
using Parcours.Domain.Pathways;

namespace Parcours.Core.Pathways;

/// <summary>One pathway of the file active, with what the caseload page shows and its alerts as of today.</summary>
public sealed record CaseloadRow(long PathwayId, long ParticipantId, string LastName, string FirstName, PathwayStatus Status,
    bool OnStep, StepType? CurrentStep, DateOnly EntryDate, int MonthsInPathway, DateOnly? LastContact, long? ReferentId, string? ReferentName,
    IReadOnlyList<CaseloadAlert> Alerts)
{
    /// <summary>«En parcours», «Sur une étape», «En veille» (W-02 derived sub-states).</summary>
    public string Situation => Status == PathwayStatus.EN_VEILLE ? "En veille" : OnStep ? "Sur une étape" : "En parcours";
}

/// <summary>A référent's file active against the norm and their alerts, for the coordinator.</summary>
public sealed record ReferentLoad(long ReferentId, string Name, int FteHundredths, int FileActive, int OnHold, int WithAlerts,
    IReadOnlyDictionary<CaseloadAlertKind, int> AlertCounts)
{
    public decimal PerFte => FteHundredths <= 0 ? FileActive : Math.Round(FileActive * 100m / FteHundredths, 1);
}

public sealed record CaseloadFilter(long? ReferentId = null, CaseloadAlertKind? Alert = null, string? Situation = null, string? Sort = null);

/// <summary>
/// The caseload (W-02, R-110): one set-based query over the pathways in the file active of the caller's scope,
/// each row carrying what the alert rules need (current step, last step end, exit job start, last contact, contract end),
/// then the pure rules of <see cref="CaseloadAlerts"/> as of today.
/// </summary>
public sealed class CaseloadQueries(ParcoursDbContext db, TimeProvider clock, PathwayPolicies policies)
{
    public DateOnly Today => Pathways.Today.From(clock);

    public async Task<IReadOnlyList<CaseloadRow>> RowsAsync(CaseloadFilter filter, CancellationToken ct = default)
    {
        var today = Today;
        var policy = policies.For(db.Scope.OrganisationId);
        var active = db.Pathways.AsNoTracking().Where(p => p.Status == PathwayStatus.ENTRE || p.Status == PathwayStatus.EN_VEILLE);
        if (filter.ReferentId is { } rid) active = active.Where(p => p.ReferentId == rid);
        IEnumerable<CaseloadRow> rows;
        if (filter.ReferentId is not null || db.Scope.CaseloadOnly)
        {
            // A référent's caseload (tens of pathways): one query, each row with correlated subqueries served by indexes.
            var query = active;
        var raw = await query.Select(p => new
            {
                p.Id, p.ParticipantId, p.Status, p.StatusSince, p.EntryDate, p.ReferentId,
                p.Participant!.Identity!.LastName, p.Participant.Identity.FirstName,
                RefFirst = p.Referent!.FirstName, RefLast = p.Referent.LastName,
                CurrentStep = p.Steps.Where(s => s.StartDate <= today && (s.EndDate == null || s.EndDate >= today))
                    .OrderByDescending(s => s.StartDate).Select(s => (StepType?)s.StepType).FirstOrDefault(),
                LastStepEnd = p.Steps.Where(s => s.EndDate != null && s.EndDate <= today).Max(s => s.EndDate),
                ExitJobStart = p.Steps.Where(s => s.StartDate <= today && (s.EndDate == null || s.EndDate >= today)
                        && (s.StepType == StepType.EMPLOI_SORTIE
                            || (s.StepType == StepType.CLAUSE_SOCIALE && s.ContractType != null
                                && s.ContractType != ContractType.CDDI && s.ContractType != ContractType.INTERIM_INSERTION
                                && s.ContractType != ContractType.CREATION_ENTREPRISE && s.ContractType != ContractType.CUI_CAE && s.ContractType != ContractType.CUI_CIE
                                && (s.ContractType == ContractType.CDI || s.OpenEnded == true || s.ContractMonths > 6))))
                    .Min(s => (DateOnly?)s.StartDate),
                LastContact = p.Appointments.Where(a => a.Attended == true && a.Date <= today).Max(a => (DateOnly?)a.Date),
                ContractEnd = p.Contracts.Where(c => c.Kind == CommitmentContractKind.CER || c.Kind == CommitmentContractKind.CONTRAT_ENGAGEMENT)
                    .OrderByDescending(c => c.StartDate).Select(c => c.EndDate).FirstOrDefault(),
                LastReviewOn = db.Reviews.Where(r => r.PathwayId == p.Id).Max(r => (DateOnly?)r.HeldOn),
                NextReviewOn = db.Reviews.Where(r => r.PathwayId == p.Id).OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id)
                    .Select(r => r.NextReviewOn).FirstOrDefault(),
            }).ToListAsync(ct);
            var followUps = await FollowUpsAsync(active.Select(p => p.Id), ct);
            rows = raw.Select(r => Row(r.Id, r.ParticipantId, r.LastName, r.FirstName, r.Status, r.StatusSince, r.EntryDate, r.ReferentId, r.RefFirst, r.RefLast,
                r.CurrentStep, r.LastStepEnd, r.ExitJobStart, r.LastContact, r.ContractEnd, new Reviews(r.LastReviewOn, r.NextReviewOn),
                Done(followUps, r.Id, r.ExitJobStart), policy, today));
        }
        else rows = await ProgrammeRowsAsync(active, policy, today, ct);
        return Filter(rows, filter);
    }

    private static CaseloadRow Row(long id, long participantId, string lastName, string firstName, PathwayStatus status, DateOnly? statusSince,
        DateOnly? entryDate, long? referentId, string? refFirst, string? refLast, StepType? currentStep, DateOnly? lastStepEnd, DateOnly? exitJobStart,
        DateOnly? lastContact, DateOnly? contractEnd, Reviews reviews, IReadOnlyCollection<int> followUpsDone, PathwayPolicy policy, DateOnly today)
    {
        var entry = entryDate ?? statusSince ?? today;
        var snapshot = new PathwaySnapshot
        {
            Status = status, EntryDate = entry, StatusSince = statusSince, HasStepInProgress = currentStep is not null,
            LastStepEnd = lastStepEnd, ExitJobStart = exitJobStart, LastContact = lastContact, ContractEnd = contractEnd,
            LastReviewOn = reviews.Last, NextReviewOn = reviews.Next, FollowUpsDone = followUpsDone,
        };
        return new CaseloadRow(id, participantId, lastName, firstName, status, currentStep is not null, currentStep, entry,
            CalendarMonths.WholeMonths(entry, today), lastContact, referentId, refFirst is null ? null : $"{refFirst} {refLast}",
            CaseloadAlerts.For(snapshot, policy, today));
    }

    /// <summary>
    /// The whole programme (thousands of pathways, the coordinator's view): a few set-based queries grouped by
    /// pathway rather than correlated subqueries per row.
    /// </summary>
    private async Task<IEnumerable<CaseloadRow>> ProgrammeRowsAsync(IQueryable<Pathway> active, PathwayPolicy policy, DateOnly today, CancellationToken ct)
    {

        // A handful of set-based queries over the file active, whatever its size (no query per row): the pathways
        // with names, then per pathway the last ended step, the steps in progress, the last contact, the contracts.
        var raw = await active.Select(p => new
        {
            p.Id, p.ParticipantId, p.Status, p.StatusSince, p.EntryDate, p.ReferentId,
            p.Participant!.Identity!.LastName, p.Participant.Identity.FirstName,
            RefFirst = p.Referent!.FirstName, RefLast = p.Referent.LastName,
        }).ToListAsync(ct);
        var steps = db.Steps.AsNoTracking().Where(s => s.Pathway!.Status == PathwayStatus.ENTRE || s.Pathway.Status == PathwayStatus.EN_VEILLE);
        var lastEnds = await steps.Where(s => s.EndDate != null && s.EndDate < today)
            .GroupBy(s => s.PathwayId).Select(g => new { g.Key, Last = g.Max(s => s.EndDate) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var running = (await steps.Where(s => s.StartDate <= today && (s.EndDate == null || s.EndDate >= today))
            .Select(s => new Step { PathwayId = s.PathwayId, StepType = s.StepType, StartDate = s.StartDate, EndDate = s.EndDate,
                ContractType = s.ContractType, ContractMonths = s.ContractMonths, OpenEnded = s.OpenEnded })
            .ToListAsync(ct)).ToLookup(s => s.PathwayId);
        var activeIds = active.Select(p => p.Id);
        var contacts = await db.Appointments.AsNoTracking().Where(a => activeIds.Contains(a.PathwayId) && a.Attended == true && a.Date <= today)
            .GroupBy(a => a.PathwayId).Select(g => new { g.Key, Last = g.Max(a => a.Date) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var contracts = (await db.Contracts.AsNoTracking()
            .Where(c => activeIds.Contains(c.PathwayId) && (c.Kind == CommitmentContractKind.CER || c.Kind == CommitmentContractKind.CONTRAT_ENGAGEMENT))
            .Select(c => new { c.PathwayId, c.StartDate, c.EndDate }).ToListAsync(ct))
            .GroupBy(c => c.PathwayId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.StartDate)!.EndDate);

        var reviews = (await db.Reviews.AsNoTracking().Where(v => activeIds.Contains(v.PathwayId))
            .Select(v => new { v.PathwayId, v.Id, v.HeldOn, v.NextReviewOn }).ToListAsync(ct))
            .GroupBy(v => v.PathwayId).ToDictionary(g => g.Key, g =>
            {
                var last = g.OrderByDescending(v => v.HeldOn).ThenByDescending(v => v.Id).First();
                return new Reviews(last.HeldOn, last.NextReviewOn);
            });
        var followUps = await FollowUpsAsync(activeIds, ct);

        return raw.Select(r =>
        {
            var inProgress = running[r.Id].ToList();
            var current = inProgress.MaxBy(s => s.StartDate);
            var exitJob = inProgress.Where(s => s.IsExitJob).Select(s => (DateOnly?)s.StartDate).Min();
            return Row(r.Id, r.ParticipantId, r.LastName, r.FirstName, r.Status, r.StatusSince, r.EntryDate, r.ReferentId, r.RefFirst, r.RefLast,
                current?.StepType, lastEnds.GetValueOrDefault(r.Id), exitJob, contacts.TryGetValue(r.Id, out var c) ? c : null,
                contracts.GetValueOrDefault(r.Id), reviews.GetValueOrDefault(r.Id) ?? Reviews.None, Done(followUps, r.Id, exitJob), policy, today);
        }).ToList();
    }

    /// <summary>The latest tripartite review of a pathway and the next one it planned.</summary>
    private sealed record Reviews(DateOnly? Last, DateOnly? Next)
    {
        public static Reviews None { get; } = new(null, null);
    }

    /// <summary>Follow-up contacts done (job start, milestone) per pathway, in one query over the given pathways.</summary>
    private async Task<ILookup<long, (DateOnly JobStart, int Milestone)>> FollowUpsAsync(IQueryable<long> pathwayIds, CancellationToken ct) =>
        (await (from f in db.FollowUps.AsNoTracking()
                join s in db.Steps.AsNoTracking() on f.StepId equals s.Id
                where pathwayIds.Contains(f.PathwayId)
                select new { f.PathwayId, s.StartDate, f.Milestone }).ToListAsync(ct))
        .ToLookup(x => x.PathwayId, x => (x.StartDate, x.Milestone));

    /// <summary>The milestones done for the exit job whose clock runs (the one starting on <paramref name="exitJobStart"/>).</summary>
    private static IReadOnlyCollection<int> Done(ILookup<long, (DateOnly JobStart, int Milestone)> followUps, long pathwayId, DateOnly? exitJobStart) =>
        exitJobStart is { } start ? followUps[pathwayId].Where(f => f.JobStart == start).Select(f => f.Milestone).ToList() : [];

    private static IReadOnlyList<CaseloadRow> Filter(IEnumerable<CaseloadRow> rows, CaseloadFilter filter)
    {
        if (filter.Alert is { } alert) rows = rows.Where(r => r.Alerts.Any(a => a.Kind == alert));
        if (!string.IsNullOrEmpty(filter.Situation)) rows = rows.Where(r => r.Situation == filter.Situation);
        rows = filter.Sort switch
        {
            "entree" => rows.OrderBy(r => r.EntryDate).ThenBy(r => r.LastName),
            "duree" => rows.OrderByDescending(r => r.MonthsInPathway).ThenBy(r => r.LastName),
            "contact" => rows.OrderBy(r => r.LastContact ?? DateOnly.MinValue).ThenBy(r => r.LastName),
            "alertes" => rows.OrderByDescending(r => r.Alerts.Count).ThenBy(r => r.LastName),
            _ => rows.OrderBy(r => r.LastName, StringComparer.Ordinal).ThenBy(r => r.FirstName, StringComparer.Ordinal),
        };
        return rows.ToList();
    }

    /// <summary>Each référent of the programme with their file active and alert counts: the coordinator's view.</summary>
    public async Task<IReadOnlyList<ReferentLoad>> LoadsAsync(CancellationToken ct = default) =>
        await LoadsAsync(await RowsAsync(new CaseloadFilter(), ct), ct);

    /// <summary>The same, from the rows of the whole programme already loaded (the caseload page loads them once).</summary>
    public async Task<IReadOnlyList<ReferentLoad>> LoadsAsync(IReadOnlyList<CaseloadRow> rows, CancellationToken ct = default)
    {
        var referents = await db.Referents.AsNoTracking().OrderBy(r => r.LastName).ThenBy(r => r.FirstName)
            .Select(r => new { r.Id, Name = r.FirstName + " " + r.LastName, r.FteHundredths }).ToListAsync(ct);
        var byReferent = rows.Where(r => r.ReferentId is not null).ToLookup(r => r.ReferentId!.Value);
        return referents.Select(r =>
        {
            var mine = byReferent[r.Id].ToList();
            return new ReferentLoad(r.Id, r.Name, r.FteHundredths, mine.Count, mine.Count(x => x.Status == PathwayStatus.EN_VEILLE),
                mine.Count(x => x.Alerts.Count > 0),
                mine.SelectMany(x => x.Alerts).GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.Count()));
        }).ToList();
    }

    /// <summary>File active per référent only (no alerts): the pre-assignment page .</summary>
    public async Task<IReadOnlyList<ReferentLoad>> FileActiveAsync(CancellationToken ct = default)
    {
        var counts = await db.Pathways.AsNoTracking()
            .Where(p => p.ReferentId != null && (p.Status == PathwayStatus.ENTRE || p.Status == PathwayStatus.EN_VEILLE))
            .GroupBy(p => p.ReferentId!.Value).Select(g => new { g.Key, Count = g.Count(), OnHold = g.Count(p => p.Status == PathwayStatus.EN_VEILLE) })
            .ToDictionaryAsync(x => x.Key, ct);
        var referents = await db.Referents.AsNoTracking().OrderBy(r => r.LastName).ThenBy(r => r.FirstName)
            .Select(r => new { r.Id, Name = r.FirstName + " " + r.LastName, r.FteHundredths }).ToListAsync(ct);
        return referents.Select(r => new ReferentLoad(r.Id, r.Name, r.FteHundredths, counts.GetValueOrDefault(r.Id)?.Count ?? 0,
            counts.GetValueOrDefault(r.Id)?.OnHold ?? 0, 0, new Dictionary<CaseloadAlertKind, int>())).ToList();
    }

    public PathwayPolicy Policy => policies.For(db.Scope.OrganisationId);
}
