using Parcours.Domain.CodeLists;
using Parcours.Domain.Common;
using Parcours.Domain.Pathways;

namespace Parcours.Domain.Tests.Pathways;

/// <summary>The entry procedure (W-01), the pathway life (W-02) and the exit (W-04) through the methods of <see cref="Pathway"/>.</summary>
public class PathwayTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);
    private static readonly DateOnly Prescribed = new(2026, 1, 5);
    private static readonly DateOnly PreAssigned = Prescribed.AddDays(2);
    private static readonly DateOnly Convoked = Prescribed.AddDays(10);
    private static readonly DateOnly Interviewed = Prescribed.AddDays(20);
    private static readonly DateOnly Commission = Prescribed.AddDays(30);
    private static readonly DateOnly Entered = Commission;
    private static readonly DateOnly OnHold = Prescribed.AddDays(60);
    private static readonly DateOnly Exited = Prescribed.AddDays(120);
    private const long ReferentId = 7;
    private const long OtherReferentId = 8;

    /// <summary>What a user can try on a pathway.</summary>
    public enum Attempt
    {
        PreAssign,
        Convoke,
        RecordInterview,
        SendToCommission,
        Enter,
        RecordNonEntry,
        PutOnHold,
        RecordExit,
    }

    [Fact]
    public void EntryProcedure_EveryStepInOrder_PathwayEnteredAndEachTransitionLogged()
    {
        // Arrange
        var (pathway, prescription) = Pathway.Prescribe(1, 10, Scheme.PLIE, PrescriberKind.FRANCE_TRAVAIL, 20, Prescribed, Today);
        Assert.True(prescription.IsValid, prescription.ToString());
        var secondConvocation = Convoked.AddDays(7);

        // Act
        var results = new[]
        {
            pathway!.PreAssign(ReferentId, PreAssigned, Today),
            pathway.Convoke(Convoked, Today),
            pathway.Convoke(secondConvocation, Today),
            pathway.RecordInterview(Interviewed, Today),
            pathway.SendToCommission(Commission, Today),
            pathway.Enter(Decision(Entered), Today),
        };

        // Assert
        Assert.All(results, r => Assert.True(r.IsValid, r.ToString()));
        Assert.Equal(PathwayStatus.ENTRE, pathway.Status);
        Assert.Equal(Entered, pathway.StatusSince);
        Assert.Equal(Entered, pathway.EntryDate);
        Assert.Equal(ReferentId, pathway.ReferentId);
        Assert.Equal(PreAssigned, pathway.PreAssignmentDate);
        Assert.Equal(Convoked, pathway.ConvocationDate);
        Assert.Equal(2, pathway.ConvocationCount);
        Assert.Equal(Interviewed, pathway.PreEntryInterviewDate);
        Assert.Equal(Commission, pathway.EntryCommissionDate);
        Assert.Equal(PublicCategory.DELD, pathway.PublicCategory);
        Assert.True(pathway.IsInCaseload);
        var expected = new List<(string, DateOnly, PathwayStatus?, PathwayStatus?)>
        {
            ("Prescription", Prescribed, null, PathwayStatus.PRESCRIT),
            ("PreAssignment", PreAssigned, PathwayStatus.PRESCRIT, PathwayStatus.PRE_AFFECTE),
            ("Convocation", Convoked, PathwayStatus.PRE_AFFECTE, PathwayStatus.CONVOQUE),
            ("Convocation", secondConvocation, PathwayStatus.CONVOQUE, PathwayStatus.CONVOQUE),
            ("Interview", Interviewed, PathwayStatus.CONVOQUE, PathwayStatus.ENTRETIEN),
            ("Commission", Commission, PathwayStatus.ENTRETIEN, PathwayStatus.EN_COMMISSION),
            ("Entry", Entered, PathwayStatus.EN_COMMISSION, PathwayStatus.ENTRE),
        };
        Assert.Equal(expected, pathway.Events.Select(e => (e.Kind, e.On, e.FromStatus, e.ToStatus)).ToList());
    }

    [Fact]
    public void Prescribe_DateInTheFuture_RefusedWithoutPathway()
    {
        // Act
        var (pathway, result) = Pathway.Prescribe(1, 10, Scheme.PLIE, PrescriberKind.FRANCE_TRAVAIL, null, Today.AddDays(1), Today);

        // Assert
        Assert.Null(pathway);
        Assert.Equal("La date de prescription ne peut pas être dans le futur.", Assert.Single(result.Errors).Message);
    }

    [Theory]
    [InlineData(PathwayStatus.PRESCRIT, Attempt.RecordExit)]
    [InlineData(PathwayStatus.PRESCRIT, Attempt.PutOnHold)]
    [InlineData(PathwayStatus.PRESCRIT, Attempt.RecordInterview)]
    [InlineData(PathwayStatus.PRESCRIT, Attempt.SendToCommission)]
    [InlineData(PathwayStatus.PRE_AFFECTE, Attempt.PreAssign)]
    [InlineData(PathwayStatus.PRE_AFFECTE, Attempt.RecordInterview)]
    [InlineData(PathwayStatus.PRE_AFFECTE, Attempt.Enter)]
    [InlineData(PathwayStatus.CONVOQUE, Attempt.SendToCommission)]
    [InlineData(PathwayStatus.CONVOQUE, Attempt.Enter)]
    [InlineData(PathwayStatus.ENTRETIEN, Attempt.Convoke)]
    [InlineData(PathwayStatus.EN_COMMISSION, Attempt.RecordExit)]
    [InlineData(PathwayStatus.ENTRE, Attempt.Convoke)]
    [InlineData(PathwayStatus.ENTRE, Attempt.Enter)]
    [InlineData(PathwayStatus.ENTRE, Attempt.RecordNonEntry)]
    [InlineData(PathwayStatus.EN_VEILLE, Attempt.PutOnHold)]
    [InlineData(PathwayStatus.EN_VEILLE, Attempt.RecordNonEntry)]
    [InlineData(PathwayStatus.SORTI, Attempt.Enter)]
    [InlineData(PathwayStatus.SORTI, Attempt.PutOnHold)]
    [InlineData(PathwayStatus.SORTI, Attempt.RecordExit)]
    [InlineData(PathwayStatus.NON_ENTRE, Attempt.PreAssign)]
    [InlineData(PathwayStatus.NON_ENTRE, Attempt.Convoke)]
    [InlineData(PathwayStatus.NON_ENTRE, Attempt.RecordInterview)]
    [InlineData(PathwayStatus.NON_ENTRE, Attempt.SendToCommission)]
    [InlineData(PathwayStatus.NON_ENTRE, Attempt.Enter)]
    [InlineData(PathwayStatus.NON_ENTRE, Attempt.RecordNonEntry)]
    [InlineData(PathwayStatus.NON_ENTRE, Attempt.PutOnHold)]
    [InlineData(PathwayStatus.NON_ENTRE, Attempt.RecordExit)]
    public void Transition_NotInTable_RefusedInFrenchAndStatusUnchanged(PathwayStatus from, Attempt action)
    {
        // Arrange
        var pathway = InStatus(from);
        var target = Target(action);
        var events = pathway.Events.Count;
        var since = pathway.StatusSince;

        // Act
        var result = Apply(pathway, action, Today);

        // Assert
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Message ==
            $"Transition impossible : un parcours « {from.Label()} » ne peut pas passer à « {target.Label()} ».");
        Assert.Equal(from, pathway.Status);
        Assert.Equal(since, pathway.StatusSince);
        Assert.Equal(events, pathway.Events.Count);
    }

    [Fact]
    public void Transition_SortiToEntre_MessageNamesBothStatuses()
    {
        // Arrange
        var pathway = InStatus(PathwayStatus.SORTI);

        // Act
        var result = pathway.Enter(Decision(Today), Today);

        // Assert
        Assert.Equal("Transition impossible : un parcours « Sorti » ne peut pas passer à « Entré (en parcours) ».", result.ToString());
        Assert.Equal(PathwayStatus.SORTI, pathway.Status);
        Assert.Equal(Entered, pathway.EntryDate);
    }

    [Theory]
    [InlineData(PathwayStatus.PRESCRIT, Attempt.PreAssign)]
    [InlineData(PathwayStatus.PRESCRIT, Attempt.Convoke)]
    [InlineData(PathwayStatus.PRESCRIT, Attempt.RecordNonEntry)]
    [InlineData(PathwayStatus.PRE_AFFECTE, Attempt.Convoke)]
    [InlineData(PathwayStatus.CONVOQUE, Attempt.Convoke)]
    [InlineData(PathwayStatus.CONVOQUE, Attempt.RecordInterview)]
    [InlineData(PathwayStatus.ENTRETIEN, Attempt.SendToCommission)]
    [InlineData(PathwayStatus.ENTRETIEN, Attempt.Enter)]
    [InlineData(PathwayStatus.EN_COMMISSION, Attempt.Enter)]
    [InlineData(PathwayStatus.EN_COMMISSION, Attempt.RecordNonEntry)]
    [InlineData(PathwayStatus.ENTRE, Attempt.PutOnHold)]
    [InlineData(PathwayStatus.ENTRE, Attempt.RecordExit)]
    [InlineData(PathwayStatus.EN_VEILLE, Attempt.RecordExit)]
    public void Transition_InTable_AcceptedAndLogged(PathwayStatus from, Attempt action)
    {
        // Arrange
        var pathway = InStatus(from);
        var events = pathway.Events.Count;

        // Act
        var result = Apply(pathway, action, Today);

        // Assert
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(Target(action), pathway.Status);
        Assert.Equal(Today, pathway.StatusSince);
        Assert.Equal(events + 1, pathway.Events.Count);
        Assert.Equal((from, Target(action)), (pathway.Events[^1].FromStatus, pathway.Events[^1].ToStatus!.Value));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Convoke_BeyondMaxConvocations_RefusedAndCountUnchanged(int maxConvocations)
    {
        // Arrange
        var pathway = InStatus(PathwayStatus.PRE_AFFECTE);
        for (var n = 0; n < maxConvocations; n++)
            Assert.True(pathway.Convoke(Convoked.AddDays(7 * n), Today, maxConvocations).IsValid);
        var events = pathway.Events.Count;

        // Act
        var result = pathway.Convoke(Convoked.AddDays(7 * maxConvocations), Today, maxConvocations);

        // Assert
        Assert.Equal(
            $"Le nombre maximal de convocations ({maxConvocations}) est atteint : enregistrez une non-entrée pour absence aux rendez-vous.",
            result.ToString());
        Assert.Equal(maxConvocations, pathway.ConvocationCount);
        Assert.Equal(Convoked, pathway.ConvocationDate);
        Assert.Equal(PathwayStatus.CONVOQUE, pathway.Status);
        Assert.Equal(events, pathway.Events.Count);
    }

    [Fact]
    public void Convoke_FourthWithDefaultMaximum_Refused()
    {
        // Arrange
        var pathway = InStatus(PathwayStatus.PRE_AFFECTE);
        for (var n = 0; n < 3; n++) pathway.Convoke(Convoked.AddDays(7 * n), Today);

        // Act
        var result = pathway.Convoke(Convoked.AddDays(21), Today, maxConvocations: 3);

        // Assert
        Assert.False(result.IsValid);
        Assert.Contains("(3)", result.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, pathway.ConvocationCount);
    }

    [Fact]
    public void Convoke_AfterFailedLastConvocation_NonEntryForAbsenceStillPossible()
    {
        // Arrange
        var pathway = InStatus(PathwayStatus.PRE_AFFECTE);
        for (var n = 0; n < 3; n++) pathway.Convoke(Convoked.AddDays(7 * n), Today);
        pathway.Convoke(Convoked.AddDays(21), Today);

        // Act
        var result = pathway.RecordNonEntry(NonEntryReason.ABSENCE_RDV, Today, Today);

        // Assert
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(PathwayStatus.NON_ENTRE, pathway.Status);
        Assert.Equal(NonEntryReason.ABSENCE_RDV, pathway.NonEntryReason);
        Assert.Equal(Today, pathway.NonEntryDate);
    }

    [Theory]
    [InlineData(PathwayStatus.PRESCRIT, Attempt.PreAssign, "La date de pré-affectation")]
    [InlineData(PathwayStatus.PRE_AFFECTE, Attempt.Convoke, "La date de convocation")]
    [InlineData(PathwayStatus.CONVOQUE, Attempt.RecordInterview, "La date de l'entretien préalable")]
    [InlineData(PathwayStatus.EN_COMMISSION, Attempt.Enter, "La date d'entrée")]
    [InlineData(PathwayStatus.PRESCRIT, Attempt.RecordNonEntry, "La date de non-entrée")]
    public void ProcedureStep_DateBeforePrescription_RefusedAndStatusUnchanged(PathwayStatus from, Attempt action, string what)
    {
        // Arrange
        var pathway = InStatus(from);

        // Act
        var result = Apply(pathway, action, Prescribed.AddDays(-1));

        // Assert
        Assert.Equal($"{what} précède la date de prescription (05/01/2026).", result.ToString());
        Assert.Equal(from, pathway.Status);
    }

    [Fact]
    public void SendToCommission_DateBeforePrescription_Refused()
    {
        // Arrange
        var pathway = InStatus(PathwayStatus.ENTRETIEN);

        // Act
        var result = pathway.SendToCommission(Prescribed.AddDays(-1), Today);

        // Assert
        Assert.Equal("La date de commission précède la date de prescription.", result.ToString());
        Assert.Equal(PathwayStatus.ENTRETIEN, pathway.Status);
        Assert.Null(pathway.EntryCommissionDate);
    }

    [Theory]
    [InlineData(PathwayStatus.PRESCRIT, Attempt.PreAssign, "La date de pré-affectation")]
    [InlineData(PathwayStatus.PRE_AFFECTE, Attempt.Convoke, "La date de convocation")]
    [InlineData(PathwayStatus.CONVOQUE, Attempt.RecordInterview, "La date de l'entretien préalable")]
    [InlineData(PathwayStatus.EN_COMMISSION, Attempt.Enter, "La date d'entrée")]
    [InlineData(PathwayStatus.CONVOQUE, Attempt.RecordNonEntry, "La date de non-entrée")]
    [InlineData(PathwayStatus.ENTRE, Attempt.PutOnHold, "La date de mise en veille")]
    [InlineData(PathwayStatus.ENTRE, Attempt.RecordExit, "La date de sortie")]
    public void Transition_DateInTheFuture_RefusedAndStatusUnchanged(PathwayStatus from, Attempt action, string what)
    {
        // Arrange
        var pathway = InStatus(from);

        // Act
        var result = Apply(pathway, action, Today.AddDays(1));

        // Assert
        Assert.Contains($"{what} ne peut pas être dans le futur.", result.Errors.Select(e => e.Message));
        Assert.Equal(from, pathway.Status);
    }

    [Fact]
    public void SendToCommission_CommissionScheduledLater_AcceptedWithStatusSinceToday()
    {
        // Arrange
        var pathway = InStatus(PathwayStatus.ENTRETIEN);
        var nextCommission = Today.AddDays(14);

        // Act
        var result = pathway.SendToCommission(nextCommission, Today);

        // Assert
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(PathwayStatus.EN_COMMISSION, pathway.Status);
        Assert.Equal(nextCommission, pathway.EntryCommissionDate);
        Assert.Equal(Today, pathway.StatusSince);
    }

    [Fact]
    public void Enter_PliePathwayWithoutPublicCategory_Refused()
    {
        // Arrange
        var pathway = InStatus(PathwayStatus.EN_COMMISSION);

        // Act
        var result = pathway.Enter(Decision(Today) with { PublicCategory = null }, Today);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(Pathway.PublicCategory), error.Field);
        Assert.Equal("La catégorie de public à l'entrée est obligatoire pour un parcours PLIE.", error.Message);
        Assert.Equal(PathwayStatus.EN_COMMISSION, pathway.Status);
        Assert.Null(pathway.EntryDate);
        Assert.Null(pathway.AgeAtEntry);
    }

    [Fact]
    public void Enter_RsaPathwayWithoutPublicCategory_Accepted()
    {
        // Arrange
        var (pathway, _) = Pathway.Prescribe(1, 10, Scheme.ACCOMPAGNEMENT_RSA, PrescriberKind.DEPARTEMENT, null, Prescribed, Today);
        pathway!.ReferentId = ReferentId;

        // Act
        var result = pathway.Enter(Decision(Entered) with { PublicCategory = null }, Today);

        // Assert
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(PathwayStatus.ENTRE, pathway.Status);
    }

    [Fact]
    public void Enter_WithoutReferent_Refused()
    {
        // Arrange
        var (pathway, _) = Pathway.Prescribe(1, 10, Scheme.PLIE, PrescriberKind.FRANCE_TRAVAIL, null, Prescribed, Today);

        // Act
        var result = pathway!.Enter(Decision(Entered), Today);

        // Assert
        Assert.Equal("Un référent doit être désigné avant l'entrée.", result.ToString());
        Assert.Equal(PathwayStatus.PRESCRIT, pathway.Status);
    }

    [Theory]
    [InlineData("2000-03-15", "2026-03-14", 25)]
    [InlineData("2000-03-15", "2026-03-15", 26)]
    [InlineData("2000-02-29", "2026-02-28", 25)]
    [InlineData("2000-02-29", "2026-03-01", 26)]
    public void Enter_BirthDate_AgeAtEntryInCompletedYears(string birth, string entry, int expected)
    {
        // Arrange
        var pathway = InStatus(PathwayStatus.EN_COMMISSION);

        // Act
        var result = pathway.Enter(Decision(DateOnly.Parse(entry)) with { BirthDate = DateOnly.Parse(birth) }, Today);

        // Assert
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(expected, pathway.AgeAtEntry);
    }

    [Theory]
    [InlineData(EducationLevelFt.AFS, EducationLevel1969.VI)]
    [InlineData(EducationLevelFt.C3A, EducationLevel1969.V_BIS)]
    [InlineData(EducationLevelFt.C12, EducationLevel1969.V)]
    [InlineData(EducationLevelFt.NV5, EducationLevel1969.V)]
    [InlineData(EducationLevelFt.NV4, EducationLevel1969.IV)]
    [InlineData(EducationLevelFt.NV1, EducationLevel1969.I)]
    public void Enter_FranceTravailLevelOnly_Derives1969Level(EducationLevelFt level, EducationLevel1969 expected)
    {
        // Arrange
        var pathway = InStatus(PathwayStatus.EN_COMMISSION);

        // Act
        var result = pathway.Enter(Decision(Today) with { EducationLevel = level }, Today);

        // Assert
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(level, pathway.EducationLevel);
        Assert.Equal(expected, pathway.EducationLevel1969);
    }

    [Fact]
    public void Enter_1969LevelInconsistentWithFranceTravailLevel_Refused()
    {
        // Arrange
        var pathway = InStatus(PathwayStatus.EN_COMMISSION);

        // Act
        var result = pathway.Enter(Decision(Today) with { EducationLevel = EducationLevelFt.NV4, EducationLevel1969 = EducationLevel1969.V }, Today);

        // Assert
        Assert.Equal("Le niveau de formation (nomenclature 1969) ne correspond pas au niveau France Travail.", result.ToString());
        Assert.Equal(PathwayStatus.EN_COMMISSION, pathway.Status);
    }

    [Fact]
    public void RecordExit_DateBeforeEntry_RefusedAndPathwayStaysOpen()
    {
        // Arrange
        var pathway = InStatus(PathwayStatus.ENTRE);

        // Act
        var result = pathway.RecordExit(Entered.AddDays(-1), ExitReason.ABANDON, null, null, Today);

        // Assert
        Assert.Equal("La date de sortie précède la date d'entrée (04/02/2026).", result.ToString());
        Assert.Equal(PathwayStatus.ENTRE, pathway.Status);
        Assert.Null(pathway.ExitDate);
        Assert.Null(pathway.ExitReason);
    }

    [Fact]
    public void RecordExit_OnEntryDate_AcceptedWithReasonAndCategory()
    {
        // Arrange
        var pathway = InStatus(PathwayStatus.ENTRE);

        // Act
        var result = pathway.RecordExit(Entered, ExitReason.DEMENAGEMENT, null, null, Today);

        // Assert
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(PathwayStatus.SORTI, pathway.Status);
        Assert.Equal(Entered, pathway.ExitDate);
        Assert.Equal(ExitCategory.SANS_SUITE, pathway.ExitCategory);
        Assert.False(pathway.IsInCaseload);
    }

    [Fact]
    public void PutOnHoldThenResume_EnteredPathway_StaysInCaseloadAndLogsBoth()
    {
        // Arrange
        var pathway = InStatus(PathwayStatus.ENTRE);
        var resumed = OnHold.AddDays(30);

        // Act
        var hold = pathway.PutOnHold(OnHold, Today);
        var statusOnHold = pathway.Status;
        var inCaseloadOnHold = pathway.IsInCaseload;
        var resume = pathway.Resume(resumed, Today);

        // Assert
        Assert.True(hold.IsValid, hold.ToString());
        Assert.True(resume.IsValid, resume.ToString());
        Assert.Equal(PathwayStatus.EN_VEILLE, statusOnHold);
        Assert.True(inCaseloadOnHold);
        Assert.Equal(PathwayStatus.ENTRE, pathway.Status);
        Assert.Equal(resumed, pathway.StatusSince);
        var expected = new List<(string, DateOnly, PathwayStatus, PathwayStatus)>
        {
            ("OnHold", OnHold, PathwayStatus.ENTRE, PathwayStatus.EN_VEILLE),
            ("Resumed", resumed, PathwayStatus.EN_VEILLE, PathwayStatus.ENTRE),
        };
        Assert.Equal(expected, pathway.Events.TakeLast(2).Select(e => (e.Kind, e.On, e.FromStatus!.Value, e.ToStatus!.Value)).ToList());
    }

    [Fact]
    public void PutOnHold_DateBeforeEntry_Refused()
    {
        // Arrange
        var pathway = InStatus(PathwayStatus.ENTRE);

        // Act
        var result = pathway.PutOnHold(Entered.AddDays(-1), Today);

        // Assert
        Assert.Equal("La date de mise en veille précède la date d'entrée (04/02/2026).", result.ToString());
        Assert.Equal(PathwayStatus.ENTRE, pathway.Status);
    }

    [Theory]
    [InlineData(PathwayStatus.CONVOQUE)]
    [InlineData(PathwayStatus.ENTRE)]
    [InlineData(PathwayStatus.SORTI)]
    public void Resume_PathwayNotOnHold_RefusedAndStatusUnchanged(PathwayStatus from)
    {
        // Arrange
        var pathway = InStatus(from);

        // Act
        var result = pathway.Resume(Today, Today);

        // Assert
        Assert.Equal("Seul un parcours en veille peut être repris.", result.ToString());
        Assert.Equal(from, pathway.Status);
    }

    [Theory]
    [InlineData(PathwayStatus.SORTI)]
    [InlineData(PathwayStatus.NON_ENTRE)]
    public void AssignReferent_ClosedPathway_RefusedAndReferentUnchanged(PathwayStatus closed)
    {
        // Arrange
        var pathway = InStatus(closed);
        var before = pathway.ReferentId;
        var events = pathway.Events.Count;

        // Act
        var result = pathway.AssignReferent(OtherReferentId, Today);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(Pathway.ReferentId), error.Field);
        Assert.Equal("Un parcours clos ne peut plus changer de référent.", error.Message);
        Assert.Equal(before, pathway.ReferentId);
        Assert.Equal(events, pathway.Events.Count);
    }

    [Theory]
    [InlineData(PathwayStatus.PRE_AFFECTE)]
    [InlineData(PathwayStatus.ENTRE)]
    [InlineData(PathwayStatus.EN_VEILLE)]
    public void AssignReferent_OpenPathway_ChangesReferentAndLogsReassignment(PathwayStatus from)
    {
        // Arrange
        var pathway = InStatus(from);

        // Act
        var result = pathway.AssignReferent(OtherReferentId, Today);

        // Assert
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(OtherReferentId, pathway.ReferentId);
        Assert.Equal(from, pathway.Status);
        var logged = pathway.Events[^1];
        Assert.Equal(("Reassignment", Today, from, from, $"from={ReferentId};to={OtherReferentId}"),
            (logged.Kind, logged.On, logged.FromStatus!.Value, logged.ToStatus!.Value, logged.Detail));
    }

    [Fact]
    public void AssignReferent_SameReferent_Refused()
    {
        // Arrange
        var pathway = InStatus(PathwayStatus.ENTRE);

        // Act
        var result = pathway.AssignReferent(ReferentId, Today);

        // Assert
        Assert.Equal("Ce référent suit déjà le parcours.", result.ToString());
    }

    private static EntryDecision Decision(DateOnly entry) => new(entry)
    {
        PublicCategory = PublicCategory.DELD,
        BirthDate = new DateOnly(1980, 5, 17),
        EducationLevel = EducationLevelFt.NV5,
        InactivityMonths = 14,
    };

    private static PathwayStatus Target(Attempt action) => action switch
    {
        Attempt.PreAssign => PathwayStatus.PRE_AFFECTE,
        Attempt.Convoke => PathwayStatus.CONVOQUE,
        Attempt.RecordInterview => PathwayStatus.ENTRETIEN,
        Attempt.SendToCommission => PathwayStatus.EN_COMMISSION,
        Attempt.Enter => PathwayStatus.ENTRE,
        Attempt.RecordNonEntry => PathwayStatus.NON_ENTRE,
        Attempt.PutOnHold => PathwayStatus.EN_VEILLE,
        Attempt.RecordExit => PathwayStatus.SORTI,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private static ValidationResult Apply(Pathway pathway, Attempt action, DateOnly date) => action switch
    {
        Attempt.PreAssign => pathway.PreAssign(OtherReferentId, date, Today),
        Attempt.Convoke => pathway.Convoke(date, Today),
        Attempt.RecordInterview => pathway.RecordInterview(date, Today),
        Attempt.SendToCommission => pathway.SendToCommission(date, Today),
        Attempt.Enter => pathway.Enter(Decision(date), Today),
        Attempt.RecordNonEntry => pathway.RecordNonEntry(NonEntryReason.AUTRE, date, Today),
        Attempt.PutOnHold => pathway.PutOnHold(date, Today),
        Attempt.RecordExit => pathway.RecordExit(date, ExitReason.ABANDON, null, null, Today),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>A PLIE pathway brought to a status through the regular procedure, each step checked.</summary>
    private static Pathway InStatus(PathwayStatus status)
    {
        var (pathway, prescription) = Pathway.Prescribe(1, 10, Scheme.PLIE, PrescriberKind.FRANCE_TRAVAIL, null, Prescribed, Today);
        Assert.True(prescription.IsValid, prescription.ToString());
        var p = pathway!;
        void Do(ValidationResult r) => Assert.True(r.IsValid, r.ToString());

        if (status == PathwayStatus.PRESCRIT) return p;
        if (status == PathwayStatus.NON_ENTRE)
        {
            Do(p.RecordNonEntry(NonEntryReason.REFUS_ACCOMPAGNEMENT, Prescribed.AddDays(5), Today));
            return p;
        }
        Do(p.PreAssign(ReferentId, PreAssigned, Today));
        if (status == PathwayStatus.PRE_AFFECTE) return p;
        Do(p.Convoke(Convoked, Today));
        if (status == PathwayStatus.CONVOQUE) return p;
        Do(p.RecordInterview(Interviewed, Today));
        if (status == PathwayStatus.ENTRETIEN) return p;
        Do(p.SendToCommission(Commission, Today));
        if (status == PathwayStatus.EN_COMMISSION) return p;
        Do(p.Enter(Decision(Entered), Today));
        if (status == PathwayStatus.ENTRE) return p;
        if (status == PathwayStatus.EN_VEILLE)
        {
            Do(p.PutOnHold(OnHold, Today));
            return p;
        }
        Do(p.RecordExit(Exited, ExitReason.ABANDON, null, null, Today));
        Assert.Equal(PathwayStatus.SORTI, status);
        return p;
    }
}
