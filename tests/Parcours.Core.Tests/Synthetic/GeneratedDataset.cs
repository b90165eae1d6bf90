using Microsoft.EntityFrameworkCore;
using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.Core.ReferenceData;
using Parcours.Core.Synthetic;
using Parcours.Core.Tests.Support;
using Parcours.Domain.Pathways;

namespace Parcours.Core.Tests.Synthetic;

/// <summary>
/// Runs the synthetic generator into fresh SQLite databases created by the migrator, as <c>parcours generate</c> does,
/// with a fixed reference date so that the data do not depend on the day the tests run.
/// </summary>
public static class Generation
{
    public static readonly DateOnly ReferenceDate = new(2025, 11, 14);

    /// <summary>The communes of the reference data, mapped as in GenerateCommand.</summary>
    public static IReadOnlyList<SyntheticCommune> Communes { get; } = CommuneCatalog.Default.All
        .Select(c => new SyntheticCommune(c.InseeCode, c.Name, c.PostalCodes.FirstOrDefault() ?? "", c.DepartementCode, c.Population ?? 0))
        .ToList();

    public static GeneratorOptions Options(int participants, int seed) =>
        GeneratorOptions.For(participants, seed, from: 2021, to: 2025, today: ReferenceDate);

    public static async Task<(DatabaseTarget Target, GenerationReport Report)> GenerateAsync(TestDatabase databases, int participants, int seed)
    {
        var target = databases.NewEmpty($"generated-{seed}");
        await using var db = ParcoursDatabase.Open(target, AccessScope.System("generate"));
        await new DatabaseMigrator(db).MigrateAsync();
        var report = await new SyntheticDataGenerator(db, Communes).GenerateAsync(Options(participants, seed));
        return (target, report);
    }

    /// <summary>Every pathway with its children, read back from the database.</summary>
    public static async Task<List<Pathway>> LoadPathwaysAsync(DatabaseTarget target)
    {
        await using var db = ParcoursDatabase.Open(target, AccessScope.System("test"));
        return await db.Pathways.AsNoTracking().AsSplitQuery()
            .Include(p => p.Steps).Include(p => p.Barriers).Include(p => p.Contracts).Include(p => p.Appointments).Include(p => p.Events)
            .OrderBy(p => p.Id)
            .ToListAsync();
    }
}

/// <summary>One large generated dataset shared by the coherence tests: generating it is the slow part.</summary>
public sealed class GeneratedDataset : IAsyncLifetime
{
    /// <summary>Large enough for every status, step family and exit reason to appear (even DECES, weight 0.5 %).</summary>
    public const int Participants = 3000;
    public const int Seed = 7;

    private readonly TestDatabase _databases = TestDatabase.Sqlite();

    public DatabaseTarget Target { get; private set; } = null!;
    public GenerationReport Report { get; private set; } = null!;
    public List<Pathway> Pathways { get; private set; } = [];
    public List<ParticipantIdentity> Identities { get; private set; } = [];

    public async Task InitializeAsync()
    {
        (Target, Report) = await Generation.GenerateAsync(_databases, Participants, Seed);
        Pathways = await Generation.LoadPathwaysAsync(Target);
        await using var db = ParcoursDatabase.Open(Target, AccessScope.System("test"));
        Identities = await db.Identities.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
    }

    public Task DisposeAsync()
    {
        _databases.Dispose();
        return Task.CompletedTask;
    }
}
