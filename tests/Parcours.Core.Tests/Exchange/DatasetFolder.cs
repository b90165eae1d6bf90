using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.Core.Exchange;

namespace Parcours.Core.Tests.Exchange;

/// <summary>Helpers to make, change and compare datasets in temporary folders.</summary>
public static class DatasetFolder
{
    public static string NewFolder() => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"parcours-dataset-{Guid.NewGuid():N}")).FullName;

    public static async Task<string> ExportAsync(DatabaseTarget target, ExportOptions? options = null)
    {
        var folder = NewFolder();
        await using var db = ParcoursDatabase.Open(target, AccessScope.System("test-export"));
        await new DatasetExporter(db).ExportAsync(folder, options ?? new ExportOptions());
        return folder;
    }

    public static async Task<ImportResult> ImportAsync(DatabaseTarget target, string folder, ImportOptions? options = null)
    {
        await using var db = ParcoursDatabase.Open(target, AccessScope.System("test-import"));
        await new DatabaseMigrator(db).MigrateAsync();
        using var source = DatasetSource.Open(folder);
        return await new DatasetImporter(db).ImportAsync(source, options);
    }

    /// <summary>Row counts of every table that an import writes.</summary>
    public static async Task<Dictionary<string, long>> CountsAsync(DatabaseTarget target)
    {
        await using var db = ParcoursDatabase.Open(target, AccessScope.System("test-count"));
        await new DatabaseMigrator(db).MigrateAsync();
        return new Dictionary<string, long>
        {
            ["organisations"] = await db.Organisations.LongCountAsync(),
            ["referents"] = await db.Referents.IgnoreQueryFilters().LongCountAsync(),
            ["participants"] = await db.Participants.IgnoreQueryFilters().LongCountAsync(),
            ["identities"] = await db.Identities.IgnoreQueryFilters().LongCountAsync(),
            ["pathways"] = await db.Pathways.IgnoreQueryFilters().LongCountAsync(),
            ["steps"] = await db.Steps.IgnoreQueryFilters().LongCountAsync(),
            ["barriers"] = await db.Barriers.LongCountAsync(),
            ["contracts"] = await db.Contracts.LongCountAsync(),
            ["appointments"] = await db.Appointments.LongCountAsync(),
            ["operations"] = await db.Operations.LongCountAsync(),
            ["financings"] = await db.Financings.LongCountAsync(),
            ["actions"] = await db.InsertionActions.LongCountAsync(),
            ["monthly_reports"] = await db.MonthlyReports.LongCountAsync(),
            ["clause_markets"] = await db.ClauseMarkets.LongCountAsync(),
            ["clause_hours"] = await db.ClauseHours.LongCountAsync(),
            ["keys"] = await KnownKeysAsync(db),
            ["datasets"] = await db.Set<ExchangeDataset>().LongCountAsync(),
        };
    }

    /// <summary>
    /// Keys of imported records the database knows: key rows, plus the records of key ranges that keep their local id as
    /// their external id.
    /// </summary>
    public static async Task<long> KnownKeysAsync(ParcoursDbContext db)
    {
        var known = await db.Set<ExchangeRecordKey>().LongCountAsync();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync();
        foreach (var spec in ExchangeSchema.Files.Where(f => f != ExchangeSchema.Organisations && !f.CompositeKey && f.KeyColumn.Property == "ExternalId"))
        {
            var table = db.Model.FindEntityType(spec.EntityType)!.GetTableName();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table} t WHERE t.external_id IS NOT NULL "
                + $"AND EXISTS (SELECT 1 FROM exchange_key_range r WHERE r.file = '{spec.Name}' AND t.id BETWEEN r.first_id AND r.last_id)";
            known += Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return known;
    }

    /// <summary>Sets the producer code of a dataset's manifest (the producer organisation stays), and which files it lists.</summary>
    public static void SetProducer(string folder, string code, IReadOnlyCollection<string>? onlyFiles = null)
    {
        var path = Path.Combine(folder, "manifest.json");
        var manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path))!;
        manifest.Producer.Code = code;
        if (onlyFiles is not null) manifest.Files = manifest.Files.Where(f => onlyFiles.Contains(f.Name)).ToList();
        File.WriteAllText(path, JsonSerializer.Serialize(manifest, Manifest.Json));
    }

    /// <summary>Copies a dataset folder.</summary>
    public static string Copy(string folder)
    {
        var copy = NewFolder();
        foreach (var file in Directory.GetFiles(folder)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }

    /// <summary>Gives the dataset a new id and the row counts and digests of its files as they are now.</summary>
    public static void Reseal(string folder, string? producedAt = null)
    {
        var path = Path.Combine(folder, "manifest.json");
        var manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path))!;
        manifest.DatasetId = Guid.NewGuid().ToString();
        if (producedAt is not null) manifest.ProducedAt = producedAt;
        foreach (var f in manifest.Files)
        {
            var file = Path.Combine(folder, f.Name);
            if (!File.Exists(file)) continue;
            using (var s = File.OpenRead(file)) f.Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(s));
            try
            {
                using var reader = new CsvRecordReader(File.OpenRead(file));
                var fields = new List<string>();
                var rows = -1;
                while (reader.Read(fields)) rows++;
                f.Rows = Math.Max(0, rows);
            }
            catch (CsvSyntaxException)
            {
                // Keep the announced count: the file is broken on purpose.
            }
        }
        File.WriteAllText(path, JsonSerializer.Serialize(manifest, Manifest.Json));
    }

    /// <summary>Rewrites one cell of a CSV file (record <paramref name="line"/>, 1 = header), keeping everything else.</summary>
    public static void SetCell(string folder, string file, int line, string column, string value)
    {
        var path = Path.Combine(folder, file);
        var lines = File.ReadAllText(path).Split("\r\n");
        var header = lines[0].Split(',');
        var index = Array.IndexOf(header, column);
        var cells = lines[line - 1].Split(',');
        cells[index] = value;
        lines[line - 1] = string.Join(',', cells);
        File.WriteAllText(path, string.Join("\r\n", lines));
    }

    /// <summary>The lines of a CSV file (header first, CRLF endings, no empty last line).</summary>
    public static List<string> Lines(string folder, string file) =>
        File.ReadAllText(Path.Combine(folder, file)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>
    /// Appends records at the end of a CSV file and reseals the manifest; returns the file line number (1 = header) of
    /// the last one appended.
    /// </summary>
    public static int AppendRows(string folder, string file, params string[] rows)
    {
        var lines = Lines(folder, file);
        lines.AddRange(rows);
        File.WriteAllText(Path.Combine(folder, file), string.Join("\r\n", lines) + "\r\n");
        Reseal(folder);
        return lines.Count;
    }

    public static void AssertSameFiles(string expected, string actual)
    {
        foreach (var file in Directory.GetFiles(expected, "*.csv"))
        {
            var name = Path.GetFileName(file);
            var a = File.ReadAllLines(file).Order(StringComparer.Ordinal).ToList();
            var b = File.ReadAllLines(Path.Combine(actual, name)).Order(StringComparer.Ordinal).ToList();
            Assert.True(a.SequenceEqual(b), $"{name} differs: {string.Join(" | ", a.Except(b).Take(3))} ≠ {string.Join(" | ", b.Except(a).Take(3))}");
        }
    }
}
