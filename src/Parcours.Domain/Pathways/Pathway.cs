using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Common;

namespace Parcours.Domain.Pathways;

/// <summary>
/// One enrolment of a participant in a scheme, from the prescription to the exit or the non-entry
/// (exchange format §5.4, workflows W-01 to W-04). Status changes go through the methods below, which check the
/// transition table of codelists.md §4.4 and the date rules, and return French messages when they refuse.
/// </summary>
public class Pathway : IVersioned, IPersonalData
{
    public long Id { get; set; }
    public string? ExternalId { get; set; }
    public long ParticipantId { get; set; }
    public Participant? Participant { get; set; }

    /// <summary>
    /// A copy of the participant's sex kept on each pathway, so that the reports count by sex from the pathways
    /// alone. Never entered by hand: the database context copies it when a pathway is added and when a participant's
    /// sex is corrected; the bulk writers (synthetic generator, exchange import) copy it themselves.
    /// </summary>
    public Sex ParticipantSex { get; set; }

    public Scheme Scheme { get; set; }

    /// <summary>The programme organisation that runs the pathway and owns its data.</summary>
    public long OrganisationId { get; set; }
    public long? OperationId { get; set; }
    public long? ReferentId { get; set; }
    public Referent? Referent { get; set; }
    public PathwayStatus Status { get; set; }
    public DateOnly? StatusSince { get; set; }
    /// <summary>1 for the first pathway of the person in the programme, then 2, 3… .</summary>
    public int Rank { get; set; } = 1;

    // b. Entry procedure
    public PrescriberKind? PrescriberKind { get; set; }
    public long? PrescriberOrganisationId { get; set; }
    public DateOnly? PrescriptionDate { get; set; }
    public DateOnly? PreAssignmentDate { get; set; }
    public DateOnly? ConvocationDate { get; set; }
    public int ConvocationCount { get; set; }
    public DateOnly? PreEntryInterviewDate { get; set; }
    public DateOnly? EntryCommissionDate { get; set; }
    public DateOnly? EntryDate { get; set; }
    public NonEntryReason? NonEntryReason { get; set; }
    public DateOnly? NonEntryDate { get; set; }

    // c. Profile at entry
    public int? AgeAtEntry { get; set; }
    public PublicCategory? PublicCategory { get; set; }
    public bool? ThRqth { get; set; }
    public bool? RegisteredFranceTravail { get; set; }
    public bool? QpvResident { get; set; }
    public string? QpvCode { get; set; }
    public bool? LoneParent { get; set; }
    public bool? RsaRightsAndDuties { get; set; }
    public EducationLevelFt? EducationLevel { get; set; }
    public EducationLevel1969? EducationLevel1969 { get; set; }
    public int? InactivityMonths { get; set; }
    public InactivityBand? InactivityBand { get; set; }

    // d. RSA orientation
    public RsaOrientationType? OrientationType { get; set; }
    public DateOnly? OrientationDate { get; set; }

    // e. FSE entry data
    public FseEntrySituation? LabourMarketStatus { get; set; }
    public bool? InEducationTraining { get; set; }
    public IscedGroup? IscedGroup { get; set; }
    public bool? JoblessHousehold { get; set; }
    public bool? JoblessHouseholdChildren { get; set; }
    public bool? SingleAdultHouseholdChildren { get; set; }
    public DeclarativeAnswer? Disability { get; set; }
    public DeclarativeAnswer? MigrantForeignBackground { get; set; }
    public DeclarativeAnswer? Minority { get; set; }
    public DeclarativeAnswer? ThirdCountryNational { get; set; }
    public DeclarativeAnswer? OtherDisadvantaged { get; set; }
    public DeclarativeAnswer? HomelessHousingExclusion { get; set; }
    public bool? RuralArea { get; set; }

    // f. Exit and results
    public DateOnly? ExitDate { get; set; }
    public ExitReason? ExitReason { get; set; }
    public DateOnly? ExitValidationDate { get; set; }
    public long? ExitStepId { get; set; }
    public FseExitSituation? Situation4w { get; set; }
    public bool? InEducationTraining4w { get; set; }
    public bool? QualificationGained4w { get; set; }
    public FseExitSituation? Situation6m { get; set; }
    public bool? ImprovedSituation6m { get; set; }

