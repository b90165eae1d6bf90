using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Common;
using Parcours.Domain.Pathways;

namespace Parcours.Core.Pathways;

/// <summary>
/// The write use cases of the référent's workspace (W-01 to W-04): each loads the pathway through the scoped
/// context (a pathway out of scope is not found: null), checks the version the user saw (optimistic concurrency),
/// calls the domain rule, and saves; the context audits every write. Pages and API call the same methods.
/// </summary>
public sealed class PathwayWorkflow(ParcoursDbContext db, TimeProvider clock, PathwayPolicies policies)
{
    public const string Conflict = "Ce parcours a été modifié par quelqu'un d'autre entre-temps : rechargez la page et recommencez.";

    public sealed record PrescriptionInput(string LastName, string FirstName, DateOnly? BirthDate, Sex Sex, PrescriberKind PrescriberKind,
        string? PrescriberName, DateOnly PrescriptionDate, Scheme Scheme = Scheme.PLIE, long? ParticipantId = null);

    public sealed record EntryInput(DateOnly EntryDate, PublicCategory? PublicCategory, bool ThRqth, bool RegisteredFranceTravail,
        bool QpvResident, bool LoneParent, bool RsaRightsAndDuties, EducationLevelFt? EducationLevel, int? InactivityMonths,
        FseEntrySituation? LabourMarketStatus);

    public sealed record StepInput(StepType StepType, DateOnly StartDate, DateOnly? PlannedEndDate, bool? FinancedByProgramme, long? OperationId,
        ContractType? ContractType, decimal? ContractMonths, bool OpenEnded, decimal? WeeklyHours, string? EmployerName, string? EmployerSiret);

    /// <summary>A new prescription (W-01, ∅ → Received): the person (new, or known for a re-entry, R-131) and the prescriber.</summary>
    public async Task<(long? PathwayId, ValidationResult Result)> PrescribeAsync(PrescriptionInput input, CancellationToken ct = default)
    {
        var today = Today.From(clock);
        var result = new ValidationResult();
        Participant participant;
        if (input.ParticipantId is { } existingId)
        {
            var existing = await db.Participants.Include(p => p.Pathways).SingleOrDefaultAsync(p => p.Id == existingId, ct);
            if (existing is null) return (null, ValidationResult.Fail(null, "Participant introuvable."));
            if (existing.Pathways.Any(p => PathwayStatuses.Phase(p.Status) != PathwayPhase.CLOS))
                return (null, ValidationResult.Fail(null, "Ce participant a déjà un parcours en cours : une nouvelle prescription n'est possible qu'après sa sortie."));
            participant = existing;
        }
        else
        {
            if (string.IsNullOrWhiteSpace(input.LastName)) result.Add("LastName", "Le nom est obligatoire.");
            if (string.IsNullOrWhiteSpace(input.FirstName)) result.Add("FirstName", "Le prénom est obligatoire.");
            if (input.BirthDate is { } b && (b > today || b < today.AddYears(-100))) result.Add("BirthDate", "La date de naissance n'est pas plausible.");
            if (!result.IsValid) return (null, result);
            participant = new Participant
            {
                OrganisationId = db.Scope.OrganisationId,
                Sex = input.Sex,
                BirthYear = input.BirthDate?.Year,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            participant.Identity = new ParticipantIdentity
            {
                OrganisationId = db.Scope.OrganisationId,
                LastName = input.LastName.Trim(),
                FirstName = input.FirstName.Trim(),
                BirthDate = input.BirthDate,
            };
            participant.Identity.RefreshSearchName();
            db.Participants.Add(participant);
        }
        var (pathway, prescribed) = Pathway.Prescribe(participant.Id, db.Scope.OrganisationId, input.Scheme, input.PrescriberKind, null,
            input.PrescriptionDate, today);
        if (!prescribed.IsValid) return (null, prescribed);
        pathway!.Rank = participant.Pathways.Count(p => p.Id != 0 && p.EntryDate != null) + 1;
        pathway.Participant = participant;
        if (!string.IsNullOrWhiteSpace(input.PrescriberName))
            pathway.Events[^1].Detail = $"prescripteur={input.PrescriberName.Trim()[..Math.Min(input.PrescriberName.Trim().Length, 300)]}";
        db.Pathways.Add(pathway);
        await db.SaveChangesAsync(ct);
        return (pathway.Id, prescribed);
    }

    public Task<ValidationResult?> PreAssignAsync(long pathwayId, long referentId, DateOnly date, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, async (pathway, today) =>
        {
            var referent = await db.Referents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == referentId && r.OrganisationId == pathway.OrganisationId, ct);
            if (referent is null) return ValidationResult.Fail("ReferentId", "Ce référent n'appartient pas au programme du parcours.");
            return pathway.PreAssign(referentId, date, today);
        }, ct);

