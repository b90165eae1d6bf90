using System.Diagnostics;
using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Domain.Access;
using Parcours.Domain.Clauses;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Fse;
using Parcours.Domain.Offer;
using Parcours.Domain.Common;
using Parcours.Domain.Pathways;

namespace Parcours.Core.Synthetic;

/// <summary>
/// Fills a database with realistic, deterministic synthetic data: several PLIE and a Département, their référents
/// and users, and people going through the whole entry procedure (non-entries included), steps of every family,
/// exits of every reason with coherent dates (a durable-job exit validated 6 months after the job started),
/// barriers, contracts and appointments. It is the only source of personal data in demos and tests: every name,
/// birth date and NIR it writes is invented.
/// </summary>
public sealed partial class SyntheticDataGenerator(ParcoursDbContext db, IReadOnlyList<SyntheticCommune> communes)
{
    private const int BatchSize = 5000;

    /// <summary>Territories of the generated programmes: one PLIE per département, and the Département of the second.</summary>
    private static readonly (string Departement, string PlieName)[] Territories =
    [
        ("21", "PLIE de Dijon Métropole"),
        ("59", "PLIE de la Métropole lilloise"),
        ("62", "PLIE de l'Artois"),
    ];

    private Faker _faker = new("fr");
    private Random _random = new(1);
    private GeneratorOptions _options = new();
    private readonly List<Programme> _programmes = [];
    private readonly Dictionary<string, Organisation> _providers = [];
    private int _pathways, _steps, _barriers, _contracts, _appointments, _referents;

