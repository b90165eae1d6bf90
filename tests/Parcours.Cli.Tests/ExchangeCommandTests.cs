namespace Parcours.Cli.Tests;

/// <summary>parcours export / import from the command line: exit statuses and the report beside the dataset.</summary>
public sealed class ExchangeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parcours-cli-exchange-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    [Fact]
    public async Task ExportThenImport_ValidThenBrokenDataset_Exit0ThenExit1WithReport()
    {
        var source = Path.Combine(_folder, "source.db");
        var dataset = Path.Combine(_folder, "dataset");
        Assert.Equal(0, (await CliProcess.RunAsync("generate", "--participants", "30", "--to", "2024", "--db", source)).ExitCode);
        var export = await CliProcess.RunAsync("export", dataset, "--db", source);
        Assert.Equal(0, export.ExitCode);
        Assert.True(File.Exists(Path.Combine(dataset, "manifest.json")));

        var imported = await CliProcess.RunAsync("import", dataset, "--db", Path.Combine(_folder, "target.db"));
        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("lignes importées", imported.Stderr, StringComparison.Ordinal);

        // A byte changed in a file: the digest no longer matches, nothing is written, the report says why.
        var steps = Path.Combine(dataset, "steps.csv");
        File.AppendAllText(steps, "");
        var bytes = File.ReadAllBytes(steps);
        bytes[^3] = (byte)'x';
        File.WriteAllBytes(steps, bytes);
        var broken = await CliProcess.RunAsync("import", dataset, "--db", Path.Combine(_folder, "other.db"));
        Assert.Equal(1, broken.ExitCode);
        var report = File.ReadAllText(Path.Combine(dataset, "import-report.csv"));
        Assert.Contains("ERREUR,steps.csv,,,,CHECKSUM_MISMATCH", report, StringComparison.Ordinal);

        var missing = await CliProcess.RunAsync("import", Path.Combine(_folder, "nowhere"), "--db", Path.Combine(_folder, "other.db"));
        Assert.Equal(2, missing.ExitCode);
    }
}
