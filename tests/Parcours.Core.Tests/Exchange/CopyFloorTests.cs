using System.Text.RegularExpressions;
using Npgsql;
using Parcours.Core.Exchange;
using Parcours.Core.Tests.Support;

namespace Parcours.Core.Tests.Exchange;

/// <summary>
/// The floor of the import benchmark (<c>parcours bench copy-floor</c>): its tables have the shape of the CSV files,
/// typed as the exchange format says, and PostgreSQL's COPY loads a generated dataset into them row for row.
/// </summary>
public sealed partial class CopyFloorTests() : ExchangeTestBase(TestDatabase.Postgres())
{
    [Fact]
    public async Task TypedFloor_LoadsEveryRowOfAGeneratedDataset_IntoColumnsTypedAsTheFormatSays()
    {
        // Arrange
        var (_, dataset) = await GeneratedDatasetAsync(40, seed: 3);
        var manifest = System.Text.Json.JsonSerializer.Deserialize<Manifest>(File.ReadAllText(Path.Combine(dataset, "manifest.json")))!;

        // Act
        var typed = CopyFloor.Script(dataset, typed: true);
        var text = CopyFloor.Script(dataset, typed: false);

        // Assert: the types of the format (§3.4), and nothing but text without --typed.
        Assert.Contains("\"entry_date\" date", typed, StringComparison.Ordinal);
        Assert.Contains("\"age_at_entry\" integer", typed, StringComparison.Ordinal);
        Assert.Contains("\"th_rqth\" boolean", typed, StringComparison.Ordinal);
        Assert.Contains("\"pathway_id\" text", typed, StringComparison.Ordinal);
        Assert.DoesNotMatch("\" (date|integer|boolean|numeric)", text);

        // The script's statements, run against the server: every row of every file lands in its table.
        await using var connection = new NpgsqlConnection(Databases.NewEmpty("floor").ConnectionString);
        await connection.OpenAsync();
        foreach (Match m in CopyLine().Matches(typed))
        {
            var (create, table, file) = (m.Groups["create"].Value, m.Groups["table"].Value, m.Groups["file"].Value);
            await using (var command = new NpgsqlCommand(create, connection)) await command.ExecuteNonQueryAsync();
            using (var writer = await connection.BeginTextImportAsync($"COPY {table} FROM STDIN (FORMAT csv, HEADER true)"))
                await writer.WriteAsync(await File.ReadAllTextAsync(file));
            await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM {table}", connection);
            Assert.Equal(manifest.Files.Single(f => f.Name == Path.GetFileName(file)).Rows, (long)(await count.ExecuteScalarAsync())!);
        }
        var dataFiles = Directory.GetFiles(dataset, "*.csv").Count(f => ExchangeSchema.Find(Path.GetFileName(f)) is not null);
        Assert.True(dataFiles >= 8);
        Assert.Equal(dataFiles, CopyLine().Matches(typed).Count);
    }

    [GeneratedRegex(@"(?<create>CREATE TABLE (?<table>\w+) \([^\n]*\);)\r?\n\\copy \w+ FROM '(?<file>[^']+)'")]
    private static partial Regex CopyLine();
}