    /// <summary>A convocation (R-104): the previous one must be marked missed; its appointment is recorded as pending.</summary>
    public Task<ValidationResult?> ConvokeAsync(long pathwayId, DateOnly sentOn, DateOnly appointmentOn, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, async (pathway, today) =>
        {
            var pending = await PendingConvocationAsync(pathway.Id, ct);
            if (pending is not null)
                return ValidationResult.Fail(null, $"La convocation du {pending.Date:dd/MM/yyyy} est encore en attente : indiquez d'abord si la personne s'est présentée.");
            if (appointmentOn < sentOn) return ValidationResult.Fail("AppointmentOn", "Le rendez-vous précède l'envoi de la convocation.");
            var result = pathway.Convoke(sentOn, today, policies.For(pathway.OrganisationId).MaxConvocations);
            if (result.IsValid)
                db.Appointments.Add(new Appointment { PathwayId = pathway.Id, Date = appointmentOn, Kind = AppointmentKind.ENTRETIEN_PREALABLE, ReferentId = pathway.ReferentId });
            return result;
        }, ct);

    /// <summary>The person did not come to the pending convocation. At the last one, non-entry ABSENCE_RDV is proposed (R-104).</summary>
    public Task<ValidationResult?> RecordMissedConvocationAsync(long pathwayId, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, async (pathway, today) =>
        {
            var pending = await PendingConvocationAsync(pathway.Id, ct);
            if (pending is null || pathway.Status != PathwayStatus.CONVOQUE) return ValidationResult.Fail(null, "Aucune convocation en attente.");
            pending.Attended = false;
            pathway.Events.Add(new PathwayEvent { On = pending.Date > today ? today : pending.Date, Kind = "ConvocationMissed", FromStatus = pathway.Status, ToStatus = pathway.Status, Detail = $"n={pathway.ConvocationCount}" });
            return ValidationResult.Ok;
        }, ct);

    /// <summary>The person came: the pre-entry interview is held (Convoked → InterviewHeld).</summary>
    public Task<ValidationResult?> RecordInterviewAsync(long pathwayId, DateOnly date, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, async (pathway, today) =>
        {
            var result = pathway.RecordInterview(date, today);
            if (result.IsValid && await PendingConvocationAsync(pathway.Id, ct) is { } pending) pending.Attended = true;
            return result;
        }, ct);

    /// <summary>The administrative file (R-105) and the exit evidence (R-129): the documents received, replacing the list.</summary>
    public Task<ValidationResult?> SetDocumentsAsync(long pathwayId, IReadOnlyCollection<PathwayDocumentKind> received, DateOnly receivedOn, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, async (pathway, today) =>
        {
            if (receivedOn > today) return ValidationResult.Fail("ReceivedOn", "La date de réception ne peut pas être dans le futur.");
            var current = await db.PathwayDocuments.Where(d => d.PathwayId == pathway.Id).ToListAsync(ct);
            foreach (var gone in current.Where(d => !received.Contains(d.Kind))) db.PathwayDocuments.Remove(gone);
            foreach (var kind in received.Distinct().Where(k => current.All(d => d.Kind != k)))
                db.PathwayDocuments.Add(new PathwayDocument { PathwayId = pathway.Id, Kind = kind, ReceivedOn = receivedOn });
            return ValidationResult.Ok;
        }, ct);

    /// <summary>The complete file goes on the agenda of a commission (R-105, R-106).</summary>
    public Task<ValidationResult?> SendToCommissionAsync(long pathwayId, DateOnly commissionDate, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, async (pathway, today) =>
        {
            var missing = await MissingDocumentsAsync(pathway, ct);
            if (missing is not null) return ValidationResult.Fail(null, missing);
            return pathway.SendToCommission(commissionDate, today);
        }, ct);

