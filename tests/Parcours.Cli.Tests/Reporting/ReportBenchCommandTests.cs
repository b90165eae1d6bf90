using Parcours.Core.Data;

namespace Parcours.Cli.Tests.Reporting;

/// <summary>
/// <c>parcours bench consolidation</c> on the reference dataset: it prints both medians and their ratio, and both sides
/// find the 6 entries of 2024 of <c>plie-2024</c> (a wrong count on either side would make it exit 1).
/// </summary>
public sealed class ReportBenchCommandTests : ReferenceDatabases
{
    [Theory]
    [InlineData(DatabaseEngine.Sqlite)]
    [InlineData(DatabaseEngine.Postgres)]
    public async Task BenchConsolidation_ReferenceDataset_PrintsBothMediansAndTheSameEntries(DatabaseEngine engine)
    {
        var dbArgument = await ReferenceDatabaseAsync("bench.db", engine);

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
