using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Pathways;

namespace Parcours.Core.Pathways;

public sealed record AppointmentView(long Id, DateOnly Date, AppointmentKind Kind, bool? Attended, string? Note);

public sealed record EventView(DateOnly On, DateTime RecordedAtUtc, string Kind, PathwayStatus? From, PathwayStatus? To, string? Detail);

/// <summary>Everything the pathway workspace page shows: the pathway, its documents, appointments, history, delays and alerts.</summary>
public sealed record PathwayWorkspace(PathwayView Pathway, string LastName, string FirstName, DateOnly? BirthDate,
    IReadOnlyList<PathwayDocumentView> Documents, IReadOnlyList<AppointmentView> Appointments, IReadOnlyList<EventView> Events,
    IReadOnlyList<CaseloadAlert> Alerts, PathwayPolicy Policy, DateOnly Today, RsaFile? Rsa = null, SituationHistory? Situation = null,
    IReadOnlyList<ReviewView>? Reviews = null, IReadOnlyList<JobFollowUp>? FollowUps = null, IReadOnlyList<ExitProposalView>? ExitProposals = null)
{
    /// <summary>The entry-procedure alerts of the pathway as of today .</summary>
    public IReadOnlyList<EntryAlert> EntryAlerts =>
        EntryProcedureAlerts.For(Pathway.Status, Pathway.PrescriptionDate, Pathway.PreAssignmentDate, Pathway.ConvocationCount, Policy, Today);

    /// <summary>The latest deferral by the commission, when the file is back at the interview stage.</summary>
    public EventView? LastDeferral => Pathway.Status == PathwayStatus.ENTRETIEN ? Events.FirstOrDefault(e => e.Kind == "CommissionDeferred") : null;

    /// <summary>The exit proposed and awaiting the commission (W-02 `ExitPending`), if any.</summary>
    public ExitProposalView? PendingExit => ExitProposals?.FirstOrDefault(x => x.Status == ExitProposalStatus.PROPOSEE);

    /// <summary>Days from prescription to pre-assignment .</summary>
    public int? PreAssignmentDelay => Pathway.PrescriptionDate is { } p && Pathway.PreAssignmentDate is { } a ? a.DayNumber - p.DayNumber : null;

    /// <summary>Days from prescription to entry .</summary>
    public int? EntryDelay => Pathway.PrescriptionDate is { } p && Pathway.EntryDate is { } e ? e.DayNumber - p.DayNumber : null;

    public IReadOnlyList<AppointmentView> Convocations => Appointments.Where(a => a.Kind == AppointmentKind.ENTRETIEN_PREALABLE).OrderBy(a => a.Date).ThenBy(a => a.Id).ToList();

    public AppointmentView? PendingConvocation => Convocations.LastOrDefault(a => a.Attended is null);

    public bool FseFunded => false;

    public IReadOnlyList<PathwayDocumentKind> MissingForEntry =>
        PathwayDocuments.MissingForEntry(Documents.Select(d => d.Kind), FseFunded);
}

public sealed record RsaFile(long PathwayId, long ParticipantId, string LastName, string FirstName, string? ReferentName, DateOnly RightsOpenedOn,
    DateOnly? OrientedOn, RsaOrientationType? OrientationType, string? OrganisationName, DateOnly? ContractSignedOn,
    DateOnly OrientationDeadline, DateOnly? ContractDeadline, IReadOnlyList<string> Overdue);

/// <summary>A tripartite review; <paramref name="Conclusions"/> is internal (pages only, never in the API, exports or feeds).</summary>
public sealed record ReviewView(long Id, DateOnly HeldOn, bool ParticipantPresent, bool ReferentPresent, bool PrescriberPresent, bool EmployerPresent,
    string? Conclusions, ReviewDecision Decision, DateOnly? NextReviewOn);

/// <summary>The follow-up schedule of one exit job (W-05): its three contacts, done or not.</summary>
public sealed record JobFollowUp(long StepId, StepType Type, DateOnly JobStart, DateOnly? JobEnd, string? EmployerName, IReadOnlyList<FollowUpContact> Contacts);

