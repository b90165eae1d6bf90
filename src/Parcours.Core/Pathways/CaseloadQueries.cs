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
        var query = db.Pathways.AsNoTracking().Where(p => p.Status == PathwayStatus.ENTRE || p.Status == PathwayStatus.EN_VEILLE);
        if (filter.ReferentId is { } rid) query = query.Where(p => p.ReferentId == rid);
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
        }).ToListAsync(ct);

        var rows = raw.Select(r =>
        {
            var entry = r.EntryDate ?? r.StatusSince ?? today;
            var snapshot = new PathwaySnapshot
            {
                Status = r.Status, EntryDate = entry, StatusSince = r.StatusSince, HasStepInProgress = r.CurrentStep is not null,
                LastStepEnd = r.LastStepEnd, ExitJobStart = r.ExitJobStart, LastContact = r.LastContact, ContractEnd = r.ContractEnd,
            };
            return new CaseloadRow(r.Id, r.ParticipantId, r.LastName, r.FirstName, r.Status, r.CurrentStep is not null, r.CurrentStep, entry,
                CalendarMonths.WholeMonths(entry, today), r.LastContact, r.ReferentId, r.RefFirst is null ? null : $"{r.RefFirst} {r.RefLast}",
                CaseloadAlerts.For(snapshot, policy, today));
        });
        if (filter.Alert is { } alert) rows = rows.Where(r => r.Alerts.Any(a => a.Kind == alert));
        if (!string.IsNullOrEmpty(filter.Situation)) rows = rows.Where(r => r.Situation == filter.Situation);
        rows = filter.Sort switch
        {
            "entree" => rows.OrderBy(r => r.EntryDate).ThenBy(r => r.LastName),
            "duree" => rows.OrderByDescending(r => r.MonthsInPathway).ThenBy(r => r.LastName),
            "contact" => rows.OrderBy(r => r.LastContact ?? DateOnly.MinValue).ThenBy(r => r.LastName),
            "alertes" => rows.OrderByDescending(r => r.Alerts.Count).ThenBy(r => r.LastName),
            _ => rows.OrderBy(r => r.LastName).ThenBy(r => r.FirstName),
        };
        return rows.ToList();
    }

    /// <summary>Each référent of the programme with their file active and alert counts: the coordinator's view.</summary>
    public async Task<IReadOnlyList<ReferentLoad>> LoadsAsync(CancellationToken ct = default)
    {
        var rows = await RowsAsync(new CaseloadFilter(), ct);
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
