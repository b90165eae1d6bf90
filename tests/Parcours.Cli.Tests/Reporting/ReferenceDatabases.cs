using Microsoft.Data.Sqlite;
using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.TestCommon;
using Parcours.TestCommon.Reporting;

namespace Parcours.Cli.Tests.Reporting;

/// <summary>
/// A temporary folder of databases holding the reference dataset <c>plie-2024</c> (Parcours.Core.Tests/Reporting),
/// for the tests that run the report commands as a user would.
/// </summary>
public abstract class ReferenceDatabases : IDisposable
{
    protected readonly string Folder = Directory.CreateTempSubdirectory("parcours-cli-report-tests-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>A SQLite file of the folder with the dataset loaded; returns its path, the value of <c>--db</c>.</summary>
    protected Task<string> ReferenceDatabaseAsync(string name) => ReferenceDatabaseAsync(name, DatabaseEngine.Sqlite);

    /// <summary>
    /// A migrated database with the dataset loaded, on SQLite (a file of the folder) or on the test PostgreSQL server
    /// (a new database); returns the value of <c>--db</c>.
    /// </summary>
    protected async Task<string> ReferenceDatabaseAsync(string name, DatabaseEngine engine)
    {
        var target = engine == DatabaseEngine.Sqlite
            ? new DatabaseTarget(DatabaseEngine.Sqlite, $"Data Source={Path.Combine(Folder, name)}")
            : new DatabaseTarget(DatabaseEngine.Postgres, PostgresTestServer.ConnectionStringForNewDatabase(Path.GetFileNameWithoutExtension(name)));
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test"))) await new DatabaseMigrator(db).MigrateAsync();
        await DatasetLoader.LoadAsync(target, DatasetLoader.Folder("plie-2024"));
        return engine == DatabaseEngine.Sqlite ? Path.Combine(Folder, name) : target.ConnectionString;
    }
}
