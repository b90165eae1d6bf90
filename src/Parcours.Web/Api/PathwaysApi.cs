using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Parcours.Core.Pathways;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Common;
using Parcours.Domain.Pathways;
using Parcours.Web.Infrastructure;

namespace Parcours.Web.Api;

/// <summary>
/// The référent's workspace through the JSON API (/api/v1): the caseload with its alerts, the commission agenda,
/// and every write of the pages, through the same use cases (same rules, scoping, optimistic concurrency and audit).
/// A pathway out of scope answers 404; a refused rule answers 422 with the French messages; a write reserved to the
/// coordination answers 403.
/// </summary>
public static class PathwaysApi
{
    public static void MapPathwaysApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Parcours — espace de travail");
        g.MapGet("/caseload", Caseload).WithName("GetCaseload").WithSummary("Portefeuille : parcours de la file active, avec leurs alertes.");
        g.MapGet("/caseload/referents", Loads).WithName("GetReferentLoads").WithSummary("Charge et alertes par référent (coordination).");
        g.MapGet("/commission", CommissionAgenda).WithName("GetCommissionAgenda").WithSummary("Dossiers inscrits à la commission d'entrée.");
        g.MapPost("/prescriptions", Prescribe).WithName("CreatePrescription").WithSummary("Enregistre une prescription (nouvelle personne ou nouvelle entrée).");
        g.MapPost("/pathways/{id:long}/pre-assignment", (long id, PreAssignBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, true, () => w.PreAssignAsync(id, b.ReferentId, b.Date, b.Version, ct))).WithName("PreAssign");
        g.MapPost("/pathways/{id:long}/convocations", (long id, ConvocationBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, false, () => w.ConvokeAsync(id, b.SentOn, b.AppointmentOn, b.Version, ct))).WithName("Convoke");
        g.MapPost("/pathways/{id:long}/convocations/missed", (long id, VersionBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, false, () => w.RecordMissedConvocationAsync(id, b.Version, ct))).WithName("RecordMissedConvocation");
        g.MapPost("/pathways/{id:long}/interview", (long id, DateBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, false, () => w.RecordInterviewAsync(id, b.Date, b.Version, ct))).WithName("RecordInterview");
        g.MapPut("/pathways/{id:long}/documents", (long id, DocumentsBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, false, () => w.SetDocumentsAsync(id, b.Documents, b.ReceivedOn, b.Version, ct))).WithName("SetDocuments");
        g.MapPost("/pathways/{id:long}/commission", (long id, DateBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, false, () => w.SendToCommissionAsync(id, b.Date, b.Version, ct))).WithName("SendToCommission");
        g.MapPost("/pathways/{id:long}/entry", (long id, EntryBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, true, () => w.EnterAsync(id, new PathwayWorkflow.EntryInput(b.EntryDate, b.PublicCategory, b.ThRqth, b.RegisteredFranceTravail,
                b.QpvResident, b.LoneParent, b.RsaRightsAndDuties, b.EducationLevel, b.InactivityMonths, b.LabourMarketStatus), b.Version, ct))).WithName("Enter");
        g.MapPost("/pathways/{id:long}/non-entry", (long id, NonEntryBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, false, () => w.RecordNonEntryAsync(id, b.Reason, b.Date, b.Version, ct))).WithName("RecordNonEntry");
        g.MapPost("/pathways/{id:long}/steps", (long id, StepBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, false, () => w.AddStepAsync(id, new PathwayWorkflow.StepInput(b.StepType, b.StartDate, b.PlannedEndDate, b.FinancedByProgramme,
                b.OperationId, b.ContractType, b.ContractMonths, b.OpenEnded, b.WeeklyHours, b.EmployerName, b.EmployerSiret), b.Version, ct))).WithName("AddStep");
        g.MapPut("/pathways/{id:long}/steps/{stepId:long}", (long id, long stepId, StepBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, false, () => w.EditStepAsync(id, stepId, new PathwayWorkflow.StepInput(b.StepType, b.StartDate, b.PlannedEndDate, b.FinancedByProgramme,
                b.OperationId, b.ContractType, b.ContractMonths, b.OpenEnded, b.WeeklyHours, b.EmployerName, b.EmployerSiret), b.Version, ct))).WithName("EditStep");
        g.MapPost("/pathways/{id:long}/steps/{stepId:long}/close", (long id, long stepId, DateBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, false, () => w.CloseStepAsync(id, stepId, b.Date, b.Version, ct))).WithName("CloseStep");
        g.MapPost("/pathways/{id:long}/appointments", (long id, AppointmentBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, false, () => w.AddAppointmentAsync(id, b.Date, b.Kind, b.Attended, b.Note, b.Version, ct))).WithName("AddAppointment");
        g.MapPost("/pathways/{id:long}/barriers", (long id, BarrierBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, false, () => w.AddBarrierAsync(id, b.BarrierCode, b.IdentifiedOn, b.Version, ct))).WithName("AddBarrier");
        g.MapPost("/pathways/{id:long}/barriers/{barrierId:long}/lift", (long id, long barrierId, DateBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, false, () => w.LiftBarrierAsync(id, barrierId, b.Date, b.Version, ct))).WithName("LiftBarrier");
        g.MapPost("/pathways/{id:long}/contracts", (long id, ContractBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, false, () => w.AddContractAsync(id, b.Kind, b.SignedOn, b.StartDate, b.EndDate, b.WeeklyActivityHours, b.Version, ct))).WithName("AddContract");
        g.MapGet("/rsa/orientations", async (PathwayWorkspaceQueries q, bool? overdue, CancellationToken ct) =>
            TypedResults.Ok((await q.RsaAsync(null, ct)).Where(f => overdue != true || f.Overdue.Count > 0).ToList()))
            .WithName("GetRsaOrientations").WithSummary("Dossiers RSA : délais d'orientation et de contrat, retards.");
        g.MapPut("/pathways/{id:long}/rsa-orientation", (long id, RsaBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, false, () => w.RecordRsaOrientationAsync(id, b.RightsOpenedOn, b.OrientedOn, b.OrientationType, b.OrganisationName, b.Version, ct))).WithName("RecordRsaOrientation");
        g.MapPost("/pathways/{id:long}/exit", (long id, ExitBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, true, () => w.ValidateExitAsync(id, b.Reason, b.ExitStepId, b.ExitDate, b.Version, ct))).WithName("ValidateExit");
        g.MapPost("/pathways/{id:long}/referent", (long id, ReassignBody b, ReassignReferent r, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, true, () => r.ExecuteAsync(new ReassignReferent.Input(id, b.ReferentId, b.Version), ct))).WithName("ReassignReferent");