    /// <summary>The commission validates the entry, with the profile at entry (W-01, R-106 to R-109).</summary>
    public Task<ValidationResult?> EnterAsync(long pathwayId, EntryInput input, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, async (pathway, today) =>
        {
            var missing = await MissingDocumentsAsync(pathway, ct);
            if (missing is not null) return ValidationResult.Fail(null, missing);
            var birth = await db.Identities.AsNoTracking().Where(i => i.Id == pathway.ParticipantId).Select(i => i.BirthDate).SingleOrDefaultAsync(ct);
            return pathway.Enter(new EntryDecision(input.EntryDate)
            {
                PublicCategory = input.PublicCategory,
                ThRqth = input.ThRqth,
                RegisteredFranceTravail = input.RegisteredFranceTravail,
                QpvResident = input.QpvResident,
                LoneParent = input.LoneParent,
                RsaRightsAndDuties = input.RsaRightsAndDuties,
                EducationLevel = input.EducationLevel,
                InactivityMonths = input.InactivityMonths,
                LabourMarketStatus = input.LabourMarketStatus,
                BirthDate = birth,
            }, today);
        }, ct);

    /// <summary>The commission defers the file to a later session, with a reason (W-01).</summary>
    public Task<ValidationResult?> DeferCommissionAsync(long pathwayId, string? reason, DateOnly date, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, (pathway, today) => Task.FromResult(pathway.DeferCommission(reason, date, today)), ct);

    public Task<ValidationResult?> RecordNonEntryAsync(long pathwayId, NonEntryReason reason, DateOnly date, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, (pathway, today) => Task.FromResult(pathway.RecordNonEntry(reason, date, today)), ct);

    public Task<ValidationResult?> AddStepAsync(long pathwayId, StepInput input, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, (pathway, today) =>
        {
            var step = new Step
            {
                PathwayId = pathway.Id,
                StepType = input.StepType,
                StartDate = input.StartDate,
                PlannedEndDate = input.PlannedEndDate,
                FinancedByProgramme = input.FinancedByProgramme,
                OperationId = input.OperationId,
                ContractType = input.ContractType,
                ContractMonths = input.ContractMonths,
                OpenEnded = input.OpenEnded ? true : null,
                WeeklyHours = input.WeeklyHours,
                EmployerName = string.IsNullOrWhiteSpace(input.EmployerName) ? null : input.EmployerName.Trim(),
                EmployerSiret = string.IsNullOrWhiteSpace(input.EmployerSiret) ? null : input.EmployerSiret.Replace(" ", "", StringComparison.Ordinal),
            };
            var result = StepRules.CheckNew(pathway, step, today);
            if (result.IsValid)
            {
                db.Steps.Add(step);
                pathway.Events.Add(new PathwayEvent { On = input.StartDate, Kind = "StepAdded", FromStatus = pathway.Status, ToStatus = pathway.Status, Detail = input.StepType.ToString() });
            }
            return Task.FromResult(result);
        }, ct);

