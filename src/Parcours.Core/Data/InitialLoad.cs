using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Parcours.Core.Data;

/// <summary>
/// The initial load of large empty tables on PostgreSQL, done the way the PostgreSQL documentation advises for
/// populating a database: inside the writer's transaction, the secondary indexes, foreign keys (and unreferenced primary keys) of the
/// tables that are empty and about to receive many rows are dropped, the rows are copied, then the indexes are rebuilt (one sort
/// each instead of one b-tree insertion per row) and the foreign keys added back (one set-based validation each
/// instead of one trigger query per row). DDL is transactional on PostgreSQL: a failure anywhere rolls the whole
/// load back, definitions included. The tables stay locked (ACCESS EXCLUSIVE) until the transaction ends, which is
/// harmless for tables that were empty. SQLite gets nothing from it (its inserts are already local) and is left alone.
/// The definitions are read from the catalog, so they are rebuilt exactly as the migrations made them.
/// </summary>
public sealed class InitialLoad
{
    /// <summary>Below this many incoming rows, maintaining the indexes row by row is cheaper than rebuilding them.</summary>
    public const long MinimumRows = 20_000;

    private readonly List<(string Table, string Name, string Definition)> _indexes = [];
    private readonly List<(string Table, string Name, string Definition)> _foreignKeys = [];
    private readonly List<(string Table, string Name, string Definition)> _keys = [];
    private readonly List<string> _tables = [];

    private InitialLoad() { }

    public IReadOnlyList<string> Tables => _tables;

    /// <summary>
    /// Prepares the tables of <paramref name="incoming"/> (table name → rows about to be written) that are empty and
    /// receive at least <paramref name="minimumRows"/> rows (<see cref="MinimumRows"/> by default). Needs the transaction of the load to be open.
    /// Returns an empty scope on SQLite or when no table qualifies.
    /// </summary>
    public static async Task<InitialLoad> BeginAsync(ParcoursDbContext db, IReadOnlyDictionary<string, long> incoming,
        long minimumRows, CancellationToken ct)
    {
        var load = new InitialLoad();
        if (db.Engine != DatabaseEngine.Postgres || db.Database.CurrentTransaction is null) return load;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction.GetDbTransaction();
        foreach (var (table, rows) in incoming)
        {
            if (rows < minimumRows) continue;
            if (await ScalarAsync(connection, transaction, $"SELECT EXISTS (SELECT 1 FROM {Quote(table)})", ct) is true) continue;
            load._tables.Add(table);
            await using (var command = Command(connection, transaction, """
                SELECT c.conname, pg_get_constraintdef(c.oid)
                FROM pg_constraint c
                WHERE c.conrelid = to_regclass(@table) AND c.contype = 'f'
                ORDER BY c.conname
                """, ("@table", table)))
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) load._foreignKeys.Add((table, reader.GetString(0), reader.GetString(1)));
            // Primary and unique keys go too when no foreign key anywhere points at the table (the key map of the exchange
            // format, appointments...); a referenced key stays, the foreign keys added back at the end need it.
            await using (var command = Command(connection, transaction, """
                SELECT c.conname, pg_get_constraintdef(c.oid)
                FROM pg_constraint c
                WHERE c.conrelid = to_regclass(@table) AND c.contype IN ('p', 'u')
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = c.conrelid)
                ORDER BY c.conname
                """, ("@table", table)))
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) load._keys.Add((table, reader.GetString(0), reader.GetString(1)));
            // Secondary indexes (not backing a constraint).
            await using (var command = Command(connection, transaction, """
                SELECT i.indexname, i.indexdef
                FROM pg_indexes i
                WHERE i.schemaname = current_schema() AND i.tablename = @table
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = to_regclass(quote_ident(i.indexname)) AND c.contype IN ('p', 'u', 'x'))
                ORDER BY i.indexname
                """, ("@table", table)))
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) load._indexes.Add((table, reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (table, name, _) in load._foreignKeys)
            await ExecuteAsync(connection, transaction, $"ALTER TABLE {Quote(table)} DROP CONSTRAINT {Quote(name)}", ct);
        foreach (var (_, name, _) in load._indexes)
            await ExecuteAsync(connection, transaction, $"DROP INDEX {Quote(name)}", ct);
        foreach (var (table, name, _) in load._keys)
            await ExecuteAsync(connection, transaction, $"ALTER TABLE {Quote(table)} DROP CONSTRAINT {Quote(name)}", ct);
        return load;
    }

    private readonly HashSet<string> _completed = [];

    /// <summary>
    /// Rebuilds the keys and indexes, then adds the foreign keys back (validating every row), then refreshes statistics:
    /// of the tables given (those whose rows are all written; the others are left for a later call), or of every table
    /// not completed yet when <paramref name="tables"/> is null. A foreign key is added back with its table: the keys it
    /// points at were never dropped.
    /// </summary>
    public async Task CompleteAsync(ParcoursDbContext db, IReadOnlyCollection<string>? tables, CancellationToken ct)
    {
        var now = _tables.Where(t => !_completed.Contains(t) && (tables is null || tables.Contains(t))).ToHashSet();
        if (now.Count == 0) return;
        _completed.UnionWith(now);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        await ExecuteAsync(connection, transaction, "SET LOCAL maintenance_work_mem = '256MB'", ct);
        foreach (var (table, name, definition) in _keys.Where(k => now.Contains(k.Table)))
            await ExecuteAsync(connection, transaction, $"ALTER TABLE {Quote(table)} ADD CONSTRAINT {Quote(name)} {definition}", ct);
        foreach (var (_, _, definition) in _indexes.Where(i => now.Contains(i.Table))) await ExecuteAsync(connection, transaction, definition, ct);
        foreach (var (table, name, definition) in _foreignKeys.Where(f => now.Contains(f.Table)))
            await ExecuteAsync(connection, transaction, $"ALTER TABLE {Quote(table)} ADD CONSTRAINT {Quote(name)} {definition}", ct);
        foreach (var table in _tables.Where(now.Contains)) await ExecuteAsync(connection, transaction, $"ANALYZE {Quote(table)}", ct);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters) command.Parameters.Add(new NpgsqlParameter(name, value));
        return command;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}
