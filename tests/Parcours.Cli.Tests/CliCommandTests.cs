using Microsoft.Data.Sqlite;

namespace Parcours.Cli.Tests;

public sealed class CliCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parcours-cli-tests-").FullName;

    private string Database(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task Generate_UnknownOption_PrintsFrenchErrorAndExits1()
    {
        var result = await CliProcess.RunAsync("generate", "--bogus", "--db", Database("bogus.db"));

        Assert.Equal(1, result.ExitCode);
        // System.CommandLine's French resources put a no-break space before the colon.
        Assert.Contains("Commande ou argument non reconnu : '--bogus'.", result.Stderr.Replace('\u00A0', ' ').Replace('\u202F', ' '));
        Assert.False(File.Exists(Database("bogus.db")));
    }

    [Fact]
    public async Task Generate_ZeroParticipants_PrintsFrenchErrorAndExits1()
    {
        var result = await CliProcess.RunAsync("generate", "--participants", "0", "--db", Database("zero.db"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Erreur : --participants doit être au moins 1.", result.Stderr.Trim());
        Assert.Equal("", result.Stdout);
        Assert.False(File.Exists(Database("zero.db")));
    }

    [Fact]
    public async Task DbMigrate_RunTwice_AppliesThenSaysUpToDate()
    {
        var db = Database("migrate.db");

        var first = await CliProcess.RunAsync("db", "migrate", "--db", db);
        var second = await CliProcess.RunAsync("db", "migrate", "--db", db);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("migrations appliquées : 0001_initial, 0002_exchange.", first.Stderr);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("la base est à jour.", second.Stderr);
        Assert.DoesNotContain("migrations appliquées", second.Stderr);
        Assert.Equal("", first.Stdout + second.Stdout);
    }

    [Fact]
    public async Task Generate_FiftyParticipants_PrintsDemoLoginsOnStdoutAndLogsOnStderr()
    {
        var db = Database("generate.db");

        var result = await CliProcess.RunAsync("generate", "--participants", "50", "--seed", "3", "--db", db);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var stdout = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Comptes de démonstration (mot de passe commun : parcours-demo) :", stdout[0]);
        foreach (var login in new[] { "admin", "coordinateur1", "fse1", "lecteur1", "referent1-1", "coordinateur4", "referent4-1" })
            Assert.Contains(stdout, line => line.StartsWith(login + " ", StringComparison.Ordinal));
        Assert.Contains(stdout, line => line.Contains("PLIE de Dijon Métropole", StringComparison.Ordinal));
        Assert.DoesNotContain("générés en", result.Stdout);
        Assert.Contains("50 participants, ", result.Stderr);
        Assert.Contains("générés en", result.Stderr);
        Assert.Contains("migrations appliquées : 0001_initial, 0002_exchange.", result.Stderr);
        Assert.Equal(50, await CountAsync(db, "SELECT count(*) FROM pathways_participant"));
    }

    private static async Task<long> CountAsync(string db, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* temporary folder: best effort */ }
    }
}
