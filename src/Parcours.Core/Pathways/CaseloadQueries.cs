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
            // A référent's caseload (tens of pathways): one query, each row with correlated subqueries served by indexes.
            rows = await CorrelatedRowsAsync(active, policy, today, ct);
        else rows = await ProgrammeRowsAsync(active, policy, today, ct);
        return Filter(rows, filter);
    }

    /// <summary>The rows of the given pathways in one query, each with correlated subqueries (index probes by pathway): for tens to hundreds of rows.</summary>
    private async Task<List<CaseloadRow>> CorrelatedRowsAsync(IQueryable<Pathway> query, PathwayPolicy policy, DateOnly today, CancellationToken ct)
    {
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
        var followUps = await FollowUpsAsync(query.Select(p => p.Id), ct);
        return raw.Select(r => Row(r.Id, r.ParticipantId, r.LastName, r.FirstName, r.Status, r.StatusSince, r.EntryDate, r.ReferentId, r.RefFirst, r.RefLast,
            r.CurrentStep, r.LastStepEnd, r.ExitJobStart, r.LastContact, r.ContractEnd, new Reviews(r.LastReviewOn, r.NextReviewOn),
            Done(followUps, r.Id, r.ExitJobStart), policy, today)).ToList();
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

    /// <summary>Counts per référent returned by the set-based query (column names as the properties).</summary>
    private sealed class ReferentAlertCounts
    {
        public long ReferentId { get; set; }
        public long FileActive { get; set; }
        public long OnHold { get; set; }
        public long WithAlerts { get; set; }
        public long ExitJob { get; set; }
        public long MaxReached { get; set; }
        public long MaxApproaching { get; set; }
        public long NoStep { get; set; }
        public long Review { get; set; }
        public long ContractToRenew { get; set; }
        public long NoContact { get; set; }
        public long OnHoldReview { get; set; }
        public long FollowUp { get; set; }
    }

    /// <summary>
    /// The coordinator's view of the programme: each référent's file active and alert counts, computed by the
    /// database in one aggregate query (one row per référent) instead of loading every pathway. The alert conditions
    /// of <see cref="CaseloadAlerts"/> become comparisons with cut-off dates computed here from the same rules (so the
    /// calendar-month arithmetic stays the domain's); the few pathways with a tripartite review or a follow-up contact,
    /// whose alerts depend on those rows, go through the rule engine itself.
    /// </summary>
    public async Task<IReadOnlyList<ReferentLoad>> ProgrammeLoadsAsync(CancellationToken ct = default)
    {
        if (db.Scope.Mode == Access.ScopeMode.Caseload) return await LoadsAsync(await RowsAsync(new CaseloadFilter(), ct), ct);
        var today = Today;
        var policy = policies.For(db.Scope.OrganisationId);
        var never = new DateOnly(1, 1, 1);
        DateOnly Cutoff(Func<DateOnly, bool> raised) => LastDayRaised(raised, today);
        var cExitJob = Cutoff(d => ExitRules.IsValidationDue(d, today));
        var cMax = policy.MaxPathwayMonths is { } max ? Cutoff(d => today >= CalendarMonths.Plus(d, max)) : never;
        var cWarn = policy.MaxPathwayMonths is { } max2 ? Cutoff(d => today >= CalendarMonths.Plus(d, Math.Max(0, max2 - policy.MaxDurationWarningMonths))) : never;
        var cNoStep = Cutoff(d => CalendarMonths.IsMoreThan(d, policy.NoStepAlertMonths, today));
        var cReview = Cutoff(d => today >= CalendarMonths.Plus(d, policy.ReviewAfterMonths));
        var cRenew = today.AddDays(policy.ContractRenewalDays);
        var cContact = today.AddDays(-policy.NoContactAlertDays);
        var cHold = Cutoff(d => today >= CalendarMonths.Plus(d, policy.OnHoldReviewMonths));
        var cFollowUp = Cutoff(d => today >= FollowUpSchedule.PlannedOn(d, FollowUpSchedule.Milestones[0]));

        const string InProgress = "s.start_date <= @today AND (s.end_date IS NULL OR s.end_date >= @today)";
        const string ExitJob = "(s.step_type = 'EMPLOI_SORTIE' OR (s.step_type = 'CLAUSE_SOCIALE' AND s.contract_type IS NOT NULL "
            + "AND s.contract_type NOT IN ('CDDI', 'INTERIM_INSERTION', 'CREATION_ENTREPRISE', 'CUI_CAE', 'CUI_CIE') "
            + "AND (s.contract_type = 'CDI' OR s.open_ended = TRUE OR s.contract_months > 6)))";
        var organisation = db.Scope.Unrestricted ? "" : "AND p.organisation_id = @organisation";
        const string Exit = "a.status = 'ENTRE' AND a.exit_job_start <= @c_exit";
        const string Max = "a.status = 'ENTRE' AND a.entry <= @c_max";
        const string Warn = "a.status = 'ENTRE' AND a.entry <= @c_warn AND a.entry > @c_max";
        const string NoStep = "a.status = 'ENTRE' AND a.on_step = 0 AND a.entry <= @c_nostep AND (a.last_step_end IS NULL OR a.last_step_end <= @c_nostep)";
        const string Review = "a.status = 'ENTRE' AND a.entry <= @c_review";
        const string Renew = "a.status = 'ENTRE' AND a.contract_end <= @c_renew";
        const string Contact = "a.status = 'ENTRE' AND a.entry <= @c_contact AND (a.last_contact IS NULL OR a.last_contact <= @c_contact)";
        const string Hold = "a.status = 'EN_VEILLE' AND a.hold_since <= @c_hold";
        const string FollowUp = "a.status = 'ENTRE' AND a.exit_job_start <= @c_followup";
        // Set-based: the programme's pathways once (materialised), then the steps, attended appointments and
        // CER/contrats d'engagement of those pathways each aggregated by pathway, joined, and counted per référent.
        var sql = $"""
            WITH pw AS MATERIALIZED (
                SELECT p.id, p.referent_id, p.status,
                    COALESCE(p.entry_date, p.status_since, @today) AS entry,
                    COALESCE(p.status_since, p.entry_date, @today) AS hold_since
                FROM pathways_pathway p
                WHERE p.status IN ('ENTRE', 'EN_VEILLE') AND p.referent_id IS NOT NULL {organisation}
                    AND NOT EXISTS (SELECT 1 FROM pathways_review r WHERE r.pathway_id = p.id)
                    AND NOT EXISTS (SELECT 1 FROM pathways_followup f WHERE f.pathway_id = p.id)
            ),
            st AS (
                SELECT s.pathway_id,
                    MAX(CASE WHEN {InProgress} THEN 1 ELSE 0 END) AS on_step,
                    MAX(CASE WHEN s.end_date < @today THEN s.end_date END) AS last_step_end,
                    MIN(CASE WHEN {InProgress} AND {ExitJob} THEN s.start_date END) AS exit_job_start
                FROM pathways_step s JOIN pw ON pw.id = s.pathway_id
                GROUP BY s.pathway_id
            ),
            ap AS (
                SELECT x.pathway_id, MAX(x.date) AS last_contact
                FROM pathways_appointment x JOIN pw ON pw.id = x.pathway_id
                WHERE x.attended = TRUE AND x.date <= @today
                GROUP BY x.pathway_id
            ),
            ct AS (
                SELECT c.pathway_id, c.end_date, ROW_NUMBER() OVER (PARTITION BY c.pathway_id ORDER BY c.start_date DESC, c.id) AS n
                FROM pathways_contract c JOIN pw ON pw.id = c.pathway_id
                WHERE c.kind IN ('CER', 'CONTRAT_ENGAGEMENT')
            ),
            w AS (
                SELECT pw.referent_id, pw.status, pw.entry, pw.hold_since, COALESCE(st.on_step, 0) AS on_step, st.last_step_end, st.exit_job_start,
                    ap.last_contact, ct.end_date AS contract_end
                FROM pw
                LEFT JOIN st ON st.pathway_id = pw.id
                LEFT JOIN ap ON ap.pathway_id = pw.id
                LEFT JOIN ct ON ct.pathway_id = pw.id AND ct.n = 1
            )
            SELECT a.referent_id AS "ReferentId", COUNT(*) AS "FileActive",
                SUM(CASE WHEN a.status = 'EN_VEILLE' THEN 1 ELSE 0 END) AS "OnHold",
                SUM(CASE WHEN ({Exit}) OR ({Max}) OR ({Warn}) OR ({NoStep}) OR ({Review}) OR ({Renew}) OR ({Contact}) OR ({Hold}) OR ({FollowUp}) THEN 1 ELSE 0 END) AS "WithAlerts",
                SUM(CASE WHEN {Exit} THEN 1 ELSE 0 END) AS "ExitJob",
                SUM(CASE WHEN {Max} THEN 1 ELSE 0 END) AS "MaxReached",
                SUM(CASE WHEN {Warn} THEN 1 ELSE 0 END) AS "MaxApproaching",
                SUM(CASE WHEN {NoStep} THEN 1 ELSE 0 END) AS "NoStep",
                SUM(CASE WHEN {Review} THEN 1 ELSE 0 END) AS "Review",
                SUM(CASE WHEN {Renew} THEN 1 ELSE 0 END) AS "ContractToRenew",
                SUM(CASE WHEN {Contact} THEN 1 ELSE 0 END) AS "NoContact",
                SUM(CASE WHEN {Hold} THEN 1 ELSE 0 END) AS "OnHoldReview",
                SUM(CASE WHEN {FollowUp} THEN 1 ELSE 0 END) AS "FollowUp"
            FROM w a
            GROUP BY a.referent_id
            """;
        object Param(string name, object value) => db.Engine == DatabaseEngine.Postgres
            ? new Npgsql.NpgsqlParameter(name, value)
            : new Microsoft.Data.Sqlite.SqliteParameter(name, value is DateOnly d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : value);
        var parameters = new List<object>
        {
            Param("today", today), Param("c_exit", cExitJob), Param("c_max", cMax), Param("c_warn", cWarn), Param("c_nostep", cNoStep),
            Param("c_review", cReview), Param("c_renew", cRenew), Param("c_contact", cContact), Param("c_hold", cHold), Param("c_followup", cFollowUp),
        };
        if (!db.Scope.Unrestricted) parameters.Add(Param("organisation", db.Scope.OrganisationId));
        List<ReferentAlertCounts> counts;
        if (db.Engine == DatabaseEngine.Postgres && db.Database.CurrentTransaction is null)
        {
            // The planner's estimate of this aggregate is high enough to trigger JIT compilation, which costs more
            // than the query itself: off for this one statement.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off", ct);
            counts = await db.Database.SqlQueryRaw<ReferentAlertCounts>(sql, parameters.ToArray()).ToListAsync(ct);
            await tx.CommitAsync(ct);
        }
        else counts = await db.Database.SqlQueryRaw<ReferentAlertCounts>(sql, parameters.ToArray()).ToListAsync(ct);

        // The pathways whose alerts depend on their reviews or follow-up contacts: few, through the rule engine.
        var special = db.Pathways.AsNoTracking().Where(p => (p.Status == PathwayStatus.ENTRE || p.Status == PathwayStatus.EN_VEILLE) && p.ReferentId != null
            && (db.Reviews.Any(r => r.PathwayId == p.Id) || db.FollowUps.Any(f => f.PathwayId == p.Id)));
        var specialRows = (await CorrelatedRowsAsync(special, policy, today, ct)).ToLookup(r => r.ReferentId!.Value);

        var referents = await db.Referents.AsNoTracking().OrderBy(r => r.LastName).ThenBy(r => r.FirstName)
            .Select(r => new { r.Id, Name = r.FirstName + " " + r.LastName, r.FteHundredths }).ToListAsync(ct);
        var byReferent = counts.ToDictionary(c => c.ReferentId);
        return referents.Select(r =>
        {
            var c = byReferent.GetValueOrDefault(r.Id) ?? new ReferentAlertCounts();
            var rows = specialRows[r.Id].ToList();
            var alerts = new Dictionary<CaseloadAlertKind, int>
            {
                [CaseloadAlertKind.ExitJobValidationDue] = (int)c.ExitJob, [CaseloadAlertKind.MaxDurationReached] = (int)c.MaxReached,
                [CaseloadAlertKind.MaxDurationApproaching] = (int)c.MaxApproaching, [CaseloadAlertKind.NoStep] = (int)c.NoStep,
                [CaseloadAlertKind.Review] = (int)c.Review, [CaseloadAlertKind.ContractToRenew] = (int)c.ContractToRenew,
                [CaseloadAlertKind.NoContact] = (int)c.NoContact, [CaseloadAlertKind.OnHoldReviewDue] = (int)c.OnHoldReview,
                [CaseloadAlertKind.FollowUpDue] = (int)c.FollowUp,
            };
            foreach (var alert in rows.SelectMany(x => x.Alerts)) alerts[alert.Kind] = alerts.GetValueOrDefault(alert.Kind) + 1;
            return new ReferentLoad(r.Id, r.Name, r.FteHundredths, (int)c.FileActive + rows.Count,
                (int)c.OnHold + rows.Count(x => x.Status == PathwayStatus.EN_VEILLE), (int)c.WithAlerts + rows.Count(x => x.Alerts.Count > 0),
                alerts.Where(a => a.Value > 0).ToDictionary(a => a.Key, a => a.Value));
        }).ToList();
    }

    /// <summary>
    /// The last day d (going back from today) on which an alert «raised(d)» holds, for a condition that holds for every
    /// day up to some limit and no later one (the later the start, the later the alert): the cut-off to compare with.
    /// </summary>
    internal static DateOnly LastDayRaised(Func<DateOnly, bool> raised, DateOnly today)
    {
        if (!raised(new DateOnly(1, 1, 1))) return new DateOnly(1, 1, 1);
        var (low, high) = (new DateOnly(1, 1, 1).DayNumber, today.DayNumber + 1);
        while (high - low > 1)
        {
            var mid = low + (high - low) / 2;
            if (raised(DateOnly.FromDayNumber(mid))) low = mid; else high = mid;
        }
        return DateOnly.FromDayNumber(low);
    }

    /// <summary>
    /// One page of the programme's file active (the coordinator's list), ordered by name or entry date in the database,
    /// with the alerts of that page only; filters on alerts or situation and the other sorts need every pathway.
    /// </summary>
    public async Task<(IReadOnlyList<CaseloadRow> Rows, int Total)> ProgrammePageAsync(CaseloadFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        if (filter.Alert is not null || !string.IsNullOrEmpty(filter.Situation) || filter.Sort is "alertes" or "contact" || filter.ReferentId is not null)
        {
            var all = await RowsAsync(filter, ct);
            return (all.Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize).ToList(), all.Count);
        }
        var active = db.Pathways.AsNoTracking().Where(p => p.Status == PathwayStatus.ENTRE || p.Status == PathwayStatus.EN_VEILLE);
        var total = await active.CountAsync(ct);
        var ordered = filter.Sort switch
        {
            "entree" => active.OrderBy(p => p.EntryDate).ThenBy(p => p.Participant!.Identity!.LastName).ThenBy(p => p.Id),
            "duree" => active.OrderBy(p => p.EntryDate).ThenBy(p => p.Participant!.Identity!.LastName).ThenBy(p => p.Id),
            _ => active.OrderBy(p => p.Participant!.Identity!.LastName).ThenBy(p => p.Participant!.Identity!.FirstName).ThenBy(p => p.Id),
        };
        var ids = await ordered.Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize).Select(p => p.Id).ToListAsync(ct);
        var rows = await CorrelatedRowsAsync(db.Pathways.AsNoTracking().Where(p => ids.Contains(p.Id)), policies.For(db.Scope.OrganisationId), Today, ct);
        var byId = rows.ToDictionary(r => r.PathwayId);
        return (ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList(), total);
    }

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
