using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Core.Pathways;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Common;
using Parcours.Domain.Pathways;
using Parcours.Web.Infrastructure;

namespace Parcours.Web.Pages.Pathways;

/// <summary>
/// The pathway workspace: the entry procedure (W-01), the life of the pathway (steps, appointments, documents,
/// on hold) and the exit (W-04). Each form posts to a handler that calls one use case of <see cref="PathwayWorkflow"/>.
/// </summary>
public sealed class PathwayModel(PathwayWorkspaceQueries queries, CaseloadQueries caseload, PathwayWorkflow workflow) : PageModel
{
    public PathwayWorkspace? W { get; private set; }
    public IReadOnlyList<ReferentLoad> Loads { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool Coordinator => Workspace.IsCoordinator(User);
    public bool CanWrite => Workspace.CanWrite(User);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostPreAssignAsync(long id, long referentId, DateOnly date, int version, CancellationToken ct) =>
        Run(id, true, () => workflow.PreAssignAsync(id, referentId, date, version, ct), "Le parcours a été pré-affecté.", ct);

    public Task<IActionResult> OnPostConvokeAsync(long id, DateOnly sentOn, DateOnly appointmentOn, int version, CancellationToken ct) =>
        Run(id, false, () => workflow.ConvokeAsync(id, sentOn, appointmentOn, version, ct), "La convocation a été enregistrée.", ct);

    public Task<IActionResult> OnPostMissedAsync(long id, int version, CancellationToken ct) =>
        Run(id, false, () => workflow.RecordMissedConvocationAsync(id, version, ct), "L'absence a été enregistrée.", ct);

    public Task<IActionResult> OnPostInterviewAsync(long id, DateOnly date, int version, CancellationToken ct) =>
        Run(id, false, () => workflow.RecordInterviewAsync(id, date, version, ct), "L'entretien préalable a été enregistré.", ct);

    public Task<IActionResult> OnPostDocumentsAsync(long id, List<PathwayDocumentKind> documents, DateOnly receivedOn, int version, CancellationToken ct) =>
        Run(id, false, () => workflow.SetDocumentsAsync(id, documents, receivedOn, version, ct), "Les pièces du dossier ont été enregistrées.", ct);

    public Task<IActionResult> OnPostCommissionAsync(long id, DateOnly commissionDate, int version, CancellationToken ct) =>
        Run(id, false, () => workflow.SendToCommissionAsync(id, commissionDate, version, ct), "Le dossier est inscrit à la commission d'entrée.", ct);

    public Task<IActionResult> OnPostEnterAsync(long id, DateOnly entryDate, PublicCategory? publicCategory, bool thRqth, bool registeredFranceTravail,
        bool qpvResident, bool loneParent, bool rsaRightsAndDuties, EducationLevelFt? educationLevel, int? inactivityMonths,
        FseEntrySituation? labourMarketStatus, int version, CancellationToken ct) =>
        Run(id, true, () => workflow.EnterAsync(id, new PathwayWorkflow.EntryInput(entryDate, publicCategory, thRqth, registeredFranceTravail, qpvResident,
            loneParent, rsaRightsAndDuties, educationLevel, inactivityMonths, labourMarketStatus), version, ct), "L'entrée a été validée par la commission.", ct);

    public Task<IActionResult> OnPostDeferAsync(long id, string? reason, DateOnly date, int version, CancellationToken ct) =>
        Run(id, true, () => workflow.DeferCommissionAsync(id, reason, date, version, ct), "Le dossier est ajourné à une prochaine commission.", ct);

    public Task<IActionResult> OnPostNonEntryAsync(long id, NonEntryReason? reason, DateOnly date, int version, CancellationToken ct) =>
        Run(id, false, () => reason is null
            ? Task.FromResult<ValidationResult?>(ValidationResult.Fail("Reason", "Choisissez le motif de non-entrée."))
            : workflow.RecordNonEntryAsync(id, reason.Value, date, version, ct), "La non-entrée a été enregistrée.", ct);

    public Task<IActionResult> OnPostAddStepAsync(long id, StepType? stepType, DateOnly startDate, DateOnly? plannedEndDate, bool financed,
        ContractType? contractType, decimal? contractMonths, bool openEnded, decimal? weeklyHours, string? employerName, string? employerSiret,
        long? operationId, int version, CancellationToken ct) =>
        Run(id, false, () => stepType is null
            ? Task.FromResult<ValidationResult?>(ValidationResult.Fail("StepType", "Choisissez le type d'étape."))
            : workflow.AddStepAsync(id, new PathwayWorkflow.StepInput(stepType.Value, startDate, plannedEndDate, financed, operationId, contractType,
                contractMonths, openEnded, weeklyHours, employerName, employerSiret), version, ct), "L'étape a été ajoutée.", ct);

    public Task<IActionResult> OnPostEditStepAsync(long id, long stepId, StepType? stepType, DateOnly startDate, DateOnly? plannedEndDate, bool financed,
        ContractType? contractType, decimal? contractMonths, bool openEnded, decimal? weeklyHours, string? employerName, string? employerSiret,
        long? operationId, int version, CancellationToken ct) =>
        Run(id, false, () => stepType is null
            ? Task.FromResult<ValidationResult?>(ValidationResult.Fail("StepType", "Choisissez le type d'étape."))
            : workflow.EditStepAsync(id, stepId, new PathwayWorkflow.StepInput(stepType.Value, startDate, plannedEndDate, financed, operationId, contractType,
                contractMonths, openEnded, weeklyHours, employerName, employerSiret), version, ct), "L'étape a été modifiée.", ct);

    public Task<IActionResult> OnPostCloseStepAsync(long id, long stepId, DateOnly endDate, int version, CancellationToken ct) =>
        Run(id, false, () => workflow.CloseStepAsync(id, stepId, endDate, version, ct), "L'étape a été close.", ct);

    public Task<IActionResult> OnPostAppointmentAsync(long id, DateOnly date, AppointmentKind kind, string? attendance, string? note, int version, CancellationToken ct) =>
        Run(id, false, () => workflow.AddAppointmentAsync(id, date, kind, attendance switch { "present" => true, "absent" => false, _ => null }, note, version, ct),
            "Le rendez-vous a été enregistré.", ct);

    public Task<IActionResult> OnPostExitAsync(long id, ExitReason? reason, long? exitStepId, DateOnly? exitDate, int version, CancellationToken ct) =>
        Run(id, true, () => reason is null
            ? Task.FromResult<ValidationResult?>(ValidationResult.Fail("Reason", "Choisissez le motif de sortie."))
            : workflow.ValidateExitAsync(id, reason.Value, exitStepId, exitDate, version, ct), "La sortie a été validée.", ct);

    public Task<IActionResult> OnPostBarrierAsync(long id, BarrierCategory? code, DateOnly identifiedOn, int version, CancellationToken ct) =>
        Run(id, false, () => code is null
            ? Task.FromResult<ValidationResult?>(ValidationResult.Fail("Code", "Choisissez la catégorie de frein."))
            : workflow.AddBarrierAsync(id, code.Value, identifiedOn, version, ct), "Le frein a été enregistré.", ct);

    public Task<IActionResult> OnPostLiftBarrierAsync(long id, long barrierId, DateOnly liftedOn, int version, CancellationToken ct) =>
        Run(id, false, () => workflow.LiftBarrierAsync(id, barrierId, liftedOn, version, ct), "Le frein est levé.", ct);

    public Task<IActionResult> OnPostContractAsync(long id, CommitmentContractKind kind, DateOnly signedOn, DateOnly startDate, DateOnly? endDate,
        decimal? weeklyHours, int version, CancellationToken ct) =>
        Run(id, false, () => workflow.AddContractAsync(id, kind, signedOn, startDate, endDate, weeklyHours, version, ct), "Le contrat a été enregistré.", ct);

    public Task<IActionResult> OnPostRsaAsync(long id, DateOnly rightsOpenedOn, DateOnly? orientedOn, RsaOrientationType? orientationType,
        string? organisationName, int version, CancellationToken ct) =>
        Run(id, false, () => workflow.RecordRsaOrientationAsync(id, rightsOpenedOn, orientedOn, orientationType, organisationName, version, ct),
            "L'orientation RSA a été enregistrée.", ct);

    public Task<IActionResult> OnPostHoldAsync(long id, DateOnly date, int version, CancellationToken ct) =>
        Run(id, false, () => workflow.PutOnHoldAsync(id, date, version, ct), "Le parcours est en veille.", ct);

    public Task<IActionResult> OnPostResumeAsync(long id, DateOnly date, int version, CancellationToken ct) =>
        Run(id, false, () => workflow.ResumeAsync(id, date, version, ct), "Le parcours a repris.", ct);

    public Task<IActionResult> OnPostSituationAsync(long id, DateOnly effectiveOn, string? communeInsee, bool qpvResident, FamilySituation? familySituation,
        bool loneParent, FseEntrySituation? labourMarketStatus, EducationLevelFt? educationLevel, bool rsaRecipient, bool longTermJobseeker,
        bool registeredFranceTravail, int version, CancellationToken ct) =>
        Run(id, false, () => workflow.ChangeSituationAsync(id, new PathwayWorkflow.SituationInput(effectiveOn, communeInsee, qpvResident, familySituation,
            loneParent, labourMarketStatus, educationLevel, rsaRecipient, longTermJobseeker, registeredFranceTravail), version, ct),
            "Le changement de situation a été enregistré.", ct);

    public Task<IActionResult> OnPostReviewAsync(long id, DateOnly heldOn, bool participantPresent, bool referentPresent, bool prescriberPresent,
        bool employerPresent, string? conclusions, ReviewDecision? decision, DateOnly? nextReviewOn, int version, CancellationToken ct) =>
        Run(id, false, () => decision is null
            ? Task.FromResult<ValidationResult?>(ValidationResult.Fail("Decision", "Choisissez la décision du bilan."))
            : workflow.AddReviewAsync(id, new PathwayWorkflow.ReviewInput(heldOn, participantPresent, referentPresent, prescriberPresent, employerPresent,
                conclusions, decision.Value, nextReviewOn), version, ct), "Le bilan tripartite a été enregistré.", ct);

    public Task<IActionResult> OnPostFollowUpAsync(long id, long stepId, int milestone, DateOnly doneOn, FollowUpSituation? situation, int version, CancellationToken ct) =>
        Run(id, false, () => situation is null
            ? Task.FromResult<ValidationResult?>(ValidationResult.Fail("Situation", "Choisissez la situation constatée."))
            : workflow.RecordFollowUpAsync(id, stepId, milestone, doneOn, situation.Value, version, ct), "Le contact de suivi a été enregistré.", ct);

    public Task<IActionResult> OnPostProposeExitAsync(long id, ExitReason? reason, long? exitStepId, DateOnly? exitDate, DateOnly proposedOn, int version,
        CancellationToken ct) =>
        Run(id, false, () => reason is null
            ? Task.FromResult<ValidationResult?>(ValidationResult.Fail("Reason", "Choisissez le motif de sortie proposé."))
            : workflow.ProposeExitAsync(id, new PathwayWorkflow.ExitProposalInput(reason.Value, exitStepId, exitDate, proposedOn), version, ct),
            "La sortie est proposée à la commission.", ct);

    public Task<IActionResult> OnPostRefuseExitAsync(long id, string? refusalReason, DateOnly decidedOn, int version, CancellationToken ct) =>
        Run(id, true, () => workflow.RefuseExitAsync(id, refusalReason, decidedOn, version, ct), "La sortie est refusée : le parcours continue.", ct);

    private async Task<IActionResult> Run(long id, bool coordinatorOnly, Func<Task<ValidationResult?>> action, string success, CancellationToken ct)
    {
        if (!CanWrite || (coordinatorOnly && !Coordinator)) return StatusCode(StatusCodes.Status403Forbidden);
        if (!ModelState.IsValid)
        {
            Errors = ["Une date ou une valeur saisie n'est pas valide : vérifiez le formulaire."];
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        var result = await action();
        if (result is null) return NotFound();
        if (!result.IsValid)
        {
            Errors = result.Errors.Select(e => e.Message).ToList();
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        TempData["Success"] = success;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        W = await queries.GetAsync(id, ct);
        if (W is null) return false;
        if (Coordinator && W.Pathway.Status == PathwayStatus.PRESCRIT) Loads = await caseload.FileActiveAsync(ct);
        return true;
    }
}