    public async Task<GenerationReport> GenerateAsync(GeneratorOptions options, IProgress<(int Done, int Total)>? progress = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        _options = options;
        _random = new Random(options.Seed);
        _faker = new Faker("fr") { Random = new Randomizer(options.Seed) };
        db.AuditEachRow = false;

        if (await db.Organisations.AnyAsync(ct))
            throw new InvalidOperationException("La base contient déjà des données : générez dans une base vide.");

        var logins = await CreateOrganisationsAndUsersAsync(ct);
        var writer = new BulkWriter(db);
        await CreateProgrammingAsync(writer, ct);
        for (var done = 0; done < options.Participants; done += BatchSize)
        {
            var count = Math.Min(BatchSize, options.Participants - done);
            var batch = new List<Participant>(count);
            var exitSteps = new List<(Pathway Pathway, Step ExitStep)>();
            for (var i = 0; i < count; i++) batch.Add(CreateParticipant(done + i, exitSteps));
            await WriteAsync(writer, batch, exitSteps, ct);
            progress?.Report((done + count, options.Participants));
        }
        await WriteModulesAfterParticipantsAsync(writer, ct);
        await writer.ResetIdentitiesAsync(ct);

        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = DateTime.UtcNow,
            Actor = db.Scope.Actor,
            EntityType = "Dataset",
            Action = "Generated",
            Changes = $"{{\"participants\":{options.Participants},\"seed\":{options.Seed}}}",
        });
        await db.SaveChangesAsync(ct);
        db.AuditEachRow = true;

        return new GenerationReport(_programmes.Count + _providers.Count, _referents, options.Participants, _pathways, _steps,
            _barriers, _contracts, _appointments, logins, watch.Elapsed);
    }

    private sealed record Programme(Organisation Organisation, Scheme Scheme, List<Referent> Referents, List<SyntheticCommune> Communes,
        Organisation FranceTravail, Organisation MissionLocale);

    private async Task<List<DemoLogin>> CreateOrganisationsAndUsersAsync(CancellationToken ct)
    {
        var byDepartement = communes.GroupBy(c => c.Departement).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Population).Take(25).ToList());
        var programmeCount = Territories.Length + 1;
        var referentsPerProgramme = Math.Max(4, _options.Participants / programmeCount / 120);

        Organisation Org(string code, string name, OrganisationKind kind, string departement, string? communeInsee = null)
        {
            var org = new Organisation { Code = code, Name = name, Kind = kind, Departement = departement, CommuneInsee = communeInsee, Siret = SyntheticSiret() };
            db.Organisations.Add(org);
            return org;
        }

        foreach (var (departement, plieName) in Territories)
        {
            var territory = byDepartement.TryGetValue(departement, out var list) && list.Count > 0
                ? list
                : throw new InvalidOperationException($"Aucune commune du département {departement} dans les données de référence.");
            var plie = Org($"PLIE-{departement}", plieName, OrganisationKind.PLIE, departement, territory[0].InseeCode);
            plie.NationalCode = $"PLIE-{departement}-NAT";
            plie.MaxPathwayMonths = departement == "21" ? 30 : null;
            var ft = Org($"FT-{departement}", $"France Travail {territory[0].Name}", OrganisationKind.FRANCE_TRAVAIL, departement, territory[0].InseeCode);
            var ml = Org($"ML-{departement}", $"Mission locale de {territory[0].Name}", OrganisationKind.MISSION_LOCALE, departement, territory[0].InseeCode);
            var employers = new[]
            {
                Org($"ASSO-{departement}", $"Association Tremplin {territory[1 % territory.Count].Name}", OrganisationKind.ASSOCIATION, departement),
                Org($"CCAS-{departement}", $"CCAS de {territory[0].Name}", OrganisationKind.CCAS, departement, territory[0].InseeCode),
                Org($"MDE-{departement}", $"Maison de l'emploi de {territory[0].Name}", OrganisationKind.MAISON_EMPLOI, departement, territory[0].InseeCode),
            };
            _providers[$"ACI-{departement}"] = Org($"ACI-{departement}", $"Chantier d'insertion {territory[2 % territory.Count].Name}", OrganisationKind.ACI, departement);
            _providers[$"EI-{departement}"] = Org($"EI-{departement}", $"Entreprise d'insertion {territory[3 % territory.Count].Name}", OrganisationKind.EI, departement);
            _providers[$"ETTI-{departement}"] = Org($"ETTI-{departement}", $"Intérim d'insertion {territory[0].Name}", OrganisationKind.ETTI, departement);
            _providers[$"OF-{departement}"] = Org($"OF-{departement}", $"Centre de formation {territory[0].Name}", OrganisationKind.ORGANISME_FORMATION, departement);
            foreach (var e in employers) _providers[e.Code] = e;
            _programmes.Add(new Programme(plie, Scheme.PLIE, [], territory, ft, ml));
            _ = employers;
        }

        var cd = Org("CD-59", "Département du Nord", OrganisationKind.DEPARTEMENT, "59");
        var north = _programmes[1];
        _programmes.Add(new Programme(cd, Scheme.ACCOMPAGNEMENT_RSA, [], north.Communes, north.FranceTravail, north.MissionLocale));
        await db.SaveChangesAsync(ct);
        // The Département is the FSE intermediate body of the northern PLIE and of its insertion workshop.
        north.Organisation.IntermediateBodyId = cd.Id;
        _providers["ACI-59"].IntermediateBodyId = cd.Id;
        _providers["ASSO-59"].Rna = "W595000123";

        foreach (var programme in _programmes)
        {
            var employers = _providers.Values.Where(o => o.Departement == programme.Organisation.Departement
                && o.Kind is OrganisationKind.ASSOCIATION or OrganisationKind.CCAS or OrganisationKind.MAISON_EMPLOI).ToList();
            for (var k = 0; k < referentsPerProgramme; k++)
            {
                var female = _random.NextDouble() < 0.7;
                var referent = new Referent
                {
                    OrganisationId = programme.Organisation.Id,
                    EmployerOrganisationId = programme.Scheme == Scheme.PLIE ? employers[k % employers.Count].Id : programme.Organisation.Id,
                    ExternalId = $"R{programme.Organisation.Id}-{k + 1}",
                    Role = programme.Scheme == Scheme.PLIE ? ProfessionalRole.REFERENT_PARCOURS : ProfessionalRole.REFERENT_UNIQUE_RSA,
                    LastName = _faker.Name.LastName(),
                    FirstName = _faker.Name.FirstName(female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male),
                    FteHundredths = _random.NextDouble() < 0.8 ? 100 : 80,
                    FundedByProgramme = programme.Scheme == Scheme.PLIE,
                    StartDate = new DateOnly(_options.FromYear - 1, 9, 1),
                };
                referent.Email = $"referent{k + 1}@{programme.Organisation.Code.ToLowerInvariant()}.example";
                programme.Referents.Add(referent);
                db.Referents.Add(referent);
                _referents++;
            }
        }
        await db.SaveChangesAsync(ct);

        // One hash for every demo account: hashing is deliberately slow, and the demo password is the same.
        var hash = new PasswordHasher<User>().HashPassword(null!, _options.DemoPassword);
        var logins = new List<DemoLogin>();
        void AddUser(string login, string name, Role roles, Programme programme, long? referentId = null)
        {
            db.Users.Add(new User { Login = login, DisplayName = name, Roles = roles, OrganisationId = programme.Organisation.Id, PasswordHash = hash, ReferentId = referentId });
            logins.Add(new DemoLogin(login, _options.DemoPassword, roles.Label(), programme.Organisation.Name));
        }
        for (var p = 0; p < _programmes.Count; p++)
        {
            var programme = _programmes[p];
            var n = p + 1;
            if (p == 0) AddUser("admin", "Administratrice de la démonstration", Role.Administrator | Role.Coordinator, programme);
            AddUser($"coordinateur{n}", $"Coordination {programme.Organisation.Name}", Role.Coordinator, programme);
            AddUser($"fse{n}", $"Mission FSE {programme.Organisation.Name}", Role.FseOfficer, programme);
            AddUser($"lecteur{n}", $"Lecture {programme.Organisation.Name}", Role.Reader, programme);
            for (var k = 0; k < programme.Referents.Count; k++)
            {
                var r = programme.Referents[k];
                AddUser($"referent{n}-{k + 1}", r.DisplayName, Role.Referent, programme, r.Id);
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return logins;
    }

    /// <summary>Assigns ids to a batch of participant graphs and writes them with the bulk writer, in one transaction.</summary>
    private async Task WriteAsync(BulkWriter writer, List<Participant> batch, List<(Pathway Pathway, Step ExitStep)> exitSteps, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var pathways = batch.SelectMany(p => p.Pathways).ToList();
        var steps = pathways.SelectMany(p => p.Steps).ToList();
        var barriers = pathways.SelectMany(p => p.Barriers).ToList();
        var contracts = pathways.SelectMany(p => p.Contracts).ToList();
        var appointments = pathways.SelectMany(p => p.Appointments).ToList();
        var events = pathways.SelectMany(p => p.Events).ToList();

        var id = await writer.NextIdsAsync<Participant>(batch.Count, ct);
        foreach (var participant in batch)
        {
            participant.Id = id++;
            participant.Identity!.Id = participant.Id;
            foreach (var pathway in participant.Pathways) pathway.ParticipantId = participant.Id;
        }
        id = await writer.NextIdsAsync<Pathway>(pathways.Count, ct);
        foreach (var pathway in pathways)
        {
            pathway.Id = id++;
            foreach (var x in pathway.Steps) x.PathwayId = pathway.Id;
            foreach (var x in pathway.Barriers) x.PathwayId = pathway.Id;
            foreach (var x in pathway.Contracts) x.PathwayId = pathway.Id;
            foreach (var x in pathway.Appointments) x.PathwayId = pathway.Id;
            foreach (var x in pathway.Events)
            {
                x.PathwayId = pathway.Id;
                x.RecordedAtUtc = now;
            }
        }
        id = await writer.NextIdsAsync<Step>(steps.Count, ct);
        foreach (var step in steps) step.Id = id++;
        var clauseHours = LinkToModules(batch);
        id = await writer.NextIdsAsync<ClauseHours>(clauseHours.Count, ct);
        foreach (var x in clauseHours) x.Id = id++;
        foreach (var (pathway, step) in exitSteps) pathway.ExitStepId = step.Id;
        id = await writer.NextIdsAsync<Barrier>(barriers.Count, ct);
        foreach (var x in barriers) x.Id = id++;
        id = await writer.NextIdsAsync<CommitmentContract>(contracts.Count, ct);
        foreach (var x in contracts) x.Id = id++;
        id = await writer.NextIdsAsync<Appointment>(appointments.Count, ct);
        foreach (var x in appointments) x.Id = id++;
        id = await writer.NextIdsAsync<PathwayEvent>(events.Count, ct);
        foreach (var x in events) x.Id = id++;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await writer.InsertAsync(batch, ct);
        await writer.InsertAsync(batch.Select(p => p.Identity!).ToList(), ct);
        await writer.InsertAsync(pathways, ct);
        await writer.InsertAsync(steps, ct);
        await writer.InsertAsync(barriers, ct);
        await writer.InsertAsync(contracts, ct);
        await writer.InsertAsync(appointments, ct);
        await writer.InsertAsync(events, ct);
        await writer.InsertAsync(clauseHours, ct);
        await transaction.CommitAsync(ct);
    }

    private Participant CreateParticipant(int index, List<(Pathway, Step)> exitSteps)
    {
        var programme = _random.NextDouble() < 0.8 ? _programmes[_random.Next(Territories.Length)] : _programmes[^1];
        var sex = _random.NextDouble() < 0.52 ? Sex.FEMME : Sex.HOMME;
        var commune = Pick(programme.Communes, c => Math.Sqrt(c.Population + 1));
        var prescription = RandomDate(new DateOnly(_options.FromYear, 1, 1), _options.ReferenceDate);
        var age = AgeAtPrescription();
        var birth = RandomDate(prescription.AddYears(-age - 1).AddDays(1), prescription.AddYears(-age));
        var lastName = _faker.Name.LastName();
        var firstName = _faker.Name.FirstName(sex == Sex.FEMME ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male);
        var participant = new Participant
        {
            OrganisationId = programme.Organisation.Id,
            ExternalId = $"P{index + 1:D7}",
            Sex = sex,
            BirthYear = birth.Year,
            CreatedAtUtc = prescription.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
        };
        var identity = new ParticipantIdentity
        {
            OrganisationId = programme.Organisation.Id,
            LastName = lastName,
            FirstName = firstName,
            BirthName = sex == Sex.FEMME && _random.NextDouble() < 0.3 ? _faker.Name.LastName() : null,
            BirthDate = birth,
            Nir = _random.NextDouble() < 0.7 ? SyntheticNir(sex, birth, commune) : null,
            AddressLine = _faker.Address.StreetAddress(),
            PostalCode = commune.PostalCode,
            CommuneInsee = commune.InseeCode,
            Phone = _random.NextDouble() < 0.85 ? $"06{_random.Next(0, 100_000_000):D8}" : null,
            Email = _random.NextDouble() < 0.6 ? $"{Ascii(firstName)}.{Ascii(lastName)}{index % 97}@courriel.example" : null,
        };
        identity.RefreshSearchName();
        participant.Identity = identity;

        var rank = 1;
        var next = (DateOnly?)prescription;
        while (next is { } date && date <= _options.ReferenceDate && rank <= 3)
        {
            var pathway = CreatePathway(participant, programme, date, birth, rank, index, exitSteps);
            participant.Pathways.Add(pathway);
            _pathways++;
            next = pathway.Status is PathwayStatus.SORTI or PathwayStatus.NON_ENTRE && _random.NextDouble() < 0.12
                ? (pathway.ExitDate ?? pathway.NonEntryDate)!.Value.AddDays(_random.Next(60, 540))
                : null;
            rank++;
        }
        return participant;
    }

    private Pathway CreatePathway(Participant participant, Programme programme, DateOnly prescription, DateOnly birth, int rank, int index, List<(Pathway, Step)> exitSteps)
    {
        var today = _options.ReferenceDate;
        var isPlie = programme.Scheme == Scheme.PLIE;
        var prescriberKind = isPlie ? PickWeighted(PlieePrescribers) : PrescriberKind.DEPARTEMENT;
        long? prescriberOrg = prescriberKind switch
        {
            PrescriberKind.FRANCE_TRAVAIL => programme.FranceTravail.Id,
            PrescriberKind.MISSION_LOCALE => programme.MissionLocale.Id,
            _ => null,
        };
        var (pathway, _) = Pathway.Prescribe(participant.Id, programme.Organisation.Id, programme.Scheme, prescriberKind, prescriberOrg, prescription, today);
        pathway!.Rank = rank;
        pathway.ParticipantSex = participant.Sex;
        pathway.ExternalId = $"{participant.ExternalId}-{rank}";
        var referent = programme.Referents[_random.Next(programme.Referents.Count)];

        if (!isPlie)
            return CreateRsaPathway(pathway, referent, birth, prescription, today, exitSteps);

        var nonEntry = _random.NextDouble() < 0.22;
        var stopAt = nonEntry ? _random.Next(0, 4) : 99;
        var date = prescription;
        bool Next(int minDays, int maxDays)
        {
            date = date.AddDays(_random.Next(minDays, maxDays + 1));
            return date <= today;
        }

        if (!Next(1, 10)) return pathway;
        pathway.PreAssign(referent.Id, date, today);
        if (stopAt == 0) return NonEntry(pathway, date, today);
        var convocations = _random.Next(1, 4);
        for (var c = 1; c <= convocations; c++)
        {
            if (!Next(3, 14)) return pathway;
            pathway.Convoke(date, today);
            pathway.Appointments.Add(new Appointment { Date = date.AddDays(7), Kind = AppointmentKind.ENTRETIEN_PREALABLE, Attended = date.AddDays(7) > today ? null : c == convocations && stopAt != 1, ReferentId = referent.Id });
            _appointments++;
        }
        if (stopAt == 1)
        {
            if (!Next(7, 10)) return pathway;
            return NonEntry(pathway, date, today, NonEntryReason.ABSENCE_RDV);
        }
        if (!Next(7, 10)) return pathway;
        pathway.RecordInterview(date, today);
        if (stopAt == 2) return Next(2, 20) ? NonEntry(pathway, date, today) : pathway;
        if (!Next(3, 12)) return pathway;
        pathway.SendToCommission(date, today);
        if (stopAt == 3) return NonEntry(pathway, date, today);
        if (!Next(0, 14)) return pathway;

        EnterWithProfile(pathway, date, birth, today, PickWeighted(PublicCategories));
        pathway.Contracts.Add(new CommitmentContract
        {
            Kind = CommitmentContractKind.CONTRAT_PLIE, SignedOn = date, StartDate = date, EndDate = date.AddMonths(12), SignatoryOrganisationId = referent.EmployerOrganisationId,
        });
        _contracts++;
        LivePathway(pathway, programme, referent, today, exitSteps);
        return pathway;
    }

    private Pathway CreateRsaPathway(Pathway pathway, Referent referent, DateOnly birth, DateOnly prescription, DateOnly today, List<(Pathway, Step)> exitSteps)
    {
        var entry = prescription.AddDays(_random.Next(10, 45));
        pathway.OrientationType = PickWeighted(Orientations);
        pathway.OrientationDate = prescription;
        pathway.ReferentId = referent.Id;
        if (entry > today) return pathway;
        EnterWithProfile(pathway, entry, birth, today, PublicCategory.RSA);
        pathway.RsaRightsAndDuties = true;
        var signed = entry.AddDays(_random.Next(0, 40));
        if (signed <= today)
        {
            var kind = signed.Year >= 2025 ? CommitmentContractKind.CONTRAT_ENGAGEMENT : CommitmentContractKind.CER;
            var reduced = _random.NextDouble() < 0.2;
            pathway.Contracts.Add(new CommitmentContract
            {
                Kind = kind, SignedOn = signed, StartDate = signed, EndDate = signed.AddMonths(_random.Next(6, 13)),
                WeeklyActivityHours = kind == CommitmentContractKind.CONTRAT_ENGAGEMENT ? (reduced ? 8 : 15) : null,
                ReducedHours = kind == CommitmentContractKind.CONTRAT_ENGAGEMENT ? reduced : null,
                SentOn = signed.AddDays(3) <= today ? signed.AddDays(3) : null,
            });
            _contracts++;
        }
        LivePathway(pathway, _programmes[^1], referent, today, exitSteps);
        return pathway;
    }

    private void EnterWithProfile(Pathway pathway, DateOnly entry, DateOnly birth, DateOnly today, PublicCategory category)
    {
        var ft = PickWeighted(EducationLevels);
        var inactivity = _random.NextDouble() < 0.08 ? (int?)null : _random.Next(0, 96);
        var decision = new EntryDecision(entry)
        {
            PublicCategory = category,
            ThRqth = _random.NextDouble() < 0.11,
            RegisteredFranceTravail = category == PublicCategory.DELD ? _random.NextDouble() < 0.8 : _random.NextDouble() < 0.5,
            QpvResident = _random.NextDouble() < 0.32,
            LoneParent = _random.NextDouble() < 0.18,
            RsaRightsAndDuties = category == PublicCategory.RSA ? true : null,
            EducationLevel = _random.NextDouble() < 0.06 ? null : ft,
            InactivityMonths = inactivity,
            InactivityBand = inactivity is null ? InactivityBand.AUCUNE_ACTIVITE : null,
            LabourMarketStatus = category == PublicCategory.DELD ? FseEntrySituation.CHOMEUR_LONGUE_DUREE : PickWeighted(EntrySituations),
            BirthDate = birth,
        };
        if (decision.QpvResident == true) decision = decision with { QpvCode = $"QN0{_random.Next(10000, 99999)}" };
        var result = pathway.Enter(decision, today);
        if (!result.IsValid) throw new InvalidOperationException($"Génération incohérente : {result}");
        pathway.IscedGroup = pathway.EducationLevel is { } f ? Education.DefaultIsced(f) : null;
        pathway.InEducationTraining = false;
        pathway.JoblessHousehold = _random.NextDouble() < 0.4;
    }

    /// <summary>Steps, barriers, appointments and, when it happens before the reference date, the exit.</summary>
    private void LivePathway(Pathway pathway, Programme programme, Referent referent, DateOnly today, List<(Pathway, Step)>? exitSteps)
    {
        var entry = pathway.EntryDate!.Value;
        var durationMonths = 3 + (int)Math.Round(Math.Abs(NormalSample()) * 12);
        var plannedEnd = CalendarMonths.Plus(entry, Math.Min(durationMonths, 40));
        var reason = PickWeighted(ExitReasonWeights);
        var departement = programme.Organisation.Departement!;

        // The step that will justify a positive exit, and the exit date it implies.
        Step? exitStep = null;
        DateOnly exitDate;
        switch (reason)
        {
            case ExitReason.EMPLOI_DURABLE:
                {
                    var start = Max(entry.AddMonths(1), plannedEnd.AddMonths(-6));
                    var cdi = _random.NextDouble() < 0.55;
                    exitStep = EmploymentStep(StepType.EMPLOI_SORTIE, start, cdi ? ContractType.CDI : ContractType.CDD, cdi ? null : _random.Next(7, 25), departement);
                    exitDate = ExitRules.ValidationDate(start);
                    break;
                }
            case ExitReason.EMPLOI_AIDE_6_MOIS:
                {
                    var start = Max(entry.AddMonths(1), plannedEnd.AddMonths(-6));
                    var cae = _random.NextDouble() < 0.6;
                    exitStep = EmploymentStep(cae ? StepType.CUI_CAE : StepType.CUI_CIE, start, cae ? ContractType.CUI_CAE : ContractType.CUI_CIE, 12, departement);
                    exitDate = ExitRules.ValidationDate(start);
                    break;
                }
            case ExitReason.CREATION_ACTIVITE:
                {
                    var start = Max(entry.AddMonths(1), plannedEnd.AddMonths(-6));
                    exitStep = new Step { StepType = StepType.CREATION_ENTREPRISE, StartDate = start, ContractType = ContractType.CREATION_ENTREPRISE, EmployerNafSection = PickWeighted(NafSections), FinancedByProgramme = false };
                    exitDate = ExitRules.ValidationDate(start);
                    break;
                }
            case ExitReason.FORMATION_QUALIFIANTE:
                exitStep = TrainingStep(StepType.FORMATION_QUALIFIANTE, plannedEnd, departement, qualifying: true);
                exitDate = plannedEnd;
                break;
            case ExitReason.DUREE_MAXIMALE:
                // The programme's maximum (R-115), or 36 months where the programme sets none.
                exitDate = CalendarMonths.Plus(entry, programme.Organisation.MaxPathwayMonths ?? 36);
                break;
            default:
                exitDate = plannedEnd;
                break;
        }

        var horizon = exitDate <= today ? exitDate : today;
        // Steps stop where the exit step starts, and never start after the reference date (observed dates, exchange format §3.5).
        var stepsUntil = exitStep is not null && exitStep.StartDate < horizon ? exitStep.StartDate : horizon;
        AddSteps(pathway, entry, stepsUntil, horizon, exited: exitDate <= today, departement);
        if (exitStep is not null && exitStep.StartDate <= today)
        {
            if (exitStep.StepType != StepType.EMPLOI_SORTIE || exitDate <= today)
                exitStep.EndDate = null;
            pathway.Steps.Add(exitStep);
            _steps++;
        }

        AddBarriers(pathway, entry, horizon);
        AddAppointments(pathway, referent, entry, horizon, today, open: exitDate > today);

        if (exitDate <= today)
        {
            var result = pathway.RecordExit(exitDate, reason, null, exitDate, today);
            if (!result.IsValid) throw new InvalidOperationException($"Génération incohérente : {result}");
            if (exitStep is not null && exitSteps is not null && exitStep.StartDate <= today) exitSteps.Add((pathway, exitStep));
            pathway.Situation4w = reason is ExitReason.EMPLOI_DURABLE or ExitReason.EMPLOI_AIDE_6_MOIS ? FseExitSituation.EMPLOI_SALARIE
                : reason == ExitReason.CREATION_ACTIVITE ? FseExitSituation.EMPLOI_INDEPENDANT
                : _random.NextDouble() < 0.6 ? FseExitSituation.RECHERCHE_EMPLOI : FseExitSituation.INACTIF;
        }
        else if (_random.NextDouble() < 0.06)
        {
            pathway.PutOnHold(Max(pathway.StatusSince ?? entry, today.AddDays(-_random.Next(1, 60))), today);
        }
    }

    /// <param name="exited">The pathway exits on <paramref name="horizon"/>: steps still running then end on that date (R-111).</param>
    private void AddSteps(Pathway pathway, DateOnly entry, DateOnly until, DateOnly horizon, bool exited, string departement)
    {
        var cursor = entry.AddDays(_random.Next(0, 45));
        var count = 0;
        while (cursor < until && count < 8)
        {
            var type = PickWeighted(StepTypeWeights);
            var length = type is StepType.ATELIER_COLLECTIF or StepType.BILAN_DIAGNOSTIC or StepType.PMSMP ? _random.Next(5, 30) : _random.Next(30, 180);
            Step step = StepTypes.Family(type) switch
            {
                StepFamily.FORMATION_QUALIFIANTE or StepFamily.FORMATION_NON_QUALIFIANTE => TrainingStep(type, cursor, departement, StepTypes.Family(type) == StepFamily.FORMATION_QUALIFIANTE),
                var family when StepFamilies.HasEmploymentContract(family) => EmploymentStep(type, cursor, null, null, departement),
                _ => new Step { StepType = type, StartDate = cursor, FinancedByProgramme = _random.NextDouble() < 0.6, ProviderOrganisationId = _providers[$"ASSO-{departement}"].Id },
            };
            if (type == StepType.LEVEE_FREINS) step.BarrierCode = PickWeighted(BarrierWeights);
            if (type == StepType.PMSMP) step.TotalHours = _random.Next(35, 140);
            var end = cursor.AddDays(length);
            step.PlannedEndDate = end;
            step.EndDate = end <= horizon ? end : null;
            if (step.EndDate is null && exited) step.EndDate = horizon;
            if (step.StepType == StepType.CDD_COURT && step.EndDate is { } e && step.ContractMonths is { } m && e > CalendarMonths.Plus(step.StartDate, (int)Math.Ceiling(m))) step.EndDate = step.StartDate.AddMonths((int)m);
            pathway.Steps.Add(step);
            _steps++;
            count++;
            cursor = end.AddDays(_random.Next(-20, 75));
            if (cursor < step.StartDate) cursor = step.StartDate.AddDays(1);
        }
    }

    private Step EmploymentStep(StepType type, DateOnly start, ContractType? contract, int? months, string departement)
    {
        var allowed = StepTypes.AllowedContracts(type);
        var chosen = contract ?? (allowed.Count > 0 ? allowed[_random.Next(allowed.Count)] : ContractType.CDD);
        decimal? contractMonths = chosen is ContractType.CDI or ContractType.CREATION_ENTREPRISE ? null
            : months ?? (type == StepType.CDD_COURT ? _random.Next(1, 7) : _random.Next(2, 13));
        var provider = type switch
        {
            StepType.ACI => _providers[$"ACI-{departement}"],
            StepType.EI => _providers[$"EI-{departement}"],
            StepType.ETTI => _providers[$"ETTI-{departement}"],
            _ => null,
        };
        return new Step
        {
            StepType = type,
            StartDate = start,
            ContractType = chosen,
            ContractMonths = contractMonths,
            OpenEnded = null,
            WeeklyHours = _random.NextDouble() < 0.7 ? 35 : _random.Next(20, 35),
            EmployerName = provider?.Name ?? $"{_faker.Company.CompanyName()}",
            EmployerSiret = provider?.Siret ?? SyntheticSiret(),
            EmployerNafSection = PickWeighted(NafSections),
            EmployerKind = provider is not null ? EmployerKind.ASSOCIATION : PickWeighted(EmployerKinds),
            EmployerSize = PickWeighted(Sizes),
            ProviderOrganisationId = provider?.Id,
            FinancedByProgramme = StepTypes.Family(type) == StepFamily.EMPLOI_PARCOURS_IAE && _random.NextDouble() < 0.5,
        };
    }

    private Step TrainingStep(StepType type, DateOnly start, string departement, bool qualifying) => new()
    {
        StepType = type,
        StartDate = start,
        TrainingDomain = PickWeighted(TrainingDomains),
        TrainingLevel = qualifying ? PickWeighted(TrainingLevels) : null,
        ValidationNature = qualifying ? PickWeighted(QualifyingValidations) : ValidationNature.AUCUNE,
        TotalHours = _random.Next(70, 1200),
        ProviderOrganisationId = _providers[$"OF-{departement}"].Id,
        FinancedByProgramme = _random.NextDouble() < 0.4,
    };

    private void AddBarriers(Pathway pathway, DateOnly entry, DateOnly horizon)
    {
        var seen = new HashSet<BarrierCategory>();
        var n = _random.Next(0, 4);
        for (var b = 0; b < n; b++)
        {
            var code = PickWeighted(BarrierWeights);
            if (!seen.Add(code)) continue;
            var identified = pathway.PreEntryInterviewDate ?? entry;
            var lifted = _random.NextDouble() < 0.45 ? identified.AddDays(_random.Next(30, 400)) : (DateOnly?)null;
            if (lifted > horizon) lifted = null;
            pathway.Barriers.Add(new Barrier { BarrierCode = code, IdentifiedOn = identified, LiftedOn = lifted });
            _barriers++;
        }
    }

    private void AddAppointments(Pathway pathway, Referent referent, DateOnly entry, DateOnly horizon, DateOnly today, bool open)
    {
        var date = entry.AddDays(_random.Next(10, 40));
        var list = new List<Appointment>();
        while (date <= horizon)
        {
            list.Add(new Appointment { Date = date, Kind = PickWeighted(AppointmentKinds), Attended = _random.NextDouble() < 0.86, ReferentId = referent.Id });
            date = date.AddDays(_random.Next(20, 75));
        }
        if (list.Count > 10) list = list.Skip(list.Count - 10).ToList();
        if (open && _random.NextDouble() < 0.6)
            list.Add(new Appointment { Date = today.AddDays(_random.Next(1, 30)), Kind = AppointmentKind.ENTRETIEN_INDIVIDUEL, ReferentId = referent.Id });
        pathway.Appointments.AddRange(list);
        _appointments += list.Count;
    }

    private Pathway NonEntry(Pathway pathway, DateOnly date, DateOnly today, NonEntryReason? reason = null)
    {
        pathway.RecordNonEntry(reason ?? PickWeighted(NonEntryReasons), date, today);
        return pathway;
    }

    private int AgeAtPrescription()
    {
        var r = _random.NextDouble();
        return r < 0.16 ? _random.Next(18, 26) : r < 0.72 ? _random.Next(26, 45) : r < 0.93 ? _random.Next(45, 55) : _random.Next(55, 65);
    }

    private double NormalSample()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private DateOnly RandomDate(DateOnly from, DateOnly to) =>
        to <= from ? from : DateOnly.FromDayNumber(from.DayNumber + _random.Next(to.DayNumber - from.DayNumber + 1));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private T Pick<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = items.Sum(weight);
        var x = _random.NextDouble() * total;
        foreach (var item in items)
        {
            x -= weight(item);
            if (x <= 0) return item;
        }
        return items[^1];
    }

    private T PickWeighted<T>((T Value, double Weight)[] table) => Pick(table, t => t.Weight).Value;

    private string SyntheticSiret()
    {
        // 13 random digits and a Luhn check digit: a well-formed number, not a real establishment.
        var digits = new int[14];
        for (var i = 0; i < 13; i++) digits[i] = _random.Next(10);
        for (var check = 0; check < 10; check++)
        {
            digits[13] = check;
            if (SiretChecks.IsValid(digits)) break;
        }
        return string.Concat(digits);
    }

    private string SyntheticNir(Sex sex, DateOnly birth, SyntheticCommune commune)
    {
        var department = commune.Departement.Length == 2 && char.IsDigit(commune.Departement[0]) && char.IsDigit(commune.Departement[1]) ? commune.Departement : "75";
        var communePart = commune.InseeCode.Length == 5 && commune.InseeCode.All(char.IsDigit) ? commune.InseeCode[2..] : "056";
        var body = $"{(sex == Sex.FEMME ? 2 : 1)}{birth.Year % 100:D2}{birth.Month:D2}{department}{communePart}{_random.Next(1, 1000):D3}";
        var key = 97 - (long.Parse(body, System.Globalization.CultureInfo.InvariantCulture) % 97);
        return $"{body}{key:D2}";
    }

    private static string Ascii(string name) => ParticipantIdentity.Normalise(name).ToLowerInvariant().Replace(' ', '-').Replace('\'', '-');

    private static readonly (PrescriberKind, double)[] PlieePrescribers =
    [
        (PrescriberKind.FRANCE_TRAVAIL, 40), (PrescriberKind.DEPARTEMENT, 20), (PrescriberKind.MISSION_LOCALE, 8), (PrescriberKind.CCAS, 8),
        (PrescriberKind.ASSOCIATION, 6), (PrescriberKind.CANDIDATURE_SPONTANEE, 6), (PrescriberKind.SIAE, 4), (PrescriberKind.CAP_EMPLOI, 3),
        (PrescriberKind.JUSTICE, 1), (PrescriberKind.SANTE_HANDICAP, 1), (PrescriberKind.COMMUNE, 2), (PrescriberKind.AUTRE, 1),
    ];

    private static readonly (PublicCategory, double)[] PublicCategories = [(PublicCategory.RSA, 42), (PublicCategory.DELD, 34), (PublicCategory.AUTRE, 24)];

    private static readonly (RsaOrientationType, double)[] Orientations =
        [(RsaOrientationType.PROFESSIONNELLE, 45), (RsaOrientationType.SOCIO_PROFESSIONNELLE, 35), (RsaOrientationType.SOCIALE, 20)];

    private static readonly (EducationLevelFt, double)[] EducationLevels =
    [
        (EducationLevelFt.AFS, 4), (EducationLevelFt.CP4, 6), (EducationLevelFt.CFG, 8), (EducationLevelFt.C3A, 12), (EducationLevelFt.C12, 8),
        (EducationLevelFt.NV5, 32), (EducationLevelFt.NV4, 18), (EducationLevelFt.NV3, 7), (EducationLevelFt.NV2, 3), (EducationLevelFt.NV1, 2),
    ];

    private static readonly (FseEntrySituation, double)[] EntrySituations =
        [(FseEntrySituation.CHOMEUR, 40), (FseEntrySituation.CHOMEUR_LONGUE_DUREE, 35), (FseEntrySituation.INACTIF, 20), (FseEntrySituation.EMPLOYE, 5)];

    private static readonly (NonEntryReason, double)[] NonEntryReasons =
    [
        (NonEntryReason.ABSENCE_RDV, 30), (NonEntryReason.DEJA_EN_EMPLOI_FORMATION, 18), (NonEntryReason.REFUS_ACCOMPAGNEMENT, 14),
        (NonEntryReason.REORIENTATION, 16), (NonEntryReason.PROBLEMES_PERSONNELS, 10), (NonEntryReason.HORS_CRITERES, 8), (NonEntryReason.AUTRE, 4),
    ];

    private static readonly (ExitReason, double)[] ExitReasonWeights =
    [
        (ExitReason.EMPLOI_DURABLE, 26), (ExitReason.EMPLOI_AIDE_6_MOIS, 4), (ExitReason.CREATION_ACTIVITE, 3), (ExitReason.FORMATION_QUALIFIANTE, 9),
        (ExitReason.AUTRE_POSITIVE, 2), (ExitReason.ABANDON, 14), (ExitReason.DEMENAGEMENT, 6), (ExitReason.DECES, 0.5), (ExitReason.RETRAITE, 1.5),
        (ExitReason.MATERNITE, 3), (ExitReason.SANTE, 6), (ExitReason.REORIENTATION, 8), (ExitReason.NON_RESPECT_CONTRAT, 3),
        (ExitReason.DUREE_MAXIMALE, 4), (ExitReason.SITUATION_ADMINISTRATIVE, 1), (ExitReason.INDISPONIBLE, 2), (ExitReason.EMPLOI_TRANSITION, 2),
        (ExitReason.CONTRAT_SIAE, 1), (ExitReason.AUTRE_ACTION_INSERTION, 1), (ExitReason.ACCES_DROITS, 1), (ExitReason.FIN_DROITS_RSA, 0.5),
        (ExitReason.AUTRE_SANS_SUITE, 2),
    ];

    private static readonly (StepType, double)[] StepTypeWeights =
        Enum.GetValues<StepType>()
            .Where(t => t is not (StepType.EMPLOI_SORTIE or StepType.CLAUSE_SOCIALE or StepType.EMPLOI_AVENIR or StepType.CREATION_ENTREPRISE or StepType.FORMATION_QUALIFIANTE or StepType.VAE))
            .Select(t => (t, t switch
            {
                StepType.ACTION_MOBILISATION or StepType.ATELIER_COLLECTIF => 10.0,
                StepType.ACI => 8.0,
                StepType.BILAN_DIAGNOSTIC or StepType.PMSMP or StepType.LEVEE_FREINS => 6.0,
                StepType.CDD_COURT or StepType.INTERIM => 5.0,
                _ => 2.0,
            }))
            .Append((StepType.FORMATION_QUALIFIANTE, 4.0))
            .Append((StepType.VAE, 0.5))
            .ToArray();

    private static readonly (BarrierCategory, double)[] BarrierWeights =
        Enum.GetValues<BarrierCategory>().Select(b => (b, b is BarrierCategory.MOBILITE or BarrierCategory.PROJET_PROFESSIONNEL ? 4.0 : 1.0)).ToArray();

    private static readonly (AppointmentKind, double)[] AppointmentKinds =
    [
        (AppointmentKind.ENTRETIEN_INDIVIDUEL, 70), (AppointmentKind.ENTRETIEN_DISTANCE, 12), (AppointmentKind.ENTRETIEN_TRIPARTITE, 6),
        (AppointmentKind.ATELIER_COLLECTIF, 5), (AppointmentKind.BILAN_ETAPE, 4), (AppointmentKind.SUIVI_EMPLOI, 3),
    ];

    private static readonly (NafSection, double)[] NafSections =
        Enum.GetValues<NafSection>().Select(s => (s, s is NafSection.G or NafSection.N or NafSection.Q or NafSection.F or NafSection.I or NafSection.H ? 5.0 : 0.5)).ToArray();

    private static readonly (EmployerKind, double)[] EmployerKinds =
        [(EmployerKind.ENTREPRISE, 70), (EmployerKind.ASSOCIATION, 15), (EmployerKind.SECTEUR_PUBLIC, 12), (EmployerKind.PARTICULIER, 3)];

    private static readonly (EstablishmentSize, double)[] Sizes = Enum.GetValues<EstablishmentSize>().Select(s => (s, 1.0)).ToArray();

    private static readonly (TrainingDomain, double)[] TrainingDomains = Enum.GetValues<TrainingDomain>().Select(d => (d, 1.0)).ToArray();

    private static readonly (CertificationLevel2019, double)[] TrainingLevels =
        [(CertificationLevel2019.NIVEAU_3, 50), (CertificationLevel2019.NIVEAU_4, 25), (CertificationLevel2019.NIVEAU_5, 10), (CertificationLevel2019.NIVEAU_2, 10), (CertificationLevel2019.NIVEAU_6, 5)];

    private static readonly (ValidationNature, double)[] QualifyingValidations =
        Enum.GetValues<ValidationNature>().Where(v => v != ValidationNature.AUCUNE).Select(v => (v, v == ValidationNature.TITRE_PROFESSIONNEL ? 5.0 : 1.0)).ToArray();
}
