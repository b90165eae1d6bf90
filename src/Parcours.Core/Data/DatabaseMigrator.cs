using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Parcours.Core.Data;

/// <summary>
/// Upgrades a database by applying, in order, the SQL migrations embedded for its engine
/// (Data/Migrations/Sqlite/*.sql and Data/Migrations/Postgres/*.sql, the same names on both).
/// Each migration runs in its own transaction and is recorded in <c>parcours_schema_migration</c>.
/// Why SQL files: the EF Core design-time tooling is not available to this project, and plain scripts keep every
/// schema change readable and reviewable; a test checks that a database upgraded through all of them matches the model.
/// </summary>
public sealed class DatabaseMigrator(ParcoursDbContext db)
{
    public const string HistoryTable = "parcours_schema_migration";

    public static IReadOnlyList<(string Name, string Sql)> Migrations(DatabaseEngine engine)
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        var prefix = $"Parcours.Core.Data.Migrations.{engine}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[prefix.Length..^4], Read(assembly, n)))
            .ToList();
    }

    /// <summary>Applies the missing migrations; returns the names applied.</summary>
    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default) => MigrateThroughAsync(null, ct);

    /// <summary>
    /// Applies the missing migrations up to and including <paramref name="last"/> (all of them when null): an older
    /// schema, for the tests that upgrade a database holding data.
    /// </summary>
    public async Task<IReadOnlyList<string>> MigrateThroughAsync(string? last, CancellationToken ct = default)
    {
        var engine = db.Engine;
        var connection = db.Database.GetDbConnection();
        var wasOpen = connection.State == System.Data.ConnectionState.Open;
        if (!wasOpen) await connection.OpenAsync(ct);
        try
        {
            if (engine == DatabaseEngine.Sqlite) await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", ct);
            var timestampType = engine == DatabaseEngine.Postgres ? "timestamp with time zone" : "TEXT";
            await ExecuteAsync(connection, null,
                $"CREATE TABLE IF NOT EXISTS {HistoryTable} (name varchar(150) NOT NULL PRIMARY KEY, applied_at_utc {timestampType} NOT NULL);", ct);
            var applied = await AppliedAsync(connection, ct);
            var done = new List<string>();
            foreach (var (name, sql) in Migrations(engine))
            {
                if (last is not null && string.CompareOrdinal(name, last) > 0) break;
                if (applied.Contains(name)) continue;
                await using var tx = await connection.BeginTransactionAsync(ct);
                await ExecuteAsync(connection, tx, sql, ct);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = tx;
                    record.CommandText = $"INSERT INTO {HistoryTable} (name, applied_at_utc) VALUES (@name, @at)";
                    AddParameter(record, "@name", name);
                    AddParameter(record, "@at", engine == DatabaseEngine.Postgres ? DateTime.UtcNow : DateTime.UtcNow.ToString("O"));
                    await record.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                done.Add(name);
            }
            return done;
        }
        finally
        {
            if (!wasOpen) await connection.CloseAsync();
        }
    }

    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        var wasOpen = connection.State == System.Data.ConnectionState.Open;
        if (!wasOpen) await connection.OpenAsync(ct);
        try
        {
            HashSet<string> applied;
            try { applied = await AppliedAsync(connection, ct); }
            catch (DbException) { applied = []; }
            return Migrations(db.Engine).Select(m => m.Name).Where(n => !applied.Contains(n)).ToList();
        }
        finally
        {
            if (!wasOpen) await connection.CloseAsync();
        }
    }

    private static async Task<HashSet<string>> AppliedAsync(DbConnection connection, CancellationToken ct)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM {HistoryTable}";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
        return applied;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