    public List<Step> Steps { get; set; } = [];
    public List<Barrier> Barriers { get; set; } = [];
    public List<CommitmentContract> Contracts { get; set; } = [];
    public List<Appointment> Appointments { get; set; } = [];
    public List<PathwayEvent> Events { get; set; } = [];

    public int Version { get; set; }

    public ExitCategory? ExitCategory => ExitReason is { } reason ? ExitReasons.Category(reason) : null;

    public bool IsInCaseload => Status is PathwayStatus.ENTRE or PathwayStatus.EN_VEILLE;

    /// <summary>Opens a pathway on a received prescription (W-01, ∅ → Received).</summary>
    public static (Pathway? Pathway, ValidationResult Result) Prescribe(
        long participantId, long organisationId, Scheme scheme, PrescriberKind? prescriberKind,
        long? prescriberOrganisationId, DateOnly prescriptionDate, DateOnly today)
    {
        var result = new ValidationResult();
        NotInFuture(result, nameof(PrescriptionDate), prescriptionDate, today, "La date de prescription");
        if (!result.IsValid) return (null, result);
        var pathway = new Pathway
        {
            ParticipantId = participantId,
            OrganisationId = organisationId,
            Scheme = scheme,
            PrescriberKind = prescriberKind,
            PrescriberOrganisationId = prescriberOrganisationId,
            PrescriptionDate = prescriptionDate,
            Status = PathwayStatus.PRESCRIT,
            StatusSince = prescriptionDate,
        };
        pathway.Log(prescriptionDate, "Prescription", null, PathwayStatus.PRESCRIT);
        return (pathway, result);
    }

    /// <summary>Received → PreAssigned: a référent is chosen .</summary>
    public ValidationResult PreAssign(long referentId, DateOnly date, DateOnly today)
    {
        var result = CheckTransition(PathwayStatus.PRE_AFFECTE);
        CheckProcedureDate(result, nameof(PreAssignmentDate), date, today, "La date de pré-affectation");
        if (!result.IsValid) return result;
        ReferentId = referentId;
        PreAssignmentDate = date;
        Move(PathwayStatus.PRE_AFFECTE, date, "PreAssignment", $"referent={referentId}");
        return result;
    }

    /// <summary>A convocation to the pre-entry interview. The first one sets the convocation date.</summary>
    public ValidationResult Convoke(DateOnly date, DateOnly today, int maxConvocations = 3)
    {
        var result = CheckTransition(PathwayStatus.CONVOQUE);
        CheckProcedureDate(result, nameof(ConvocationDate), date, today, "La date de convocation");
        if (result.IsValid && ConvocationCount >= maxConvocations)
            result.Add(null, $"Le nombre maximal de convocations ({maxConvocations}) est atteint : enregistrez une non-entrée pour absence aux rendez-vous.");
        if (!result.IsValid) return result;
        ConvocationCount++;
        ConvocationDate ??= date;
        Move(PathwayStatus.CONVOQUE, date, "Convocation", $"n={ConvocationCount}");
        return result;
    }

    /// <summary>The person attended: the pre-entry interview is held.</summary>
    public ValidationResult RecordInterview(DateOnly date, DateOnly today)
    {
        var result = CheckTransition(PathwayStatus.ENTRETIEN);
        CheckProcedureDate(result, nameof(PreEntryInterviewDate), date, today, "La date de l'entretien préalable");
        if (!result.IsValid) return result;
        PreEntryInterviewDate = date;
        Move(PathwayStatus.ENTRETIEN, date, "Interview", null);
        return result;
    }

    /// <summary>The complete file is put on the agenda of the entry commission .</summary>
    public ValidationResult SendToCommission(DateOnly commissionDate, DateOnly today)
    {
        var result = CheckTransition(PathwayStatus.EN_COMMISSION);
        if (PrescriptionDate is { } p && commissionDate < p)
            result.Add(nameof(EntryCommissionDate), "La date de commission précède la date de prescription.");
        if (!result.IsValid) return result;
        EntryCommissionDate = commissionDate;
        Move(PathwayStatus.EN_COMMISSION, commissionDate > today ? today : commissionDate, "Commission", null);
        return result;
    }