        g.MapGet("/pathways/{id:long}/situation", async Task<Results<Ok<SituationHistory>, NotFound>> (long id, PathwayWorkspaceQueries q, CancellationToken ct) =>
            await q.SituationAsync(id, ct) is { } h ? TypedResults.Ok(h) : TypedResults.NotFound())
            .WithName("GetSituation").WithSummary("Profil à l'entrée (figé), situation actuelle et historique daté des changements.");
        g.MapPost("/pathways/{id:long}/situation", (long id, SituationBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, false, () => w.ChangeSituationAsync(id, new PathwayWorkflow.SituationInput(b.EffectiveOn, b.CommuneInsee, b.QpvResident, b.FamilySituation,
                b.LoneParent, b.LabourMarketStatus, b.EducationLevel, b.RsaRecipient, b.LongTermJobseeker, b.RegisteredFranceTravail), b.Version, ct)))
            .WithName("ChangeSituation").WithSummary("Enregistre un changement de situation daté (le profil à l'entrée reste figé).");
        g.MapGet("/pathways/{id:long}/reviews", async Task<Results<Ok<IReadOnlyList<ReviewDto>>, NotFound>> (long id, PathwayWorkspaceQueries q, CancellationToken ct) =>
            await q.ReviewsAsync(id, ct) is { } list
                ? TypedResults.Ok<IReadOnlyList<ReviewDto>>(list.Select(r => new ReviewDto(r.Id, r.HeldOn, r.ParticipantPresent, r.ReferentPresent,
                    r.PrescriberPresent, r.EmployerPresent, r.Decision, r.NextReviewOn)).ToList())
                : TypedResults.NotFound())
            .WithName("GetReviews").WithSummary("Bilans tripartites (sans les conclusions, internes).");
        g.MapPost("/pathways/{id:long}/reviews", (long id, ReviewBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, false, () => w.AddReviewAsync(id, new PathwayWorkflow.ReviewInput(b.HeldOn, b.ParticipantPresent, b.ReferentPresent, b.PrescriberPresent,
                b.EmployerPresent, b.Conclusions, b.Decision, b.NextReviewOn), b.Version, ct))).WithName("AddReview");
        g.MapGet("/pathways/{id:long}/follow-ups", async Task<Results<Ok<IReadOnlyList<JobFollowUp>>, NotFound>> (long id, PathwayWorkspaceQueries q, CancellationToken ct) =>
            await q.FollowUpsAsync(id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound())
            .WithName("GetFollowUps").WithSummary("Suivi dans l'emploi : contacts à 1, 3 et 6 mois de chaque emploi de sortie.");
        g.MapPost("/pathways/{id:long}/steps/{stepId:long}/follow-ups", (long id, long stepId, FollowUpBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, false, () => w.RecordFollowUpAsync(id, stepId, b.Milestone, b.DoneOn, b.Situation, b.Version, ct))).WithName("RecordFollowUp");
        g.MapPost("/pathways/{id:long}/commission/deferral", (long id, DeferralBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, true, () => w.DeferCommissionAsync(id, b.Reason, b.Date, b.Version, ct)))
            .WithName("DeferCommission").WithSummary("La commission ajourne le dossier (motif) : retour à l'entretien, à inscrire à une prochaine commission.");
        g.MapGet("/commission/procedure", async Task<Results<Ok<IReadOnlyList<CommissionItem>>, ForbidHttpResult>> (PathwayWorkspaceQueries q, ClaimsPrincipal u, CancellationToken ct) =>
            Workspace.IsCoordinator(u) ? TypedResults.Ok(await q.ProcedureAsync(ct)) : TypedResults.Forbid())
            .WithName("GetEntryProcedure").WithSummary("Prescriptions en cours de procédure d'entrée, avec leurs alertes (R-103, R-104, R-212).");
        g.MapPost("/pathways/{id:long}/exit-proposal", (long id, ExitProposalBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, false, () => w.ProposeExitAsync(id, new PathwayWorkflow.ExitProposalInput(b.Reason, b.ExitStepId, b.ExitDate, b.ProposedOn), b.Version, ct)))
            .WithName("ProposeExit").WithSummary("Propose une sortie à la commission (le parcours reste en cours).");
        g.MapPost("/pathways/{id:long}/exit-proposal/refusal", (long id, ExitRefusalBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct) =>
            Write(u, true, () => w.RefuseExitAsync(id, b.RefusalReason, b.DecidedOn, b.Version, ct)))
            .WithName("RefuseExit").WithSummary("La commission refuse la sortie proposée, avec un motif : le parcours continue.");
        g.MapGet("/commission/exits", async Task<Results<Ok<IReadOnlyList<PendingExitItem>>, ForbidHttpResult>> (PathwayWorkspaceQueries q, ClaimsPrincipal u, CancellationToken ct) =>
            Workspace.IsCoordinator(u) ? TypedResults.Ok(await q.PendingExitsAsync(ct)) : TypedResults.Forbid())
            .WithName("GetPendingExits").WithSummary("Sorties proposées en attente de la commission (coordination).");    }