public sealed record ExitProposalView(long Id, DateOnly ProposedOn, ExitReason Reason, long? ExitStepId, DateOnly? ExitDate, ExitProposalStatus Status,
    DateOnly? DecidedOn, string? RefusalReason);

/// <summary>An exit proposed by a référent and awaiting the commission.</summary>
public sealed record PendingExitItem(long PathwayId, string LastName, string FirstName, ExitReason Reason, DateOnly ProposedOn, string? ReferentName);

public sealed record PathwayDocumentView(PathwayDocumentKind Kind, DateOnly ReceivedOn);

public sealed record CommissionItem(long PathwayId, long ParticipantId, string LastName, string FirstName, DateOnly? PrescriptionDate,
    DateOnly? InterviewDate, DateOnly? CommissionDate, string? ReferentName, int Version, PathwayStatus Status = PathwayStatus.PRESCRIT,
    DateOnly? PreAssignmentDate = null, int ConvocationCount = 0)
{
    /// <summary>The entry-procedure alerts, filled by the query as of today.</summary>
    public IReadOnlyList<EntryAlert> Alerts { get; init; } = [];
}

public sealed class PathwayWorkspaceQueries(ParcoursDbContext db, ParticipantQueries participants, CaseloadQueries caseload, TimeProvider clock, PathwayPolicies policies)
{
    public DateOnly Today => Pathways.Today.From(clock);

    public async Task<PathwayWorkspace?> GetAsync(long pathwayId, CancellationToken ct = default)
    {
        var pathway = await participants.PathwayAsync(pathwayId, ct);
        if (pathway is null) return null;
        var identity = await db.Identities.AsNoTracking().Where(i => i.Id == pathway.ParticipantId)
            .Select(i => new { i.LastName, i.FirstName, i.BirthDate }).SingleOrDefaultAsync(ct);
        if (identity is null) return null;
        var documents = await db.PathwayDocuments.AsNoTracking().Where(d => d.PathwayId == pathwayId).OrderBy(d => d.Kind)
            .Select(d => new PathwayDocumentView(d.Kind, d.ReceivedOn)).ToListAsync(ct);
        var appointments = await db.Appointments.AsNoTracking().Where(a => a.PathwayId == pathwayId).OrderByDescending(a => a.Date).ThenByDescending(a => a.Id)
            .Select(a => new AppointmentView(a.Id, a.Date, a.Kind, a.Attended, a.Note)).ToListAsync(ct);
        var events = await db.PathwayEvents.AsNoTracking().Where(e => e.PathwayId == pathwayId).OrderByDescending(e => e.Id).Take(100)
            .Select(e => new EventView(e.On, e.RecordedAtUtc, e.Kind, e.FromStatus, e.ToStatus, e.Detail)).ToListAsync(ct);
        IReadOnlyList<CaseloadAlert> alerts = [];
        if (pathway.Status is PathwayStatus.ENTRE or PathwayStatus.EN_VEILLE && pathway.ReferentId is { } rid)
            alerts = (await caseload.RowsAsync(new CaseloadFilter(rid), ct)).FirstOrDefault(r => r.PathwayId == pathwayId)?.Alerts ?? [];
        RsaFile? rsa = null;
        if (pathway.Scheme == Scheme.ACCOMPAGNEMENT_RSA)
            rsa = (await RsaAsync(pathwayId, ct)).FirstOrDefault();
        return new PathwayWorkspace(pathway, identity.LastName, identity.FirstName, identity.BirthDate, documents, appointments, events, alerts,
            policies.For(db.Scope.OrganisationId), Pathways.Today.From(clock), rsa, await SituationAsync(pathwayId, ct), await ReviewsAsync(pathwayId, ct),
            await FollowUpsAsync(pathwayId, ct), await ExitProposalsAsync(pathwayId, ct));
    }

