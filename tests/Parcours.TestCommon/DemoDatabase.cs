using Microsoft.Data.Sqlite;
using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.Core.ReferenceData;
using Parcours.Core.Synthetic;

namespace Parcours.TestCommon;

/// <summary>
/// The demo database of a test run: ONE SQLite file, migrated and filled by the synthetic generator
/// (400 participants, seed 7, data as of <see cref="Today"/>), built the first time a test asks for it
/// and shared by every test of the process. <see cref="Path"/> is for tests that only read;
/// a test that writes takes its own <see cref="CreateCopy"/> (a file copy: cheap).
/// Everything lives in a temporary folder removed when the process ends.
/// </summary>
public sealed class DemoDatabase
{
    public const int Participants = 400;
    public const int Seed = 7;
    public const string Password = "parcours-demo";

    /// <summary>The «today» of the generated data: fixed, so that every run sees the same data.</summary>
    public static readonly DateOnly Today = new(2026, 6, 30);

    private static readonly Lazy<Task<DemoDatabase>> Instance = new(() => Task.Run(BuildAsync));
    private readonly string _template;
    private int _copies;

    private DemoDatabase(string folder, string template, string path)
    {
        Folder = folder;
        _template = template;
        Path = path;
    }

    /// <summary>The shared database, built on first use (thread-safe).</summary>
    public static Task<DemoDatabase> GetAsync() => Instance.Value;

    /// <summary>Temporary folder of the run's database files.</summary>
    public string Folder { get; }

    /// <summary>The shared read-only database: a SQLite file path, usable as <c>Parcours:Database</c> or <c>--db</c>.</summary>
    public string Path { get; }

    /// <summary>A fresh copy of the generated database, for a test that writes.</summary>
    public string CreateCopy(string name = "copy")
    {
        var path = System.IO.Path.Combine(Folder, $"{name}-{Interlocked.Increment(ref _copies)}.db");
        File.Copy(_template, path);
        return path;
    }

    /// <summary>An unrestricted context (no access scope) on a database, to pick test data or check what a request changed.</summary>
    public static ParcoursDbContext Open(string database) =>
        ParcoursDatabase.Open(DatabaseTarget.Parse(database), AccessScope.System("tests"));

    /// <summary>
    /// Migrates a database (SQLite path or PostgreSQL connection string) and fills it like
    /// <c>parcours generate</c> does, with a fixed «today».
    /// </summary>
    public static async Task<GenerationReport> GenerateAsync(string database, int participants, int seed, CancellationToken ct = default)
    {
        await using var db = Open(database);
        await new DatabaseMigrator(db).MigrateAsync(ct);
        // As src/Parcours.Cli/Commands/GenerateCommand.cs does.
        var communes = CommuneCatalog.Default.All
            .Select(c => new SyntheticCommune(c.InseeCode, c.Name, c.PostalCodes.FirstOrDefault() ?? "", c.DepartementCode, c.Population ?? 0))
            .ToList();
        var options = GeneratorOptions.For(participants, seed, from: null, to: null, today: Today);
        return await new SyntheticDataGenerator(db, communes).GenerateAsync(options, progress: null, ct);
    }

    private static async Task<DemoDatabase> BuildAsync()
    {
        var folder = Directory.CreateTempSubdirectory("parcours-demo-db-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the folder is in the temporary directory anyway.
            }
        };

        var template = System.IO.Path.Combine(folder, "template.db");
        await GenerateAsync(template, Participants, Seed);
        // Fold the write-ahead log into the file, so that a plain file copy holds everything.
        await using (var connection = new SqliteConnection($"Data Source={template}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();

        var shared = System.IO.Path.Combine(folder, "shared.db");
        File.Copy(template, shared);
        return new DemoDatabase(folder, template, shared);
    }
}