    public sealed record VersionBody(int Version);
    public sealed record ExitProposalBody(ExitReason Reason, long? ExitStepId, DateOnly? ExitDate, DateOnly ProposedOn, int Version);
    public sealed record DeferralBody(string? Reason, DateOnly Date, int Version);
    public sealed record ExitRefusalBody(string? RefusalReason, DateOnly DecidedOn, int Version);
    public sealed record SituationBody(DateOnly EffectiveOn, string? CommuneInsee, bool QpvResident, FamilySituation? FamilySituation, bool LoneParent,
        FseEntrySituation? LabourMarketStatus, EducationLevelFt? EducationLevel, bool RsaRecipient, bool LongTermJobseeker, bool RegisteredFranceTravail, int Version);
    public sealed record ReviewBody(DateOnly HeldOn, bool ParticipantPresent, bool ReferentPresent, bool PrescriberPresent, bool EmployerPresent,
        string? Conclusions, ReviewDecision Decision, DateOnly? NextReviewOn, int Version);
    public sealed record ReviewDto(long Id, DateOnly HeldOn, bool ParticipantPresent, bool ReferentPresent, bool PrescriberPresent, bool EmployerPresent,
        ReviewDecision Decision, DateOnly? NextReviewOn);
    public sealed record FollowUpBody(int Milestone, DateOnly DoneOn, FollowUpSituation Situation, int Version);
    public sealed record DateBody(DateOnly Date, int Version);
    public sealed record PreAssignBody(long ReferentId, DateOnly Date, int Version);
    public sealed record ConvocationBody(DateOnly SentOn, DateOnly AppointmentOn, int Version);
    public sealed record DocumentsBody(List<PathwayDocumentKind> Documents, DateOnly ReceivedOn, int Version);
    public sealed record EntryBody(DateOnly EntryDate, PublicCategory? PublicCategory, bool ThRqth, bool RegisteredFranceTravail, bool QpvResident,
        bool LoneParent, bool RsaRightsAndDuties, EducationLevelFt? EducationLevel, int? InactivityMonths, FseEntrySituation? LabourMarketStatus, int Version);
    public sealed record NonEntryBody(NonEntryReason Reason, DateOnly Date, int Version);
    public sealed record StepBody(StepType StepType, DateOnly StartDate, DateOnly? PlannedEndDate, bool? FinancedByProgramme, long? OperationId,
        ContractType? ContractType, decimal? ContractMonths, bool OpenEnded, decimal? WeeklyHours, string? EmployerName, string? EmployerSiret, int Version);
    public sealed record AppointmentBody(DateOnly Date, AppointmentKind Kind, bool? Attended, string? Note, int Version);
    public sealed record ExitBody(ExitReason Reason, long? ExitStepId, DateOnly? ExitDate, int Version);
    public sealed record ReassignBody(long ReferentId, int Version);
    public sealed record RsaBody(DateOnly RightsOpenedOn, DateOnly? OrientedOn, RsaOrientationType? OrientationType, string? OrganisationName, int Version);
    public sealed record BarrierBody(BarrierCategory BarrierCode, DateOnly IdentifiedOn, int Version);
    public sealed record ContractBody(CommitmentContractKind Kind, DateOnly SignedOn, DateOnly StartDate, DateOnly? EndDate, decimal? WeeklyActivityHours, int Version);
    public sealed record PrescriptionBody(string? LastName, string? FirstName, DateOnly? BirthDate, Sex Sex, PrescriberKind PrescriberKind,
        string? PrescriberName, DateOnly PrescriptionDate, long? ParticipantId);