    /// <summary>The exit proposals of a pathway, latest first (the pathway was checked in scope by the caller).</summary>
    private async Task<IReadOnlyList<ExitProposalView>> ExitProposalsAsync(long pathwayId, CancellationToken ct) =>
        await db.ExitProposals.AsNoTracking().Where(x => x.PathwayId == pathwayId).OrderByDescending(x => x.Id)
            .Select(x => new ExitProposalView(x.Id, x.ProposedOn, x.Reason, x.ExitStepId, x.ExitDate, x.Status, x.DecidedOn, x.RefusalReason)).ToListAsync(ct);

    /// <summary>The exits proposed in the scope and awaiting the commission, oldest first.</summary>
    public async Task<IReadOnlyList<PendingExitItem>> PendingExitsAsync(CancellationToken ct = default) =>
        await (from x in db.ExitProposals.AsNoTracking()
               join p in db.Pathways.AsNoTracking() on x.PathwayId equals p.Id
               where x.Status == ExitProposalStatus.PROPOSEE
               orderby x.ProposedOn, x.Id
               select new PendingExitItem(p.Id, p.Participant!.Identity!.LastName, p.Participant.Identity.FirstName, x.Reason, x.ProposedOn,
                   p.Referent!.FirstName + " " + p.Referent.LastName)).Take(500).ToListAsync(ct);

    /// <summary>The frozen profile at entry, the current situation and its dated changes; null when out of scope.</summary>
    public async Task<SituationHistory?> SituationAsync(long pathwayId, CancellationToken ct = default)
    {
        var p = await db.Pathways.AsNoTracking().Where(x => x.Id == pathwayId)
            .Select(x => new Pathway
            {
                Id = x.Id, ParticipantId = x.ParticipantId, QpvResident = x.QpvResident, LoneParent = x.LoneParent, LabourMarketStatus = x.LabourMarketStatus,
                EducationLevel = x.EducationLevel, RsaRightsAndDuties = x.RsaRightsAndDuties, PublicCategory = x.PublicCategory,
                RegisteredFranceTravail = x.RegisteredFranceTravail,
            }).SingleOrDefaultAsync(ct);
        if (p is null) return null;
        var commune = await db.Identities.AsNoTracking().Where(i => i.Id == p.ParticipantId).Select(i => i.CommuneInsee).SingleOrDefaultAsync(ct);
        var changes = await db.SituationChanges.AsNoTracking().Where(c => c.PathwayId == pathwayId).ToListAsync(ct);
        return SituationHistories.Build(ParticipantSituation.AtEntry(p), changes, commune);
    }