    /// <summary>The commission validates the entry; the profile at entry is recorded (W-01, R-106 to R-109).</summary>
    public ValidationResult Enter(EntryDecision decision, DateOnly today)
    {
        var result = CheckTransition(PathwayStatus.ENTRE);
        CheckProcedureDate(result, nameof(EntryDate), decision.EntryDate, today, "La date d'entrée");
        if (Scheme == Scheme.PLIE && decision.PublicCategory is null)
            result.Add(nameof(PublicCategory), "La catégorie de public à l'entrée est obligatoire pour un parcours PLIE.");
        if (decision.EducationLevel is { } ft && decision.EducationLevel1969 is { } l69 && !Education.Consistent(ft, l69))
            result.Add(nameof(EducationLevel1969), "Le niveau de formation (nomenclature 1969) ne correspond pas au niveau France Travail.");
        if (decision.InactivityMonths is < 0 or > 720)
            result.Add(nameof(InactivityMonths), "La durée d'inactivité doit être comprise entre 0 et 720 mois.");
        if (decision.QpvCode is not null && decision.QpvResident != true)
            result.Add(nameof(QpvCode), "Un code QPV n'est possible que pour un résident d'un quartier prioritaire.");
        if (ReferentId is null)
            result.Add(nameof(ReferentId), "Un référent doit être désigné avant l'entrée.");
        if (!result.IsValid) return result;

        EntryDate = decision.EntryDate;
        PublicCategory = decision.PublicCategory;
        ThRqth = decision.ThRqth;
        RegisteredFranceTravail = decision.RegisteredFranceTravail;
        QpvResident = decision.QpvResident;
        QpvCode = decision.QpvCode;
        LoneParent = decision.LoneParent;
        RsaRightsAndDuties = decision.RsaRightsAndDuties;
        EducationLevel = decision.EducationLevel;
        EducationLevel1969 = decision.EducationLevel1969 ?? (decision.EducationLevel is { } f ? Education.To1969(f) : null);
        InactivityMonths = decision.InactivityMonths;
        InactivityBand = decision.InactivityMonths is { } m ? InactivityBands.FromMonths(m) : decision.InactivityBand;
        LabourMarketStatus = decision.LabourMarketStatus;
        AgeAtEntry = decision.BirthDate is { } birth
            ? AgeRules.AgeAt(birth, decision.EntryDate)
            : decision.BirthYear is { } year ? decision.EntryDate.Year - year : null;
        Move(PathwayStatus.ENTRE, decision.EntryDate, "Entry", null);
        return result;
    }

    /// <summary>
    /// The commission defers its decision («ajournement», W-01 ReadyForCommission → FilePending): the file goes back to
    /// the interview stage (exchanged ENTRETIEN) with the reason, and returns to a later commission.
    /// </summary>
    public ValidationResult DeferCommission(string? reason, DateOnly date, DateOnly today)
    {
        var result = Status == PathwayStatus.EN_COMMISSION
            ? ValidationResult.Ok
            : ValidationResult.Fail(nameof(Status), "Seul un dossier inscrit à la commission peut être ajourné.");
        if (string.IsNullOrWhiteSpace(reason)) result.Add("Reason", "Le motif de l'ajournement est obligatoire.");
        else if (reason.Trim().Length > 300) result.Add("Reason", "Le motif de l'ajournement est limité à 300 caractères.");
        CheckProcedureDate(result, nameof(EntryCommissionDate), date, today, "La date de l'ajournement");
        if (!result.IsValid) return result;
        EntryCommissionDate = null;
        Move(PathwayStatus.ENTRETIEN, date, "CommissionDeferred", reason!.Trim());
        return result;
    }

    /// <summary>The procedure ends without entry, with a reason .</summary>
    public ValidationResult RecordNonEntry(NonEntryReason reason, DateOnly date, DateOnly today)
    {
        var result = CheckTransition(PathwayStatus.NON_ENTRE);
        CheckProcedureDate(result, nameof(NonEntryDate), date, today, "La date de non-entrée");
        if (!result.IsValid) return result;
        NonEntryReason = reason;
        NonEntryDate = date;
        Move(PathwayStatus.NON_ENTRE, date, "NonEntry", reason.ToString());
        return result;
    }

    /// <summary>«En veille»: still in the caseload, not on a step.</summary>
    public ValidationResult PutOnHold(DateOnly date, DateOnly today)
    {
        var result = CheckTransition(PathwayStatus.EN_VEILLE);
        CheckAfterEntry(result, nameof(StatusSince), date, today, "La date de mise en veille");
        if (!result.IsValid) return result;
        Move(PathwayStatus.EN_VEILLE, date, "OnHold", null);
        return result;
    }

