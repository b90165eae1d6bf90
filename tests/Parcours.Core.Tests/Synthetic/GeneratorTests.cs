using Microsoft.EntityFrameworkCore;
using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.Core.Tests.Support;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Common;
using Parcours.Domain.Pathways;

namespace Parcours.Core.Tests.Synthetic;

/// <summary>
/// The synthetic generator is the source of every demo and of many tests: its data must be reproducible and must obey
/// the rules a real dataset obeys (codelists.md §4.4, R-111, R-119, exchange format §3.5 and P7).
/// </summary>
public sealed class GeneratorTests(GeneratedDataset dataset) : IClassFixture<GeneratedDataset>, IDisposable
{
    private readonly TestDatabase _databases = TestDatabase.Sqlite();
    private static readonly DateOnly ReferenceDate = Generation.ReferenceDate;

    public void Dispose() => _databases.Dispose();

    [Fact]
    public async Task Generate_SameSeedTwice_IdenticalPathwaysAndIdentities()
    {
        // Arrange
        const int participants = 400;

        // Act
        var (first, firstReport) = await Generation.GenerateAsync(_databases, participants, seed: 42);
        var (second, secondReport) = await Generation.GenerateAsync(_databases, participants, seed: 42);

        // Assert
        Assert.Equal(participants, firstReport.Participants);
        var firstPathways = PathwayRows(await Generation.LoadPathwaysAsync(first));
        Assert.True(firstPathways.Count >= participants, $"{firstPathways.Count} pathways for {participants} participants");
        Assert.Equal(firstPathways, PathwayRows(await Generation.LoadPathwaysAsync(second)));
        Assert.Equal(await IdentityRowsAsync(first), await IdentityRowsAsync(second));
        Assert.Equal(
            (firstReport.Pathways, firstReport.Steps, firstReport.Barriers, firstReport.Contracts, firstReport.Appointments),
            (secondReport.Pathways, secondReport.Steps, secondReport.Barriers, secondReport.Contracts, secondReport.Appointments));
    }

    [Fact]
    public async Task Generate_DifferentSeeds_DifferentData()
    {
        // Act
        var (first, _) = await Generation.GenerateAsync(_databases, 300, seed: 1);
        var (second, _) = await Generation.GenerateAsync(_databases, 300, seed: 2);

        // Assert
        Assert.NotEqual(PathwayRows(await Generation.LoadPathwaysAsync(first)), PathwayRows(await Generation.LoadPathwaysAsync(second)));
        Assert.NotEqual(await IdentityRowsAsync(first), await IdentityRowsAsync(second));
    }

    [Fact]
    public async Task Generate_NonEmptyDatabase_RefusedInFrench()
    {
        // Arrange
        var (target, _) = await Generation.GenerateAsync(_databases, 1, seed: 3);
        await using var db = ParcoursDatabase.Open(target, AccessScope.System("generate"));

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new Parcours.Core.Synthetic.SyntheticDataGenerator(db, Generation.Communes).GenerateAsync(Generation.Options(1, 3)));