    /// <summary>Corrects a step (W-03): type, dates, operation, contract and employer; the same checks as a new step.</summary>
    public Task<ValidationResult?> EditStepAsync(long pathwayId, long stepId, StepInput input, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, async (pathway, today) =>
        {
            var step = await db.Steps.SingleOrDefaultAsync(s => s.Id == stepId && s.PathwayId == pathway.Id, ct);
            if (step is null) return ValidationResult.Fail("StepId", "Cette étape n'appartient pas au parcours.");
            var edited = new Step
            {
                Id = step.Id, PathwayId = pathway.Id, StepType = input.StepType, StartDate = input.StartDate, PlannedEndDate = input.PlannedEndDate,
                EndDate = step.EndDate, FinancedByProgramme = input.FinancedByProgramme, OperationId = input.OperationId, ContractType = input.ContractType,
                ContractMonths = input.ContractMonths, OpenEnded = input.OpenEnded ? true : null, WeeklyHours = input.WeeklyHours,
                EmployerName = string.IsNullOrWhiteSpace(input.EmployerName) ? null : input.EmployerName.Trim(),
                EmployerSiret = string.IsNullOrWhiteSpace(input.EmployerSiret) ? null : input.EmployerSiret.Replace(" ", "", StringComparison.Ordinal),
            };
            var result = StepRules.CheckNew(pathway, edited, today);
            if (!result.IsValid) return result;
            step.StepType = edited.StepType;
            step.StartDate = edited.StartDate;
            step.PlannedEndDate = edited.PlannedEndDate;
            step.FinancedByProgramme = edited.FinancedByProgramme;
            step.OperationId = edited.OperationId;
            step.ContractType = edited.ContractType;
            step.ContractMonths = edited.ContractMonths;
            step.OpenEnded = edited.OpenEnded;
            step.WeeklyHours = edited.WeeklyHours;
            step.EmployerName = edited.EmployerName;
            step.EmployerSiret = edited.EmployerSiret;
            pathway.Events.Add(new PathwayEvent { On = today, Kind = "StepEdited", FromStatus = pathway.Status, ToStatus = pathway.Status, Detail = $"step={step.Id}" });
            return result;
        }, ct);

    public Task<ValidationResult?> CloseStepAsync(long pathwayId, long stepId, DateOnly endDate, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, async (pathway, today) =>
        {
            var step = await db.Steps.SingleOrDefaultAsync(s => s.Id == stepId && s.PathwayId == pathway.Id, ct);
            if (step is null) return ValidationResult.Fail("StepId", "Cette étape n'appartient pas au parcours.");
            var result = StepRules.CheckClose(pathway, step, endDate, today);
            if (result.IsValid)
            {
                step.EndDate = endDate;
                pathway.Events.Add(new PathwayEvent { On = endDate, Kind = "StepClosed", FromStatus = pathway.Status, ToStatus = pathway.Status, Detail = $"step={step.Id}" });
            }
            return result;
        }, ct);

    /// <summary>An appointment planned, attended or missed, with its interview note (internal only, R-710).</summary>
    public Task<ValidationResult?> AddAppointmentAsync(long pathwayId, DateOnly date, AppointmentKind kind, bool? attended, string? note, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, (pathway, today) =>
        {
            var result = new ValidationResult();
            if (PathwayStatuses.Phase(pathway.Status) == PathwayPhase.CLOS) result.Add(null, "Ce parcours est clos.");
            if (attended is not null && date > today) result.Add("Date", "Un rendez-vous futur ne peut pas être déjà honoré ou manqué.");
            if (note is { Length: > 4000 }) result.Add("Note", "La note d'entretien est limitée à 4 000 caractères.");
            if (result.IsValid)
                db.Appointments.Add(new Appointment { PathwayId = pathway.Id, Date = date, Kind = kind, Attended = attended, ReferentId = pathway.ReferentId, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() });
            return Task.FromResult(result);
        }, ct);