    public ValidationResult Resume(DateOnly date, DateOnly today)
    {
        var result = Status == PathwayStatus.EN_VEILLE
            ? ValidationResult.Ok
            : ValidationResult.Fail(null, "Seul un parcours en veille peut être repris.");
        CheckAfterEntry(result, nameof(StatusSince), date, today, "La date de reprise");
        if (!result.IsValid) return result;
        Move(PathwayStatus.ENTRE, date, "Resumed", null);
        return result;
    }

    /// <summary>
    /// Records the exit (W-04). For a durable job the exit date is the validation date, 6 months after the job
    /// started; the caller passes it, see <see cref="ExitRules.ValidationDate"/>.
    /// </summary>
    public ValidationResult RecordExit(DateOnly exitDate, ExitReason reason, long? exitStepId, DateOnly? validationDate, DateOnly today)
    {
        var result = CheckTransition(PathwayStatus.SORTI);
        CheckAfterEntry(result, nameof(ExitDate), exitDate, today, "La date de sortie");
        if (validationDate is { } v && EntryDate is { } e && v < e)
            result.Add(nameof(ExitValidationDate), "La date de validation de la sortie précède la date d'entrée.");
        if (validationDate is { } v2 && v2 > today)
            result.Add(nameof(ExitValidationDate), "La date de validation ne peut pas être dans le futur.");
        if (exitStepId is { } stepId && Steps.Count > 0 && Steps.All(s => s.Id != stepId))
            result.Add(nameof(ExitStepId), "L'étape justifiant la sortie n'appartient pas à ce parcours.");
        if (!result.IsValid) return result;
        ExitDate = exitDate;
        ExitReason = reason;
        ExitStepId = exitStepId;
        ExitValidationDate = validationDate;
        Move(PathwayStatus.SORTI, exitDate, "Exit", reason.ToString());
        return result;
    }

    /// <summary>Reassignment to another référent. The audit log records the change.</summary>
    public ValidationResult AssignReferent(long referentId, DateOnly date)
    {
        if (PathwayStatuses.Phase(Status) == PathwayPhase.CLOS)
            return ValidationResult.Fail(nameof(ReferentId), "Un parcours clos ne peut plus changer de référent.");
        if (ReferentId == referentId)
            return ValidationResult.Fail(nameof(ReferentId), "Ce référent suit déjà le parcours.");
        var previous = ReferentId;
        ReferentId = referentId;
        Log(date, "Reassignment", Status, Status, $"from={previous};to={referentId}");
        return ValidationResult.Ok;
    }

    private ValidationResult CheckTransition(PathwayStatus target)
    {
        var result = new ValidationResult();
        if (!PathwayStatuses.CanTransition(Status, target))
            result.Add(nameof(Status), $"Transition impossible : un parcours « {Status.Label()} » ne peut pas passer à « {target.Label()} ».");
        return result;
    }

    private void CheckProcedureDate(ValidationResult result, string field, DateOnly date, DateOnly today, string what)
    {
        NotInFuture(result, field, date, today, what);
        if (PrescriptionDate is { } p && date < p)
            result.Add(field, $"{what} précède la date de prescription ({p:dd/MM/yyyy}).");
    }

    private void CheckAfterEntry(ValidationResult result, string field, DateOnly date, DateOnly today, string what)
    {
        NotInFuture(result, field, date, today, what);
        if (EntryDate is { } e && date < e)
            result.Add(field, $"{what} précède la date d'entrée ({e:dd/MM/yyyy}).");
    }

    private static void NotInFuture(ValidationResult result, string field, DateOnly date, DateOnly today, string what)
    {
        if (date > today) result.Add(field, $"{what} ne peut pas être dans le futur.");
    }

    private void Move(PathwayStatus target, DateOnly on, string kind, string? detail)
    {
        var from = Status;
        Status = target;
        StatusSince = on;
        Log(on, kind, from, target, detail);
    }

    private void Log(DateOnly on, string kind, PathwayStatus? from, PathwayStatus? to, string? detail = null) =>
        Events.Add(new PathwayEvent { On = on, Kind = kind, FromStatus = from, ToStatus = to, Detail = detail });
}