        // Assert
        Assert.Equal("La base contient déjà des données : générez dans une base vide.", error.Message);
    }

    [Fact]
    public void Generate_DurableEmploymentExits_JustifiedByAnExitJobValidatedSixMonthsAfterItsStart()
    {
        // Arrange
        var exits = dataset.Pathways.Where(p => p.Status == PathwayStatus.SORTI && p.ExitReason == ExitReason.EMPLOI_DURABLE).ToList();

        // Act
        var problems = exits.Select(p =>
        {
            var step = p.Steps.SingleOrDefault(s => s.Id == p.ExitStepId);
            if (step is null) return $"pathway {p.Id} ({p.Scheme}): exit step {p.ExitStepId?.ToString() ?? "(none)"} is not one of its steps";
            if (!step.IsExitJob) return $"pathway {p.Id}: exit step {step.Id} ({step.StepType}, {step.ContractType} {step.ContractMonths}) is not an exit job";
            var validation = ExitRules.ValidationDate(step.StartDate);
            return p.ExitDate == validation && p.ExitValidationDate == validation ? null
                : $"pathway {p.Id}: job from {step.StartDate}, exit {p.ExitDate}, validated {p.ExitValidationDate}, expected {validation}";
        }).OfType<string>().ToList();

        // Assert
        Assert.True(exits.Count >= 50, $"only {exits.Count} durable-employment exits");
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));
    }

    [Fact]
    public void Generate_Exits_ReasonAgreesWithItsExitStep()
    {
        // Act: rule P7 of the exchange format.
        var problems = dataset.Pathways.Where(p => p.ExitStepId is not null).Select(p =>
        {
            var step = p.Steps.SingleOrDefault(s => s.Id == p.ExitStepId);
            if (step is null) return $"pathway {p.Id}: exit step {p.ExitStepId} belongs to another pathway";
            return ExitRules.CheckAgainstStep(p.ExitReason!.Value, step) is { } error ? $"pathway {p.Id} ({p.ExitReason}, step {step.StepType}): {error}" : null;
        }).OfType<string>().ToList();

        // Assert
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));
    }

    [Fact]
    public void Generate_Steps_StartOnOrAfterEntryAndEndByTheExit()
    {
        // Act: R-111 — start ≥ entry date; end ≤ exit date, except the exit step that justifies the exit.
        var problems = new List<string>();
        foreach (var p in dataset.Pathways)
        {
            foreach (var s in p.Steps)
            {
                if (p.EntryDate is not { } entry) problems.Add($"pathway {p.Id} ({p.Status}) has step {s.Id} but no entry date");
                else if (s.StartDate < entry) problems.Add($"pathway {p.Id}: step {s.Id} starts {s.StartDate}, before the entry {entry}");
                if (p.ExitDate is { } exit && s.Id != p.ExitStepId)
                {
                    if (s.EndDate is null) problems.Add($"pathway {p.Id}: step {s.Id} ({s.StepType}) still open after the exit {exit}");
                    else if (s.EndDate > exit) problems.Add($"pathway {p.Id}: step {s.Id} ends {s.EndDate}, after the exit {exit}");
                }
                if (s.EndDate is { } end && end < s.StartDate) problems.Add($"pathway {p.Id}: step {s.Id} ends {end} before it starts {s.StartDate}");
            }
        }

        // Assert
        Assert.True(dataset.Pathways.Sum(p => p.Steps.Count) > 1000);
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n{string.Join('\n', problems.Take(20))}");
    }

    [Fact]
    public void Generate_ObservedDates_NeverAfterTheReferenceDate()
    {
        // Act: exchange format §3.5 — only planned dates (step planned end, contract start and end, appointment date) may lie ahead.
        var problems = new List<string>();
        void Check(string what, DateOnly? date)
        {
            if (date > ReferenceDate) problems.Add($"{what}: {date}");
        }
        foreach (var p in dataset.Pathways)
        {
            var id = $"pathway {p.Id}";
            Check($"{id} status_since", p.StatusSince);
            Check($"{id} prescription_date", p.PrescriptionDate);
            Check($"{id} pre_assignment_date", p.PreAssignmentDate);
            Check($"{id} convocation_date", p.ConvocationDate);
            Check($"{id} pre_entry_interview_date", p.PreEntryInterviewDate);
            Check($"{id} entry_commission_date", p.EntryCommissionDate);
            Check($"{id} entry_date", p.EntryDate);
            Check($"{id} non_entry_date", p.NonEntryDate);
            Check($"{id} orientation_date", p.OrientationDate);
            Check($"{id} exit_date", p.ExitDate);
            Check($"{id} exit_validation_date", p.ExitValidationDate);
            foreach (var s in p.Steps)
            {
                Check($"{id} step {s.Id} start_date", s.StartDate);
                Check($"{id} step {s.Id} end_date", s.EndDate);
            }
            foreach (var b in p.Barriers)
            {
                Check($"{id} barrier {b.Id} identified_on", b.IdentifiedOn);
                Check($"{id} barrier {b.Id} lifted_on", b.LiftedOn);
            }
            foreach (var c in p.Contracts)
            {
                Check($"{id} contract {c.Id} signed_on", c.SignedOn);
                Check($"{id} contract {c.Id} sent_on", c.SentOn);
            }
            foreach (var a in p.Appointments.Where(a => a.Attended is not null))
                Check($"{id} appointment {a.Id} with a known attendance", a.Date);
            foreach (var e in p.Events)
                Check($"{id} event {e.Kind}", e.On);
        }
        foreach (var i in dataset.Identities) Check($"identity {i.Id} birth_date", i.BirthDate);

        // Assert
        Assert.True(problems.Count == 0, $"{problems.Count} dates after {ReferenceDate}:\n{string.Join('\n', problems.Take(20))}");
    }

    [Fact]
    public void Generate_NonEntries_HaveAReasonAndNoEntryDate()
    {
        // Arrange
        var nonEntries = dataset.Pathways.Where(p => p.Status == PathwayStatus.NON_ENTRE).ToList();

        // Act
        var problems = nonEntries
            .Where(p => p.NonEntryReason is null || p.NonEntryDate is null || p.EntryDate is not null || p.Steps.Count > 0)
            .Select(p => $"pathway {p.Id}: reason {p.NonEntryReason}, non-entry {p.NonEntryDate}, entry {p.EntryDate}, {p.Steps.Count} steps")
            .ToList();

        // Assert
        Assert.True(nonEntries.Count >= 50, $"only {nonEntries.Count} non-entries");
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));
    }

    [Fact]
    public void Generate_EveryPathway_HoldsTheDataItsStatusRequires()
    {
        // Act
        var problems = dataset.Pathways
            .Select(p => StatusData.Problem(p) is { } problem ? $"pathway {p.Id} ({p.Status}): {problem}" : null)
            .OfType<string>().ToList();

        // Assert
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n{string.Join('\n', problems.Take(20))}");
    }

    [Fact]
    public void Generate_LargeDataset_EveryStatusEveryStepFamilyButClausesAndEveryExitReasonAppear()
    {
        // Act
        var statuses = dataset.Pathways.Select(p => p.Status).ToHashSet();
        var families = dataset.Pathways.SelectMany(p => p.Steps).Select(s => s.Family).ToHashSet();
        var reasons = dataset.Pathways.Where(p => p.ExitReason is not null).Select(p => p.ExitReason!.Value).ToHashSet();

        // Assert
        Assert.Equal(GeneratedDataset.Participants, dataset.Report.Participants);
        Assert.Empty(Enum.GetValues<PathwayStatus>().Except(statuses));
        Assert.Empty(Enum.GetValues<StepFamily>().Where(f => f != StepFamily.CLAUSE_SOCIALE).Except(families));
        Assert.Empty(Enum.GetValues<ExitReason>().Except(reasons));
    }

    [Fact]
    public void Generate_Identities_InventedButWellFormed()
    {
        // Act
        var problems = dataset.Identities.Select(i =>
            i.Nir is { } nir && !NirKeyIsValid(nir) ? $"identity {i.Id}: NIR {nir} fails its key"
            : i.SearchName != ParticipantIdentity.Normalise($"{i.LastName} {i.FirstName}") ? $"identity {i.Id}: search name «{i.SearchName}»"
            : null).OfType<string>().ToList();
        var sirets = dataset.Pathways.SelectMany(p => p.Steps).Where(s => s.EmployerSiret is not null).Select(s => s.EmployerSiret!).ToList();

        // Assert
        Assert.Equal(GeneratedDataset.Participants, dataset.Identities.Count);
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));
        Assert.NotEmpty(sirets);
        Assert.All(sirets, s => Assert.True(SiretChecks.IsValidSiret(s), $"SIRET {s}"));
    }

    /// <summary>Annex A.2 of the exchange format: key = 97 − (first 13 characters mod 97), Corsica 2A → 19, 2B → 18.</summary>
    private static bool NirKeyIsValid(string nir)
    {
        if (nir.Length != 15) return false;
        var body = nir[..13].Replace("2A", "19", StringComparison.Ordinal).Replace("2B", "18", StringComparison.Ordinal);
        return long.TryParse(body, out var n) && int.TryParse(nir[13..], out var key) && key == 97 - (int)(n % 97);
    }

    private static List<string> PathwayRows(IEnumerable<Pathway> pathways) => pathways.OrderBy(p => p.Id).Select(p => string.Join('|',
            p.Id, p.ExternalId, p.ParticipantId, p.OrganisationId, p.ReferentId, p.Scheme, p.Status, p.StatusSince, p.Rank,
            p.PrescriptionDate, p.PreAssignmentDate, p.ConvocationDate, p.ConvocationCount, p.PreEntryInterviewDate, p.EntryCommissionDate,
            p.EntryDate, p.NonEntryReason, p.NonEntryDate, p.AgeAtEntry, p.PublicCategory, p.EducationLevel, p.InactivityMonths,
            p.ExitDate, p.ExitReason, p.ExitValidationDate, p.ExitStepId, p.Steps.Count,
            string.Join(',', p.Steps.OrderBy(s => s.Id).Select(s => $"{s.StepType}:{s.StartDate}:{s.EndDate}:{s.ContractType}:{s.ContractMonths}"))))
        .ToList();

    private static async Task<List<string>> IdentityRowsAsync(DatabaseTarget target)
    {
        await using var db = ParcoursDatabase.Open(target, AccessScope.System("test"));
        return (await db.Identities.AsNoTracking().OrderBy(i => i.Id).ToListAsync())
            .Select(i => string.Join('|', i.Id, i.LastName, i.FirstName, i.BirthName, i.BirthDate, i.Nir, i.PostalCode, i.CommuneInsee, i.Phone, i.Email))
            .ToList();
    }
}