    /// <summary>The tripartite reviews of a pathway, latest first; null when out of scope.</summary>
    public async Task<IReadOnlyList<ReviewView>?> ReviewsAsync(long pathwayId, CancellationToken ct = default)
    {
        if (!await db.Pathways.AnyAsync(p => p.Id == pathwayId, ct)) return null;
        return await db.Reviews.AsNoTracking().Where(r => r.PathwayId == pathwayId).OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id)
            .Select(r => new ReviewView(r.Id, r.HeldOn, r.ParticipantPresent, r.ReferentPresent, r.PrescriberPresent, r.EmployerPresent, r.Conclusions,
                r.Decision, r.NextReviewOn)).ToListAsync(ct);
    }

    /// <summary>The follow-up schedule of each exit job of the pathway; null when out of scope.</summary>
    public async Task<IReadOnlyList<JobFollowUp>?> FollowUpsAsync(long pathwayId, CancellationToken ct = default)
    {
        if (!await db.Pathways.AnyAsync(p => p.Id == pathwayId, ct)) return null;
        var steps = (await db.Steps.AsNoTracking().Where(s => s.PathwayId == pathwayId).OrderBy(s => s.StartDate).ThenBy(s => s.Id).ToListAsync(ct))
            .Where(s => s.IsExitJob).ToList();
        if (steps.Count == 0) return [];
        var done = (await db.FollowUps.AsNoTracking().Where(f => f.PathwayId == pathwayId).ToListAsync(ct)).ToLookup(f => f.StepId);
        return steps.Select(s => new JobFollowUp(s.Id, s.StepType, s.StartDate, s.EndDate, s.EmployerName, FollowUpSchedule.For(s.StartDate, done[s.Id]))).ToList();
    }

    /// <summary>
    /// RSA files of the scope (W-07) with their decree deadlines and what is overdue; open pathways only.
    /// One query for the orientations and one for the first signed CER or contrat d'engagement of each.
    /// </summary>
    public async Task<IReadOnlyList<RsaFile>> RsaAsync(long? pathwayId = null, CancellationToken ct = default)
    {
        var today = Pathways.Today.From(clock);
        var policy = policies.For(db.Scope.OrganisationId);
        var query = from o in db.RsaOrientations.AsNoTracking()
                    join p in db.Pathways.AsNoTracking() on o.PathwayId equals p.Id
                    where p.Status != PathwayStatus.SORTI && p.Status != PathwayStatus.NON_ENTRE && (pathwayId == null || p.Id == pathwayId)
                    select new
                    {
                        o, p.ParticipantId, p.Participant!.Identity!.LastName, p.Participant.Identity.FirstName,
                        Referent = p.Referent!.FirstName + " " + p.Referent.LastName,
                        Signed = db.Contracts.Where(c => c.PathwayId == p.Id && (c.Kind == CommitmentContractKind.CER || c.Kind == CommitmentContractKind.CONTRAT_ENGAGEMENT))
                            .Min(c => (DateOnly?)c.SignedOn),
                    };
        var rows = await query.OrderBy(x => x.o.RightsOpenedOn).Take(2000).ToListAsync(ct);
        return rows.Select(x => new RsaFile(x.o.PathwayId, x.ParticipantId, x.LastName, x.FirstName, x.Referent, x.o.RightsOpenedOn, x.o.OrientedOn,
            x.o.OrientationType, x.o.OrganisationName, x.Signed, RsaDelays.OrientationDeadline(x.o.RightsOpenedOn, policy),
            x.o.OrientedOn is { } on ? RsaDelays.ContractDeadline(on, policy) : null, RsaDelays.Overdue(x.o, x.Signed, policy, today))).ToList();
    }

    /// <summary>The files on the agenda of the entry commission, by commission date.</summary>
    public async Task<IReadOnlyList<CommissionItem>> CommissionAsync(CancellationToken ct = default) =>
        await db.Pathways.AsNoTracking().Where(p => p.Status == PathwayStatus.EN_COMMISSION)
            .OrderBy(p => p.EntryCommissionDate).ThenBy(p => p.Id)
            .Select(p => new CommissionItem(p.Id, p.ParticipantId, p.Participant!.Identity!.LastName, p.Participant.Identity.FirstName,
                p.PrescriptionDate, p.PreEntryInterviewDate, p.EntryCommissionDate, p.Referent!.FirstName + " " + p.Referent.LastName, p.Version,
                p.Status, p.PreAssignmentDate, p.ConvocationCount))
            .Take(500).ToListAsync(ct);

    /// <summary>Prescriptions still in the entry procedure (before the commission), oldest first, with their alerts .</summary>
    public async Task<IReadOnlyList<CommissionItem>> ProcedureAsync(CancellationToken ct = default)
    {
        var today = Pathways.Today.From(clock);
        var policy = policies.For(db.Scope.OrganisationId);
        var items = await db.Pathways.AsNoTracking()
            .Where(p => p.Status == PathwayStatus.PRESCRIT || p.Status == PathwayStatus.PRE_AFFECTE || p.Status == PathwayStatus.CONVOQUE || p.Status == PathwayStatus.ENTRETIEN)
            .OrderBy(p => p.PrescriptionDate).ThenBy(p => p.Id)
            .Select(p => new CommissionItem(p.Id, p.ParticipantId, p.Participant!.Identity!.LastName, p.Participant.Identity.FirstName,
                p.PrescriptionDate, p.PreEntryInterviewDate, p.EntryCommissionDate, p.Referent!.FirstName + " " + p.Referent.LastName, p.Version,
                p.Status, p.PreAssignmentDate, p.ConvocationCount))
            .Take(500).ToListAsync(ct);
        return items.Select(i => i with { Alerts = EntryProcedureAlerts.For(i.Status, i.PrescriptionDate, i.PreAssignmentDate, i.ConvocationCount, policy, today) }).ToList();
    }
}