    /// <summary>
    /// The commission validates an exit (W-04, R-119, R-129). For a job exit the exit date is the validation date,
    /// job start + 6 months, which must be reached, and the evidence must be on file.
    /// </summary>
    public Task<ValidationResult?> ValidateExitAsync(long pathwayId, ExitReason reason, long? exitStepId, DateOnly? exitDate, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, async (pathway, today) =>
        {
            Step? step = null;
            if (exitStepId is { } id)
            {
                step = await db.Steps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.PathwayId == pathway.Id, ct);
                if (step is null) return ValidationResult.Fail("ExitStepId", "L'étape justifiant la sortie n'appartient pas à ce parcours.");
            }
            var needsJob = reason is ExitReason.EMPLOI_DURABLE or ExitReason.EMPLOI_AIDE_6_MOIS;
            if (needsJob && step is null) return ValidationResult.Fail("ExitStepId", "Choisissez l'étape d'emploi qui justifie la sortie.");
            if (ExitRules.CheckAgainstStep(reason, step) is { } mismatch) return ValidationResult.Fail("Reason", mismatch);
            DateOnly date;
            if (needsJob)
            {
                date = ExitRules.ValidationDate(step!.StartDate);
                if (today < date)
                    return ValidationResult.Fail(null, $"La sortie en emploi ne peut être validée qu'après 6 mois d'emploi, à partir du {date:dd/MM/yyyy}.");
                var evidence = await db.PathwayDocuments.AsNoTracking().Where(d => d.PathwayId == pathway.Id).Select(d => d.Kind).ToListAsync(ct);
                if (PathwayDocuments.MissingDurableJobEvidence(evidence) is { } missing) return ValidationResult.Fail(null, missing);
                if (step.EndDate is { } end && end < date)
                    return ValidationResult.Fail(null, $"L'emploi a pris fin le {end:dd/MM/yyyy}, avant les 6 mois : pas de sortie positive, le parcours continue.");
            }
            else date = exitDate ?? today;
            // The validation is the commission's decision, today; it settles a pending proposal.
            var recorded = pathway.RecordExit(date, reason, step?.Id, today, today);
            if (recorded.IsValid)
                foreach (var pending in await db.ExitProposals.Where(x => x.PathwayId == pathway.Id && x.Status == ExitProposalStatus.PROPOSEE).ToListAsync(ct))
                {
                    pending.Status = ExitProposalStatus.VALIDEE;
                    pending.DecidedOn = today;
                }
            return recorded;
        }, ct);

    /// <summary>A barrier identified on the pathway (R-136).</summary>
    public Task<ValidationResult?> AddBarrierAsync(long pathwayId, BarrierCategory code, DateOnly identifiedOn, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, async (pathway, today) =>
        {
            var result = new ValidationResult();
            if (PathwayStatuses.Phase(pathway.Status) == PathwayPhase.CLOS) result.Add(null, "Ce parcours est clos.");
            if (identifiedOn > today) result.Add("IdentifiedOn", "La date d'identification ne peut pas être dans le futur.");
            if (await db.Barriers.AnyAsync(b => b.PathwayId == pathway.Id && b.BarrierCode == code && b.LiftedOn == null, ct))
                result.Add("BarrierCode", "Ce frein est déjà identifié et n'est pas levé.");
            if (result.IsValid) db.Barriers.Add(new Barrier { PathwayId = pathway.Id, BarrierCode = code, IdentifiedOn = identifiedOn });
            return result;
        }, ct);

    /// <summary>A barrier lifted (R-136).</summary>
    public Task<ValidationResult?> LiftBarrierAsync(long pathwayId, long barrierId, DateOnly liftedOn, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, async (pathway, today) =>
        {
            var barrier = await db.Barriers.SingleOrDefaultAsync(b => b.Id == barrierId && b.PathwayId == pathway.Id, ct);
            if (barrier is null) return ValidationResult.Fail("BarrierId", "Ce frein n'appartient pas au parcours.");
            var result = new ValidationResult();
            if (barrier.LiftedOn is not null) result.Add("LiftedOn", "Ce frein est déjà levé.");
            if (liftedOn < barrier.IdentifiedOn) result.Add("LiftedOn", "La levée précède l'identification du frein.");
            if (liftedOn > today) result.Add("LiftedOn", "La date de levée ne peut pas être dans le futur.");
            if (result.IsValid) barrier.LiftedOn = liftedOn;
            return result;
        }, ct);

    /// <summary>A contract signed or renewed: CER, PPAE, contrat d'engagement… with its dates and weekly hours (R-506 to R-508).</summary>
    public Task<ValidationResult?> AddContractAsync(long pathwayId, CommitmentContractKind kind, DateOnly signedOn, DateOnly startDate, DateOnly? endDate,
        decimal? weeklyHours, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, (pathway, today) =>
        {
            var result = new ValidationResult();
            if (PathwayStatuses.Phase(pathway.Status) == PathwayPhase.CLOS) result.Add(null, "Ce parcours est clos.");
            if (signedOn > today) result.Add("SignedOn", "La date de signature ne peut pas être dans le futur.");
            if (endDate is { } end && end < startDate) result.Add("EndDate", "La fin du contrat précède son début.");
            if (weeklyHours is < 0 or > 60) result.Add("WeeklyHours", "La durée hebdomadaire d'activité doit être comprise entre 0 et 60 heures.");
            if (result.IsValid)
                db.Contracts.Add(new CommitmentContract { PathwayId = pathway.Id, Kind = kind, SignedOn = signedOn, StartDate = startDate, EndDate = endDate, WeeklyActivityHours = weeklyHours });
            return Task.FromResult(result);
        }, ct);

    /// <summary>RSA (W-07): the opening of rights, then the orientation with its type and organisation (R-502, R-503).</summary>
    public Task<ValidationResult?> RecordRsaOrientationAsync(long pathwayId, DateOnly rightsOpenedOn, DateOnly? orientedOn, RsaOrientationType? type,
        string? organisationName, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, async (pathway, today) =>
        {
            var result = RsaDelays.Check(rightsOpenedOn, orientedOn, type, today);
            if (pathway.Scheme != Scheme.ACCOMPAGNEMENT_RSA) result.Add(null, "L'orientation RSA ne concerne que les parcours d'accompagnement RSA.");
            if (!result.IsValid) return result;
            var row = await db.RsaOrientations.SingleOrDefaultAsync(o => o.PathwayId == pathway.Id, ct);
            if (row is null) db.RsaOrientations.Add(row = new RsaOrientation { PathwayId = pathway.Id });
            row.RightsOpenedOn = rightsOpenedOn;
            row.OrientedOn = orientedOn;
            row.OrientationType = type;
            row.OrganisationName = string.IsNullOrWhiteSpace(organisationName) ? null : organisationName.Trim();
            if (orientedOn is { } o)
            {
                pathway.OrientationDate = o;
                pathway.OrientationType = type;
            }
            return result;
        }, ct);

    public sealed record SituationInput(DateOnly EffectiveOn, string? CommuneInsee, bool QpvResident, FamilySituation? FamilySituation, bool LoneParent,
        FseEntrySituation? LabourMarketStatus, EducationLevelFt? EducationLevel, bool RsaRecipient, bool LongTermJobseeker, bool RegisteredFranceTravail);

    public sealed record ReviewInput(DateOnly HeldOn, bool ParticipantPresent, bool ReferentPresent, bool PrescriberPresent, bool EmployerPresent,
        string? Conclusions, ReviewDecision Decision, DateOnly? NextReviewOn);

    /// <summary>
    /// A change of the participant's situation after entry (W-02): a dated snapshot added to the history; the profile at
    /// entry on the pathway is never touched (the reports count it). A new commune also becomes the current address.
    /// </summary>
    public Task<ValidationResult?> ChangeSituationAsync(long pathwayId, SituationInput input, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, async (pathway, today) =>
        {
            var history = await db.SituationChanges.AsNoTracking().Where(c => c.PathwayId == pathway.Id)
                .OrderBy(c => c.EffectiveOn).ThenBy(c => c.Id).ToListAsync(ct);
            var identity = await db.Identities.SingleOrDefaultAsync(i => i.Id == pathway.ParticipantId, ct);
            var current = SituationHistories.Current(pathway, history, identity?.CommuneInsee);
            var commune = string.IsNullOrWhiteSpace(input.CommuneInsee) ? null : input.CommuneInsee.Trim().ToUpperInvariant();
            var proposed = new ParticipantSituation
            {
                // Only a new commune is stored: the history then shows the commune when it changes.
                CommuneInsee = commune == current.CommuneInsee ? null : commune,
                QpvResident = input.QpvResident, FamilySituation = input.FamilySituation, LoneParent = input.LoneParent,
                LabourMarketStatus = input.LabourMarketStatus, EducationLevel = input.EducationLevel, RsaRecipient = input.RsaRecipient,
                LongTermJobseeker = input.LongTermJobseeker, RegisteredFranceTravail = input.RegisteredFranceTravail,
            };
            var result = SituationRules.Check(pathway.Status, pathway.EntryDate, history.LastOrDefault()?.EffectiveOn, current, proposed, input.EffectiveOn, today);
            if (!result.IsValid) return result;
            db.SituationChanges.Add(SituationChange.From(pathway.Id, input.EffectiveOn, proposed));
            if (proposed.CommuneInsee is { } newCommune && identity is not null) identity.CommuneInsee = newCommune;
            pathway.Events.Add(new PathwayEvent { On = input.EffectiveOn, Kind = "SituationChanged", FromStatus = pathway.Status, ToStatus = pathway.Status,
                Detail = string.Join(", ", SituationRules.Differences(current, proposed).Select(d => d.Field)) });
            return result;
        }, ct);

    /// <summary>A tripartite review (R-137): attendance, conclusions, decision and the next review date.</summary>
    public Task<ValidationResult?> AddReviewAsync(long pathwayId, ReviewInput input, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, (pathway, today) =>
        {
            var review = new TripartiteReview
            {
                PathwayId = pathway.Id, HeldOn = input.HeldOn, ParticipantPresent = input.ParticipantPresent, ReferentPresent = input.ReferentPresent,
                PrescriberPresent = input.PrescriberPresent, EmployerPresent = input.EmployerPresent,
                Conclusions = string.IsNullOrWhiteSpace(input.Conclusions) ? null : input.Conclusions.Trim(), Decision = input.Decision,
                NextReviewOn = input.NextReviewOn,
            };
            var result = ReviewRules.Check(pathway.Status, pathway.EntryDate, review, today);
            if (result.IsValid)
            {
                db.Reviews.Add(review);
                pathway.Events.Add(new PathwayEvent { On = input.HeldOn, Kind = "TripartiteReview", FromStatus = pathway.Status, ToStatus = pathway.Status, Detail = input.Decision.ToString() });
            }
            return Task.FromResult(result);
        }, ct);

    /// <summary>
    /// A post-employment follow-up contact (W-05, R-130) on an exit job, at +1, +3 or +6 months after its start; also
    /// after the exit, so that the last contact can be kept once the positive exit is validated.
    /// </summary>
    public Task<ValidationResult?> RecordFollowUpAsync(long pathwayId, long stepId, int milestone, DateOnly doneOn, FollowUpSituation situation, int version,
        CancellationToken ct = default) =>
        RunAsync(pathwayId, version, async (pathway, today) =>
        {
            if (pathway.Status is not (PathwayStatus.ENTRE or PathwayStatus.EN_VEILLE or PathwayStatus.SORTI))
                return ValidationResult.Fail(null, "Le suivi dans l'emploi concerne un parcours entré.");
            var step = await db.Steps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == stepId && s.PathwayId == pathway.Id, ct);
            if (step is null) return ValidationResult.Fail("StepId", "Cette étape n'appartient pas au parcours.");
            var done = await db.FollowUps.AsNoTracking().Where(f => f.StepId == stepId).Select(f => f.Milestone).ToListAsync(ct);
            var result = FollowUpSchedule.Check(step, milestone, doneOn, done, today);
            if (!result.IsValid) return result;
            db.FollowUps.Add(new EmploymentFollowUp
            {
                PathwayId = pathway.Id, StepId = step.Id, Milestone = milestone, PlannedOn = FollowUpSchedule.PlannedOn(step.StartDate, milestone),
                DoneOn = doneOn, Situation = situation,
            });
            pathway.Events.Add(new PathwayEvent { On = doneOn, Kind = "FollowUp", FromStatus = pathway.Status, ToStatus = pathway.Status, Detail = $"m={milestone};{situation}" });
            return result;
        }, ct);

    public sealed record ExitProposalInput(ExitReason Reason, long? ExitStepId, DateOnly? ExitDate, DateOnly ProposedOn);

    /// <summary>
    /// The référent proposes an exit to the commission (W-02 `ExitPending`): the pathway stays in progress (the exchanged
    /// status does not change) until the commission validates it or refuses it.
    /// </summary>
    public Task<ValidationResult?> ProposeExitAsync(long pathwayId, ExitProposalInput input, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, async (pathway, today) =>
        {
            Step? step = null;
            if (input.ExitStepId is { } stepId)
            {
                step = await db.Steps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == stepId && s.PathwayId == pathway.Id, ct);
                if (step is null) return ValidationResult.Fail("ExitStepId", "L'étape justifiant la sortie n'appartient pas à ce parcours.");
            }
            var pending = await db.ExitProposals.AnyAsync(x => x.PathwayId == pathway.Id && x.Status == ExitProposalStatus.PROPOSEE, ct);
            var result = ExitProposals.CheckPropose(pathway.Status, pathway.EntryDate, pending, input.Reason, step, input.ProposedOn, input.ExitDate, today);
            if (!result.IsValid) return result;
            db.ExitProposals.Add(new ExitProposal
            {
                PathwayId = pathway.Id, ProposedOn = input.ProposedOn, Reason = input.Reason, ExitStepId = step?.Id, ExitDate = input.ExitDate,
            });
            pathway.Events.Add(new PathwayEvent { On = input.ProposedOn, Kind = "ExitProposed", FromStatus = pathway.Status, ToStatus = pathway.Status, Detail = input.Reason.ToString() });
            return result;
        }, ct);

    /// <summary>The commission refuses the proposed exit, with a reason: the pathway goes on «en parcours» (W-02).</summary>
    public Task<ValidationResult?> RefuseExitAsync(long pathwayId, string? refusalReason, DateOnly decidedOn, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, async (pathway, today) =>
        {
            var pending = await db.ExitProposals.Where(x => x.PathwayId == pathway.Id && x.Status == ExitProposalStatus.PROPOSEE)
                .OrderByDescending(x => x.Id).FirstOrDefaultAsync(ct);
            var result = ExitProposals.CheckRefuse(pending, refusalReason, decidedOn, today);
            if (!result.IsValid) return result;
            pending!.Status = ExitProposalStatus.REFUSEE;
            pending.DecidedOn = decidedOn;
            pending.RefusalReason = refusalReason!.Trim();
            pathway.Events.Add(new PathwayEvent { On = decidedOn, Kind = "ExitRefused", FromStatus = pathway.Status, ToStatus = pathway.Status, Detail = pending.Reason.ToString() });
            return result;
        }, ct);

    /// <summary>«En veille» with its start (R-116), or resumption.</summary>
    public Task<ValidationResult?> PutOnHoldAsync(long pathwayId, DateOnly date, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, (pathway, today) => Task.FromResult(pathway.PutOnHold(date, today)), ct);

    public Task<ValidationResult?> ResumeAsync(long pathwayId, DateOnly date, int version, CancellationToken ct = default) =>
        RunAsync(pathwayId, version, (pathway, today) => Task.FromResult(pathway.Resume(date, today)), ct);

    private Task<Appointment?> PendingConvocationAsync(long pathwayId, CancellationToken ct) =>
        db.Appointments.Where(a => a.PathwayId == pathwayId && a.Kind == AppointmentKind.ENTRETIEN_PREALABLE && a.Attended == null)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);

    private async Task<string?> MissingDocumentsAsync(Pathway pathway, CancellationToken ct)
    {
        var received = await db.PathwayDocuments.AsNoTracking().Where(d => d.PathwayId == pathway.Id).Select(d => d.Kind).ToListAsync(ct);
        var missing = PathwayDocuments.MissingForEntry(received, pathway.OperationId is not null);
        return missing.Count == 0 ? null
            : $"Le dossier administratif est incomplet : {string.Join(", ", missing.Select(m => m.Label().ToLowerInvariant()))} manquant{(missing.Count > 1 ? "s" : "")}.";
    }

    /// <summary>
    /// Loads the pathway in scope, checks the version, runs the rule, and saves with the pathway's version bumped,
    /// so that a concurrent write on the pathway or one of its children fails instead of being lost.
    /// </summary>
    private async Task<ValidationResult?> RunAsync(long pathwayId, int version, Func<Pathway, DateOnly, Task<ValidationResult>> action, CancellationToken ct)
    {
        var pathway = await db.Pathways.SingleOrDefaultAsync(p => p.Id == pathwayId, ct);
        if (pathway is null) return null;
        if (pathway.Version != version) return ValidationResult.Fail(null, Conflict);
        var result = await action(pathway, Today.From(clock));
        if (!result.IsValid) return result;
        var entry = db.Entry(pathway);
        entry.Property(p => p.Version).OriginalValue = version;
        entry.State = entry.State == EntityState.Unchanged ? EntityState.Modified : entry.State;
        foreach (var property in entry.Properties.Where(p => p.Metadata.Name != nameof(Pathway.Version) && !HasChanged(p)))
            property.IsModified = false;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ValidationResult.Fail(null, Conflict);
        }
        return result;
    }

    private static bool HasChanged(Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry p) => !Equals(p.OriginalValue, p.CurrentValue);
}
