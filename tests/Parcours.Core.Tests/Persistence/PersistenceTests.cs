using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.Core.Pathways;
using Parcours.Core.Tests.Support;
using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Pathways;
using Xunit.Sdk;
using Barrier = Parcours.Domain.Pathways.Barrier;

namespace Parcours.Core.Tests.Persistence;

/// <summary>
/// Persistence behaviour that must hold on both engines: migrations, code storage, optimistic concurrency, scoping
/// and audit. Each concrete class runs every test on its engine; each test gets its own fresh databases,
/// created with <see cref="DatabaseMigrator"/> as in production.
/// </summary>
public abstract class PersistenceTests : IDisposable
{
    private const string ConcurrencyMessage = "Ce parcours a été modifié par quelqu'un d'autre entre-temps : rechargez la page et recommencez.";

    private readonly TestDatabase _databases;
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 3, 31, 10, 0, 0, TimeSpan.Zero));

    protected PersistenceTests(TestDatabase databases) => _databases = databases;

    public void Dispose()
    {
        _databases.Dispose();
        GC.SuppressFinalize(this);
    }

    // ------------------------------------------------------------------ (a) migrations

    [Fact]
    public async Task Migrations_EmptyDatabase_MatchModel()
    {
        // Arrange
        var migrated = await MigratedDatabaseAsync();
        var fromModel = _databases.NewEmpty("model");
        await using (var db = Open(fromModel)) Assert.True(await db.Database.EnsureCreatedAsync());

        // Act
        var migratedSchema = await SnapshotAsync(migrated);
        var modelSchema = await SnapshotAsync(fromModel);

        // Assert
        Assert.Contains("pathways_pathway", string.Join('\n', modelSchema), StringComparison.Ordinal);
        AssertSameSchema(modelSchema, migratedSchema);
    }

    [Fact]
    public async Task Migrations_SchemaDiffersFromModel_FailureListsTheDifferingLines()
    {
        // Arrange: a migrated database with one column too many and one index missing.
        var migrated = await MigratedDatabaseAsync();
        var fromModel = _databases.NewEmpty("model");
        await using (var db = Open(fromModel)) await db.Database.EnsureCreatedAsync();
        await using (var db = Open(migrated))
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE pathways_pathway ADD COLUMN stray_note varchar(10)");
            await db.Database.ExecuteSqlRawAsync("DROP INDEX ix_pathways_pathway_exit_date");
        }
        var modelSchema = await SnapshotAsync(fromModel);
        var migratedSchema = await SnapshotAsync(migrated);

        // Act
        var failure = Assert.ThrowsAny<XunitException>(() => AssertSameSchema(modelSchema, migratedSchema));

        // Assert
        var lines = failure.Message.Split('\n').Select(l => l.Trim()).ToList();
        var missingHeader = lines.IndexOf("In the model but not in the migrated database:");
        var extraHeader = lines.IndexOf("In the migrated database but not in the model:");
        Assert.True(missingHeader >= 0 && extraHeader > missingHeader, failure.Message);
        var missing = lines[(missingHeader + 1)..extraHeader];
        var extra = lines[(extraHeader + 1)..];
        Assert.Equal(modelSchema.Except(migratedSchema).Select(l => "- " + l), missing.Where(l => l.Length > 0));
        Assert.Contains(missing, l => l.Contains("ix_pathways_pathway_exit_date", StringComparison.Ordinal));
        Assert.Contains(extra, l => l.StartsWith("- column pathways_pathway.stray_note ", StringComparison.Ordinal));
        Assert.Single(extra, l => l.Length > 0);
    }

    [Fact]
    public async Task MigrateAsync_RunTwice_SecondRunAppliesNothing()
    {
        // Arrange
        var target = _databases.NewEmpty("migrate");
        await using var db = Open(target);
        var first = await new DatabaseMigrator(db).MigrateAsync();

        // Act
        var second = await new DatabaseMigrator(db).MigrateAsync();

        // Assert
        Assert.Equal(DatabaseMigrator.Migrations(db.Engine).Select(m => m.Name), first);
        Assert.Empty(second);
        Assert.Empty(await new DatabaseMigrator(db).PendingAsync());
    }

    [Fact]
    public async Task Migration0008_DatabaseWithPathways_CopiesEachParticipantsSexOntoTheirPathways()
    {
        // Arrange: a database at 0007 holding one woman and one man with a pathway each, written in SQL as an older
        // version of Parcours would have.
        var target = _databases.NewEmpty("upgrade");
        await using (var db = Open(target))
        {
            await new DatabaseMigrator(db).MigrateThroughAsync("0007_reporting_indexes");
            Assert.DoesNotContain("pathways_pathway.participant_sex", string.Join('\n', await SchemaSnapshot.ReadAsync(db)), StringComparison.Ordinal);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO access_organisation (id, code, name, kind, departement, caseload_norm, version) VALUES (1, 'PLIE-U', 'PLIE U', 'PLIE', '21', 70, 0);
                INSERT INTO pathways_participant (id, organisation_id, sex, created_at_utc, version) VALUES (1, 1, 'FEMME', '2025-01-01T00:00:00Z', 0), (2, 1, 'HOMME', '2025-01-01T00:00:00Z', 0);
                INSERT INTO pathways_pathway (id, participant_id, scheme, organisation_id, status, rank, convocation_count, version)
                VALUES (1, 1, 'PLIE', 1, 'PRESCRIT', 1, 0, 0), (2, 2, 'PLIE', 1, 'PRESCRIT', 1, 0, 0);
                """);
        }

        // Act
        IReadOnlyList<string> applied;
        await using (var db = Open(target)) applied = await new DatabaseMigrator(db).MigrateAsync();

        // Assert
        Assert.Contains("0008_pathway_participant_sex", applied);
        await using var check = Open(target);
        var sexes = await check.Pathways.OrderBy(p => p.Id).Select(p => p.ParticipantSex).ToListAsync();
        Assert.Equal([Sex.FEMME, Sex.HOMME], sexes);
    }

    [Fact]
    public async Task SaveChanges_ParticipantSexCorrected_TheirPathwaysFollowAndTheConsolidationCountsTheNewSex()
    {
        // Arrange: the five pathways of the world entered on 1 October 2025, three women (P1, P3, P5) and two men.
        var target = await MigratedDatabaseAsync();
        var world = await World.SeedAsync(target);
        await using (var db = Open(target))
        {
            var pairs = await db.Pathways.Select(p => new { p.ParticipantSex, p.Participant!.Sex }).ToListAsync();
            Assert.Equal(5, pairs.Count);
            Assert.All(pairs, p => Assert.Equal(p.Sex, p.ParticipantSex));
        }
        var before = await EnteredBySexAsync(target);

        // Act: P1 (a woman of programme A) is recorded as a man after a correction.
        await using (var db = Open(target))
        {
            var participant = await db.Participants.SingleAsync(p => p.Id == world.ParticipantsOfA1[0].Id);
            Assert.Equal(Sex.FEMME, participant.Sex);
            participant.Sex = Sex.HOMME;
            await db.SaveChangesAsync();
        }

        // Assert
        var after = await EnteredBySexAsync(target);
        Assert.Equal((2, 2), before);
        Assert.Equal((1, 3), after);
        await using var check = Open(target);
        var pathway = await check.Pathways.SingleAsync(p => p.ParticipantId == world.ParticipantsOfA1[0].Id);
        Assert.Equal(Sex.HOMME, pathway.ParticipantSex);
        Assert.True(pathway.Version > 0);
    }

    [Fact]
    public async Task ReportSnapshot_PathwayAddedWhileTheReportRuns_NoQueryOfTheReportSeesIt()
    {
        // Arrange: a report's snapshot taken and read once; its later queries run on other connections on PostgreSQL.
        var target = await MigratedDatabaseAsync();
        var world = await World.SeedAsync(target);
        await using var db = Open(target);
        await using var snapshot = await Parcours.Core.Reporting.ReportSnapshot.BeginAsync(db, CancellationToken.None);
        var first = await snapshot.RunAsync(c => c.Pathways.CountAsync(), CancellationToken.None);

        // Act: another user prescribes a pathway and commits while the report is still running.
        await using (var other = Open(target))
        {
            var (pathway, result) = Pathway.Prescribe(world.ParticipantOfB.Id, world.B.Id, Scheme.PLIE, PrescriberKind.FRANCE_TRAVAIL, null, World.Today, World.Today);
            Assert.True(result.IsValid, result.ToString());
            other.Pathways.Add(pathway!);
            await other.SaveChangesAsync();
        }
        var counts = await Task.WhenAll(
            snapshot.RunAsync(c => c.Pathways.CountAsync(), CancellationToken.None),
            snapshot.RunAsync(c => c.Pathways.CountAsync(p => p.Scheme == Scheme.PLIE), CancellationToken.None));

        // Assert
        Assert.Equal(5, first);
        Assert.Equal([5, 5], counts);
        await using var after = Open(target);
        Assert.Equal(6, await after.Pathways.CountAsync());
        Assert.Equal(Sex.FEMME, (await after.Pathways.OrderBy(p => p.Id).LastAsync()).ParticipantSex); // read from the participant (P5) by the context
    }

    private async Task<(double Women, double Men)> EnteredBySexAsync(DatabaseTarget target)
    {
        await using var db = Open(target);
        var flows = (await new Parcours.Core.Reporting.ConsolidationReport(db).ComputeAsync(2025, ["PLIE-A"])).Table("flows");
        return (flows["ENTREES", "FEMME"]!.Value, flows["ENTREES", "HOMME"]!.Value);
    }

    // ------------------------------------------------------------------ (b) round trip

    [Fact]
    public async Task SaveChanges_PathwayWithChildren_RoundTripsWithCodesStoredAsStrings()
    {
        // Arrange
        var target = await MigratedDatabaseAsync();
        var world = await World.SeedAsync(target);
        var today = World.Today;
        long pathwayId;
        await using (var db = Open(target))
        {
            var participant = new Participant
            {
                OrganisationId = world.A.Id, ExternalId = "RT-1", Sex = Sex.FEMME, BirthYear = 1990,
                CreatedAtUtc = new DateTime(2025, 11, 3, 9, 0, 0, DateTimeKind.Utc),
                Identity = new ParticipantIdentity { OrganisationId = world.A.Id, LastName = "Lefèvre-Dubois", FirstName = "Zoé", BirthDate = new DateOnly(1990, 7, 14) },
            };
            participant.Identity.RefreshSearchName();
            var (pathway, _) = Pathway.Prescribe(0, world.A.Id, Scheme.PLIE, PrescriberKind.MISSION_LOCALE, null, new DateOnly(2025, 11, 3), today);
            var p = pathway!;
            AssertValid(p.PreAssign(world.A1.Id, new DateOnly(2025, 11, 4), today));
            AssertValid(p.Convoke(new DateOnly(2025, 11, 10), today));
            AssertValid(p.RecordInterview(new DateOnly(2025, 11, 17), today));
            AssertValid(p.SendToCommission(new DateOnly(2025, 11, 25), today));
            AssertValid(p.Enter(new EntryDecision(new DateOnly(2025, 11, 25))
            {
                PublicCategory = PublicCategory.RSA, EducationLevel = EducationLevelFt.C3A, InactivityMonths = 30,
                LabourMarketStatus = FseEntrySituation.CHOMEUR_LONGUE_DUREE, BirthDate = new DateOnly(1990, 7, 14),
            }, today));
            p.Steps.Add(new Step
            {
                StepType = StepType.EMPLOI_SORTIE, StartDate = new DateOnly(2026, 1, 5), PlannedEndDate = new DateOnly(2026, 7, 19),
                ContractType = ContractType.CDD, ContractMonths = 6.5m, WeeklyHours = 24.5m, EmployerName = "Boulangerie du Parc",
                EmployerSiret = "90112345500015", EmployerNafSection = NafSection.C, EmployerKind = EmployerKind.ENTREPRISE,
                EmployerSize = EstablishmentSize.TAILLE_1_9,
            });
            p.Steps.Add(new Step
            {
                StepType = StepType.FORMATION_QUALIFIANTE, StartDate = new DateOnly(2025, 12, 1), EndDate = new DateOnly(2025, 12, 19),
                TrainingDomain = TrainingDomain.SERVICES_PERSONNE_SANTE_SOCIAL, TrainingLevel = CertificationLevel2019.NIVEAU_3,
                ValidationNature = ValidationNature.TITRE_PROFESSIONNEL, TotalHours = 120.25m,
            });
            p.Barriers.Add(new Barrier { BarrierCode = BarrierCategory.MOBILITE, IdentifiedOn = new DateOnly(2025, 11, 17) });
            p.Barriers.Add(new Barrier { BarrierCode = BarrierCategory.GARDE_ENFANTS, IdentifiedOn = new DateOnly(2025, 11, 17), LiftedOn = new DateOnly(2026, 1, 2) });
            p.Contracts.Add(new CommitmentContract
            {
                Kind = CommitmentContractKind.CONTRAT_PLIE, SignedOn = new DateOnly(2025, 11, 25), StartDate = new DateOnly(2025, 11, 25),
                EndDate = new DateOnly(2026, 11, 24), WeeklyActivityHours = 15m,
            });
            p.Appointments.Add(new Appointment
            {
                Date = new DateOnly(2026, 2, 2), Kind = AppointmentKind.ENTRETIEN_TRIPARTITE, Attended = true, ReferentId = world.A1.Id,
            });
            participant.Pathways.Add(p);
            db.Participants.Add(participant);
            await db.SaveChangesAsync();
            pathwayId = p.Id;
        }

        // Act
        Pathway loaded;
        await using (var db = Open(target))
        {
            loaded = await db.Pathways.AsNoTracking().AsSplitQuery()
                .Include(x => x.Steps).Include(x => x.Barriers).Include(x => x.Contracts).Include(x => x.Appointments).Include(x => x.Events)
                .SingleAsync(x => x.Id == pathwayId);
        }

        // Assert: the objects.
        Assert.Equal(PathwayStatus.ENTRE, loaded.Status);
        Assert.Equal(Scheme.PLIE, loaded.Scheme);
        Assert.Equal(PrescriberKind.MISSION_LOCALE, loaded.PrescriberKind);
        Assert.Equal(new DateOnly(2025, 11, 25), loaded.EntryDate);
        Assert.Equal(35, loaded.AgeAtEntry);
        Assert.Equal(EducationLevel1969.V_BIS, loaded.EducationLevel1969);
        Assert.Equal(InactivityBand.DE_2_A_3_ANS, loaded.InactivityBand);
        Assert.Equal(1, loaded.ConvocationCount);
        var job = Assert.Single(loaded.Steps, s => s.StepType == StepType.EMPLOI_SORTIE);
        Assert.Equal((ContractType.CDD, 6.5m, 24.5m, "90112345500015", (DateOnly?)new DateOnly(2026, 7, 19), (DateOnly?)null),
            (job.ContractType!.Value, job.ContractMonths!.Value, job.WeeklyHours!.Value, job.EmployerSiret, job.PlannedEndDate, job.EndDate));
        Assert.True(job.IsExitJob);
        var training = Assert.Single(loaded.Steps, s => s.StepType == StepType.FORMATION_QUALIFIANTE);
        Assert.Equal((TrainingDomain.SERVICES_PERSONNE_SANTE_SOCIAL, CertificationLevel2019.NIVEAU_3, 120.25m),
            (training.TrainingDomain!.Value, training.TrainingLevel!.Value, training.TotalHours!.Value));
        Assert.Equal([BarrierCategory.MOBILITE, BarrierCategory.GARDE_ENFANTS], loaded.Barriers.OrderBy(b => b.LiftedOn.HasValue).Select(b => b.BarrierCode));
        Assert.Equal(CommitmentContractKind.CONTRAT_PLIE, Assert.Single(loaded.Contracts).Kind);
        Assert.Equal((AppointmentKind.ENTRETIEN_TRIPARTITE, true), (Assert.Single(loaded.Appointments).Kind, Assert.Single(loaded.Appointments).Attended!.Value));
        Assert.Equal(["Prescription", "PreAssignment", "Convocation", "Interview", "Commission", "Entry"],
            loaded.Events.OrderBy(e => e.Id).Select(e => e.Kind));
        Assert.All(loaded.Events, e => Assert.Equal(_clock.Now.UtcDateTime, e.RecordedAtUtc));

        // Assert: the stored values are the codes.
        await using var raw = Open(target);
        Assert.Equal("ENTRE", await ScalarAsync(raw, "select status from pathways_pathway where id = @id", pathwayId));
        Assert.Equal(["PLIE", "ENTRE", "MISSION_LOCALE", "RSA", "C3A", "V_BIS", "DE_2_A_3_ANS", "CHOMEUR_LONGUE_DUREE"],
            await RowAsync(raw, """
                select scheme, status, prescriber_kind, public_category, education_level, education_level_1969, inactivity_band, labour_market_status
                from pathways_pathway where id = @id
                """, pathwayId));
        Assert.Equal(["EMPLOI_SORTIE", "CDD", "C", "ENTREPRISE", "TAILLE_1_9"],
            await RowAsync(raw, "select step_type, contract_type, employer_naf_section, employer_kind, employer_size from pathways_step where pathway_id = @id and contract_type is not null", pathwayId));
        Assert.Equal(["FORMATION_QUALIFIANTE", "SERVICES_PERSONNE_SANTE_SOCIAL", "NIVEAU_3", "TITRE_PROFESSIONNEL"],
            await RowAsync(raw, "select step_type, training_domain, training_level, validation_nature from pathways_step where pathway_id = @id and training_domain is not null", pathwayId));
        Assert.Equal("MOBILITE", await ScalarAsync(raw, "select barrier_code from pathways_barrier where pathway_id = @id and lifted_on is null", pathwayId));
        Assert.Equal("CONTRAT_PLIE", await ScalarAsync(raw, "select kind from pathways_contract where pathway_id = @id", pathwayId));
        Assert.Equal("ENTRETIEN_TRIPARTITE", await ScalarAsync(raw, "select kind from pathways_appointment where pathway_id = @id", pathwayId));
        Assert.Equal("EN_COMMISSION", await ScalarAsync(raw, "select from_status from pathways_pathway_event where pathway_id = @id and kind = 'Entry'", pathwayId));
    }

    // ------------------------------------------------------------------ (c) optimistic concurrency

    [Fact]
    public async Task SaveChanges_TwoUsersChangeTheSamePathway_SecondGetsConcurrencyExceptionAndVersionIncrementedOnce()
    {
        // Arrange
        var target = await MigratedDatabaseAsync();
        var world = await World.SeedAsync(target);
        var id = world.ParticipantOfA2.Pathways[0].Id;
        await using var first = Open(target);
        await using var second = Open(target);
        var mine = await first.Pathways.SingleAsync(p => p.Id == id);
        var theirs = await second.Pathways.SingleAsync(p => p.Id == id);
        var version = mine.Version;
        AssertValid(mine.PutOnHold(new DateOnly(2026, 3, 2), World.Today));
        theirs.QpvResident = true;
        await first.SaveChangesAsync();

        // Act
        var exception = await Record.ExceptionAsync(() => second.SaveChangesAsync());

        // Assert
        Assert.IsType<DbUpdateConcurrencyException>(exception);
        await using var check = Open(target);
        var stored = await check.Pathways.AsNoTracking().SingleAsync(p => p.Id == id);
        Assert.Equal(version + 1, stored.Version);
        Assert.Equal(PathwayStatus.EN_VEILLE, stored.Status);
        Assert.Null(stored.QpvResident);
    }

    [Fact]
    public async Task SaveChanges_SuccessiveUpdates_VersionIncrementedEachTime()
    {
        // Arrange
        var target = await MigratedDatabaseAsync();
        var world = await World.SeedAsync(target);
        var id = world.ParticipantOfA2.Pathways[0].Id;
        await using var db = Open(target);
        var pathway = await db.Pathways.SingleAsync(p => p.Id == id);
        var version = pathway.Version;

        // Act
        AssertValid(pathway.PutOnHold(new DateOnly(2026, 3, 2), World.Today));
        await db.SaveChangesAsync();
        AssertValid(pathway.Resume(new DateOnly(2026, 3, 20), World.Today));
        await db.SaveChangesAsync();

        // Assert
        await using var check = Open(target);
        Assert.Equal(version + 2, (await check.Pathways.AsNoTracking().SingleAsync(p => p.Id == id)).Version);
    }

    // ------------------------------------------------------------------ (d) scoping

    [Fact]
    public async Task QueryFilters_ScopeOfOrganisationA_SeeOnlyTheDataOfA()
    {
        // Arrange
        var target = await MigratedDatabaseAsync();
        var world = await World.SeedAsync(target);
        var scope = new AccessScope();
        scope.RestrictTo(world.CoordinatorA.Id, world.CoordinatorA.Login, world.A.Id, caseloadOnly: false, []);
        await using var db = Open(target, scope);
        var expectedParticipants = world.ParticipantsOfA.Select(p => p.Id).Order().ToList();
        var expectedPathways = world.ParticipantsOfA.SelectMany(p => p.Pathways).Select(p => p.Id).Order().ToList();
        var expectedSteps = world.ParticipantsOfA.SelectMany(p => p.Pathways).SelectMany(p => p.Steps).Select(s => s.Id).Order().ToList();

        // Act
        var participants = await db.Participants.Select(p => p.Id).OrderBy(x => x).ToListAsync();
        var identities = await db.Identities.Select(i => i.Id).OrderBy(x => x).ToListAsync();
        var pathways = await db.Pathways.Select(p => p.Id).OrderBy(x => x).ToListAsync();
        var steps = await db.Steps.Select(s => s.Id).OrderBy(x => x).ToListAsync();
        var referents = await db.Referents.Select(r => r.Id).OrderBy(x => x).ToListAsync();
        var fileOfB = await new ParticipantQueries(db).FileAsync(world.ParticipantOfB.Id);
        var fileOfA = await new ParticipantQueries(db).FileAsync(world.ParticipantOfA2.Id);

        // Assert
        Assert.Equal(expectedParticipants, participants);
        Assert.Equal(expectedParticipants, identities);
        Assert.Equal(expectedPathways, pathways);
        Assert.Equal(expectedSteps, steps);
        Assert.Equal([world.A1.Id, world.A2.Id, world.A3.Id], referents);
        Assert.Null(fileOfB);
        Assert.NotNull(fileOfA);
        Assert.Equal("Moreau", fileOfA.LastName);
        Assert.Equal(world.ParticipantOfA2.Pathways[0].Id, Assert.Single(fileOfA.Pathways).Id);
        Assert.Equal(5, await db.Participants.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task QueryFilters_ScopeOfOrganisationB_DoesNotFindTheFilesOfA()
    {
        // Arrange
        var target = await MigratedDatabaseAsync();
        var world = await World.SeedAsync(target);
        var scope = new AccessScope();
        scope.RestrictTo(world.CoordinatorB.Id, world.CoordinatorB.Login, world.B.Id, caseloadOnly: false, []);
        await using var db = Open(target, scope);
        var queries = new ParticipantQueries(db);

        // Act
        var filesOfA = new List<ParticipantFile?>();
        foreach (var p in world.ParticipantsOfA) filesOfA.Add(await queries.FileAsync(p.Id));
        var search = await queries.SearchAsync(new ParticipantSearch());

        // Assert
        Assert.All(filesOfA, Assert.Null);
        Assert.Equal(world.ParticipantOfB.Id, Assert.Single(search.Items).Id);
        Assert.Null(await queries.PathwayAsync(world.ParticipantOfA2.Pathways[0].Id));
    }

    [Fact]
    public async Task QueryFilters_ReferentScope_SeesOwnCaseloadOnly()
    {
        // Arrange
        var target = await MigratedDatabaseAsync();
        var world = await World.SeedAsync(target);
        var scope = new AccessScope();
        await using var db = Open(target, scope);
        var visible = await LoginService.VisibleReferentsAsync(db, world.ReferentUserA1.Id, world.A1.Id, CancellationToken.None);
        scope.RestrictTo(world.ReferentUserA1.Id, world.ReferentUserA1.Login, world.A.Id, caseloadOnly: true, visible);

        // Act
        var pathways = await db.Pathways.Select(p => p.Id).OrderBy(x => x).ToListAsync();
        var participants = await db.Participants.Select(p => p.Id).OrderBy(x => x).ToListAsync();
        var identities = await db.Identities.Select(p => p.Id).OrderBy(x => x).ToListAsync();
        var steps = await db.Steps.Select(s => s.PathwayId).OrderBy(x => x).ToListAsync();
        var fileOfA2 = await new ParticipantQueries(db).FileAsync(world.ParticipantOfA2.Id);

        // Assert
        Assert.Equal([world.A1.Id], visible);
        var ownPathways = world.ParticipantsOfA1.SelectMany(p => p.Pathways).Select(p => p.Id).Order().ToList();
        Assert.Equal(ownPathways, pathways);
        Assert.Equal(world.ParticipantsOfA1.Select(p => p.Id).Order(), participants);
        Assert.Equal(world.ParticipantsOfA1.Select(p => p.Id).Order(), identities);
        Assert.Equal(ownPathways, steps);
        Assert.Null(fileOfA2);
    }

    [Fact]
    public async Task QueryFilters_ReferentScopeWithSharedCaseload_AlsoSeesTheSharedReferentsPathways()
    {
        // Arrange
        var target = await MigratedDatabaseAsync();
        var world = await World.SeedAsync(target);
        await using (var admin = Open(target))
        {
            admin.CaseloadShares.Add(new CaseloadShare
            {
                OrganisationId = world.A.Id, ReferentId = world.A2.Id, SharedWithUserId = world.ReferentUserA1.Id,
                GrantedByUserId = world.CoordinatorA.Id, GrantedAtUtc = _clock.Now.UtcDateTime,
            });
            await admin.SaveChangesAsync();
        }
        var scope = new AccessScope();
        await using var db = Open(target, scope);
        var visible = await LoginService.VisibleReferentsAsync(db, world.ReferentUserA1.Id, world.A1.Id, CancellationToken.None);
        scope.RestrictTo(world.ReferentUserA1.Id, world.ReferentUserA1.Login, world.A.Id, caseloadOnly: true, visible);

        // Act
        var pathways = await db.Pathways.Select(p => p.Id).OrderBy(x => x).ToListAsync();
        var participants = await db.Participants.Select(p => p.Id).OrderBy(x => x).ToListAsync();
        var fileOfA2 = await new ParticipantQueries(db).FileAsync(world.ParticipantOfA2.Id);
        var fileOfA3 = await new ParticipantQueries(db).FileAsync(world.ParticipantOfA3.Id);

        // Assert
        Assert.Equal([world.A1.Id, world.A2.Id], visible.Order());
        var followed = world.ParticipantsOfA1.Append(world.ParticipantOfA2).ToList();
        Assert.Equal(followed.SelectMany(p => p.Pathways).Select(p => p.Id).Order(), pathways);
        Assert.Equal(followed.Select(p => p.Id).Order(), participants);
        Assert.NotNull(fileOfA2);
        Assert.Null(fileOfA3);
    }

    // ------------------------------------------------------------------ (e) audit

    [Fact]
    public async Task ReassignReferent_ByCoordinator_AuditedWithReferentBeforeAfterAndLoggedAsEvent()
    {
        // Arrange
        var target = await MigratedDatabaseAsync();
        var world = await World.SeedAsync(target);
        var pathwayId = world.ParticipantOfA3.Pathways[0].Id;
        var scope = new AccessScope();
        scope.RestrictTo(world.CoordinatorA.Id, world.CoordinatorA.Login, world.A.Id, caseloadOnly: false, []);
        int version;
        await using (var read = Open(target)) version = (await read.Pathways.SingleAsync(p => p.Id == pathwayId)).Version;

        // Act
        ValidationResultView result;
        await using (var db = Open(target, scope))
            result = ValidationResultView.Of(await new ReassignReferent(db, _clock).ExecuteAsync(new ReassignReferent.Input(pathwayId, world.A1.Id, version)));

        // Assert
        Assert.True(result.IsValid, result.Text);
        await using var check = Open(target);
        var stored = await check.Pathways.AsNoTracking().Include(p => p.Events).SingleAsync(p => p.Id == pathwayId);
        Assert.Equal(world.A1.Id, stored.ReferentId);
        Assert.Equal(version + 1, stored.Version);
        var audit = Assert.Single(await check.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Pathway" && a.EntityId == pathwayId && a.Action == "Updated").ToListAsync());
        Assert.Equal((world.CoordinatorA.Login, world.CoordinatorA.Id, world.A.Id), (audit.Actor, audit.UserId!.Value, audit.OrganisationId!.Value));
        Assert.Equal(_clock.Now.UtcDateTime, audit.AtUtc);
        using var changes = JsonDocument.Parse(audit.Changes!);
        Assert.Equal(["ReferentId"], changes.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal([world.A3.Id, world.A1.Id], changes.RootElement.GetProperty("ReferentId").EnumerateArray().Select(e => e.GetInt64()));
        var logged = Assert.Single(stored.Events, e => e.Kind == "Reassignment");
        Assert.Equal((World.Today, PathwayStatus.ENTRE, $"from={world.A3.Id};to={world.A1.Id}"), (logged.On, logged.ToStatus!.Value, logged.Detail));
    }

    [Fact]
    public async Task SaveChanges_IdentityLastNameChanged_AuditSaysChangedWithoutTheName()
    {
        // Arrange
        var target = await MigratedDatabaseAsync();
        var world = await World.SeedAsync(target);
        var id = world.ParticipantOfA2.Id;
        var scope = new AccessScope();
        scope.RestrictTo(world.CoordinatorA.Id, world.CoordinatorA.Login, world.A.Id, caseloadOnly: false, []);

        // Act
        await using (var db = Open(target, scope))
        {
            var identity = await db.Identities.SingleAsync(i => i.Id == id);
            identity.LastName = "Durand-Nouveau";
            identity.RefreshSearchName();
            await db.SaveChangesAsync();
        }

        // Assert
        await using var check = Open(target);
        var audit = Assert.Single(await check.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "ParticipantIdentity" && a.EntityId == id && a.Action == "Updated").ToListAsync());
        Assert.Equal(world.CoordinatorA.Login, audit.Actor);
        using var changes = JsonDocument.Parse(audit.Changes!);
        Assert.Equal(["LastName", "SearchName"], changes.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("modifié", changes.RootElement.GetProperty("LastName")[0].GetString());
        Assert.DoesNotContain("Moreau", audit.Changes, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Durand", audit.Changes, StringComparison.OrdinalIgnoreCase);
        var everything = await check.AuditEntries.AsNoTracking().Select(a => a.Changes).ToListAsync();
        Assert.DoesNotContain(everything, c => c != null && (c.Contains("Moreau", StringComparison.OrdinalIgnoreCase)
            || c.Contains("Durand", StringComparison.OrdinalIgnoreCase) || c.Contains("MOREAU INES", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal("Durand-Nouveau", (await check.Identities.AsNoTracking().SingleAsync(i => i.Id == id)).LastName);
    }

    // ------------------------------------------------------------------ (f) stale version

    [Fact]
    public async Task ReassignReferent_StaleVersion_FrenchConcurrencyMessageAndNothingChanged()
    {
        // Arrange: the coordinator opens the page at version v; someone else reassigns meanwhile.
        var target = await MigratedDatabaseAsync();
        var world = await World.SeedAsync(target);
        var pathwayId = world.ParticipantOfA3.Pathways[0].Id;
        int pageVersion;
        await using (var read = Open(target)) pageVersion = (await read.Pathways.SingleAsync(p => p.Id == pathwayId)).Version;
        await using (var other = Open(target, CoordinatorScope(world)))
            Assert.True((await new ReassignReferent(other, _clock).ExecuteAsync(new ReassignReferent.Input(pathwayId, world.A2.Id, pageVersion)))!.IsValid);

        // Act
        ValidationResultView result;
        await using (var db = Open(target, CoordinatorScope(world)))
            result = ValidationResultView.Of(await new ReassignReferent(db, _clock).ExecuteAsync(new ReassignReferent.Input(pathwayId, world.A1.Id, pageVersion)));

        // Assert
        Assert.False(result.IsValid);
        Assert.Equal(ConcurrencyMessage, result.Text);
        await using var check = Open(target);
        var stored = await check.Pathways.AsNoTracking().SingleAsync(p => p.Id == pathwayId);
        Assert.Equal((world.A2.Id, pageVersion + 1), (stored.ReferentId!.Value, stored.Version));
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.EntityType == "Pathway" && a.EntityId == pathwayId && a.Action == "Updated"));
    }

    [Fact]
    public async Task ReassignReferent_PathwayOfAnotherOrganisation_NotFound()
    {
        // Arrange
        var target = await MigratedDatabaseAsync();
        var world = await World.SeedAsync(target);
        var pathwayOfA = world.ParticipantOfA3.Pathways[0].Id;
        var scope = new AccessScope();
        scope.RestrictTo(world.CoordinatorB.Id, world.CoordinatorB.Login, world.B.Id, caseloadOnly: false, []);

        // Act
        Domain.Common.ValidationResult? result;
        await using (var db = Open(target, scope))
            result = await new ReassignReferent(db, _clock).ExecuteAsync(new ReassignReferent.Input(pathwayOfA, world.B1.Id, 0));

        // Assert
        Assert.Null(result);
        await using var check = Open(target);
        Assert.Equal(world.A3.Id, (await check.Pathways.AsNoTracking().SingleAsync(p => p.Id == pathwayOfA)).ReferentId);
    }

    [Fact]
    public async Task ReassignReferent_ReferentOfAnotherOrganisation_Refused()
    {
        // Arrange
        var target = await MigratedDatabaseAsync();
        var world = await World.SeedAsync(target);
        var pathwayId = world.ParticipantOfA3.Pathways[0].Id;

        // Act
        ValidationResultView result;
        await using (var db = Open(target))
            result = ValidationResultView.Of(await new ReassignReferent(db, _clock).ExecuteAsync(new ReassignReferent.Input(pathwayId, world.B1.Id, 0)));

        // Assert
        Assert.Equal("Ce référent n'appartient pas au programme du parcours.", result.Text);
        await using var check = Open(target);
        Assert.Equal(world.A3.Id, (await check.Pathways.AsNoTracking().SingleAsync(p => p.Id == pathwayId)).ReferentId);
    }

    // ------------------------------------------------------------------ helpers

    /// <summary>Fails with the lines that differ, so that a wrong migration is easy to fix.</summary>
    internal static void AssertSameSchema(IReadOnlyList<string> model, IReadOnlyList<string> migrated)
    {
        var missing = model.Except(migrated, StringComparer.Ordinal).ToList();
        var extra = migrated.Except(model, StringComparer.Ordinal).ToList();
        if (missing.Count == 0 && extra.Count == 0) return;
        var message = new StringBuilder("The migrations do not produce the schema of the model.\n");
        message.Append("In the model but not in the migrated database:\n");
        foreach (var line in missing) message.Append("  - ").Append(line).Append('\n');
        message.Append("In the migrated database but not in the model:\n");
        foreach (var line in extra) message.Append("  - ").Append(line).Append('\n');
        Assert.Fail(message.ToString());
    }

    private AccessScope CoordinatorScope(World world)
    {
        var scope = new AccessScope();
        scope.RestrictTo(world.CoordinatorA.Id, world.CoordinatorA.Login, world.A.Id, caseloadOnly: false, []);
        return scope;
    }

    private ParcoursDbContext Open(DatabaseTarget target, AccessScope? scope = null) =>
        ParcoursDatabase.Open(target, scope ?? AccessScope.System("test"), _clock);

    private async Task<DatabaseTarget> MigratedDatabaseAsync()
    {
        var target = _databases.NewEmpty("migrated");
        await using var db = Open(target);
        await new DatabaseMigrator(db).MigrateAsync();
        return target;
    }

    private async Task<IReadOnlyList<string>> SnapshotAsync(DatabaseTarget target)
    {
        await using var db = Open(target);
        return await SchemaSnapshot.ReadAsync(db);
    }

    private static void AssertValid(Domain.Common.ValidationResult result) => Assert.True(result.IsValid, result.ToString());

    private static async Task<string> ScalarAsync(ParcoursDbContext db, string sql, long id) => (await RowAsync(db, sql, id))[0];

    /// <summary>The one row the query returns, as strings («NULL» for a null).</summary>
    private static async Task<string[]> RowAsync(ParcoursDbContext db, string sql, long id)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"No row for: {sql}");
        var row = new string[reader.FieldCount];
        for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
        Assert.False(await reader.ReadAsync(), $"More than one row for: {sql}");
        return row;
    }

    /// <summary>A validation result read for assertions (null means «not found»).</summary>
    private sealed record ValidationResultView(bool IsValid, string Text)
    {
        public static ValidationResultView Of(Domain.Common.ValidationResult? result)
        {
            Assert.NotNull(result);
            return new ValidationResultView(result.IsValid, result.ToString());
        }
    }
}
