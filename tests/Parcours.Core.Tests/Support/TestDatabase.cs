using Microsoft.Data.Sqlite;
using Parcours.Core.Data;
using Parcours.TestCommon;

namespace Parcours.Core.Tests.Support;

/// <summary>Fresh, empty databases for tests: SQLite files in a temporary folder, or PostgreSQL databases of the test server.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _folder;

    private TestDatabase(DatabaseEngine engine)
    {
        Engine = engine;
        if (engine == DatabaseEngine.Sqlite)
        {
            _folder = Path.Combine(Path.GetTempPath(), $"parcours-tests-{Guid.NewGuid():N}");
            Directory.CreateDirectory(_folder);
        }
    }

    public DatabaseEngine Engine { get; }

    public static TestDatabase Sqlite() => new(DatabaseEngine.Sqlite);

    public static TestDatabase Postgres() => new(DatabaseEngine.Postgres);

    /// <summary>A new empty database (no table at all).</summary>
    public DatabaseTarget NewEmpty(string prefix) => Engine == DatabaseEngine.Sqlite
        ? new DatabaseTarget(DatabaseEngine.Sqlite, $"Data Source={Path.Combine(_folder!, $"{prefix}-{Guid.NewGuid():N}.db")}")
        : new DatabaseTarget(DatabaseEngine.Postgres, PostgresTestServer.ConnectionStringForNewDatabase(prefix));

    public void Dispose()
    {
        if (_folder is null) return;
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere: the folder is in the temporary directory anyway.
        }
    }
}