/// <summary>codelists.md §4.4, «Data each status requires in pathways.csv».</summary>
internal static class StatusData
{
    /// <summary>What is missing or should be empty for the pathway's status, or null when it holds exactly what it must.</summary>
    public static string? Problem(Pathway p)
    {
        var present = new Dictionary<string, bool>
        {
            ["prescription_date"] = p.PrescriptionDate is not null,
            ["pre_assignment_date"] = p.PreAssignmentDate is not null,
            ["entry_date"] = p.EntryDate is not null,
            ["exit_date"] = p.ExitDate is not null,
            ["exit_reason"] = p.ExitReason is not null,
            ["non_entry_reason"] = p.NonEntryReason is not null,
            ["non_entry_date"] = p.NonEntryDate is not null,
        };
        var (required, empty) = Rule(p.Status);
        var missing = required.Where(c => !present[c]).ToList();
        var filled = empty.Where(c => present[c]).ToList();
        if (missing.Count == 0 && filled.Count == 0) return null;
        return string.Join("; ", new[]
        {
            missing.Count > 0 ? "missing " + string.Join(", ", missing) : null,
            filled.Count > 0 ? "should be empty: " + string.Join(", ", filled) : null,
        }.OfType<string>());
    }

    private static (string[] Required, string[] Empty) Rule(PathwayStatus status) => status switch
    {
        PathwayStatus.PRESCRIT or PathwayStatus.CONVOQUE or PathwayStatus.ENTRETIEN or PathwayStatus.EN_COMMISSION =>
            (["prescription_date"], ["entry_date", "exit_date", "exit_reason", "non_entry_reason"]),
        PathwayStatus.PRE_AFFECTE =>
            (["prescription_date", "pre_assignment_date"], ["entry_date", "exit_date", "exit_reason", "non_entry_reason"]),
        PathwayStatus.ENTRE or PathwayStatus.EN_VEILLE =>
            (["entry_date"], ["exit_date", "exit_reason", "non_entry_reason"]),
        PathwayStatus.SORTI =>
            (["entry_date", "exit_date", "exit_reason"], ["non_entry_reason"]),
        PathwayStatus.NON_ENTRE =>
            (["non_entry_reason", "non_entry_date"], ["entry_date", "exit_date", "exit_reason"]),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
