using Microsoft.Data.Sqlite;
using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.TestCommon;
using Parcours.TestCommon.Reporting;

namespace Parcours.Cli.Tests.Reporting;

/// <summary>
/// <c>parcours bench consolidation</c> on the reference dataset: it prints both medians and their ratio, and both sides
/// find the 6 entries of 2024 of <c>plie-2024</c> (a wrong count on either side would make it exit 1).
/// </summary>
public sealed class ReportBenchCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parcours-bench-tests-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(DatabaseEngine.Sqlite)]
    [InlineData(DatabaseEngine.Postgres)]
    public async Task BenchConsolidation_ReferenceDataset_PrintsBothMediansAndTheSameEntries(DatabaseEngine engine)
    {
        var target = engine == DatabaseEngine.Sqlite
            ? new DatabaseTarget(DatabaseEngine.Sqlite, $"Data Source={Path.Combine(_folder, "bench.db")}")
            : new DatabaseTarget(DatabaseEngine.Postgres, PostgresTestServer.ConnectionStringForNewDatabase("bench"));
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test"))) await new DatabaseMigrator(db).MigrateAsync();
        await DatasetLoader.LoadAsync(target, DatasetLoader.Folder("plie-2024"));
        var dbArgument = engine == DatabaseEngine.Sqlite ? Path.Combine(_folder, "bench.db") : target.ConnectionString;

        var result = await CliProcess.RunAsync("bench", "consolidation", "--year", "2024", "--runs", "3", "--warmup", "1", "--db", dbArgument);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("1 mesures de mise en route, 3 mesures.", result.Stdout);
        Assert.Matches(@"moteur \(flux, taux, durées, étapes, contrôles\) : médiane [\d,]+ ms \(de [\d,]+ à [\d,]+\)", result.Stdout);
        Assert.Matches(@"SQL écrit à la main \(flux seuls, une passe\) +: médiane [\d,]+ ms", result.Stdout);
        Assert.Contains("entrées 6 (moteur) = 6 (SQL)", result.Stdout);
        // The server's memory line is PostgreSQL's alone.
        Assert.Equal(engine == DatabaseEngine.Postgres, result.Stdout.Contains("PostgreSQL : shared_buffers ", StringComparison.Ordinal));
    }
}