    public sealed record AlertDto(string Kind, string Label, DateOnly DueOn, string Message);
    public sealed record CaseloadItem(long PathwayId, long ParticipantId, string LastName, string FirstName, string Status, string Situation,
        string? CurrentStep, DateOnly EntryDate, int MonthsInPathway, DateOnly? LastContact, long? ReferentId, string? ReferentName, IReadOnlyList<AlertDto> Alerts);
    public sealed record ReferentLoadDto(long ReferentId, string Name, int FileActive, decimal PerFte, int Norm, int OnHold, int WithAlerts, IReadOnlyDictionary<string, int> Alerts);
    public sealed record Problem(IReadOnlyList<string> Errors);
    public sealed record Created(long PathwayId);

    private static async Task<Ok<IReadOnlyList<CaseloadItem>>> Caseload(CaseloadQueries q, long? referentId, CaseloadAlertKind? alert, string? sort, CancellationToken ct)
    {
        var rows = await q.RowsAsync(new CaseloadFilter(referentId, alert, null, sort), ct);
        return TypedResults.Ok<IReadOnlyList<CaseloadItem>>(rows.Select(r => new CaseloadItem(r.PathwayId, r.ParticipantId, r.LastName, r.FirstName,
            r.Status.ToString(), r.Situation, r.CurrentStep?.ToString(), r.EntryDate, r.MonthsInPathway, r.LastContact, r.ReferentId, r.ReferentName,
            r.Alerts.Select(a => new AlertDto(a.Kind.ToString(), a.Label, a.DueOn, a.Message)).ToList())).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<ReferentLoadDto>>, ForbidHttpResult>> Loads(CaseloadQueries q, ClaimsPrincipal u, CancellationToken ct)
    {
        if (!Workspace.IsCoordinator(u)) return TypedResults.Forbid();
        var loads = await q.ProgrammeLoadsAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ReferentLoadDto>>(loads.Select(l => new ReferentLoadDto(l.ReferentId, l.Name, l.FileActive, l.PerFte,
            q.Policy.CaseloadNorm, l.OnHold, l.WithAlerts, l.AlertCounts.ToDictionary(a => a.Key.ToString(), a => a.Value))).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<CommissionItem>>, ForbidHttpResult>> CommissionAgenda(PathwayWorkspaceQueries q, ClaimsPrincipal u, CancellationToken ct)
    {
        if (!Workspace.IsCoordinator(u)) return TypedResults.Forbid();
        return TypedResults.Ok(await q.CommissionAsync(ct));
    }

    private static async Task<Results<Created<Created>, UnprocessableEntity<Problem>, ForbidHttpResult>> Prescribe(PrescriptionBody b, PathwayWorkflow w, ClaimsPrincipal u, CancellationToken ct)
    {
        if (!Workspace.IsCoordinator(u)) return TypedResults.Forbid();
        var (id, result) = await w.PrescribeAsync(new PathwayWorkflow.PrescriptionInput(b.LastName ?? "", b.FirstName ?? "", b.BirthDate, b.Sex,
            b.PrescriberKind, b.PrescriberName, b.PrescriptionDate, Scheme.PLIE, b.ParticipantId), ct);
        if (!result.IsValid || id is null) return TypedResults.UnprocessableEntity(new Problem(result.Errors.Select(e => e.Message).ToList()));
        return TypedResults.Created($"/api/v1/pathways/{id}", new Created(id.Value));
    }

    private static async Task<Results<NoContent, NotFound, UnprocessableEntity<Problem>, ForbidHttpResult>> Write(ClaimsPrincipal user, bool coordinatorOnly, Func<Task<ValidationResult?>> action)
    {
        if (!Workspace.CanWrite(user) || (coordinatorOnly && !Workspace.IsCoordinator(user))) return TypedResults.Forbid();
        var result = await action();
        if (result is null) return TypedResults.NotFound();
        if (!result.IsValid) return TypedResults.UnprocessableEntity(new Problem(result.Errors.Select(e => e.Message).ToList()));
        return TypedResults.NoContent();
    }
}
