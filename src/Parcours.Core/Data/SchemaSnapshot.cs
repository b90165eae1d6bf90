using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Parcours.Core.Data;

/// <summary>
/// A sorted, engine-neutral description of the tables, columns, indexes and foreign keys of a live database.
/// Two databases with the same snapshot have the same schema; used to prove that the migrations produce the model.
/// </summary>
public static class SchemaSnapshot
{
    public static async Task<IReadOnlyList<string>> ReadAsync(ParcoursDbContext db, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        var lines = db.Engine == DatabaseEngine.Sqlite ? await ReadSqliteAsync(connection, ct) : await ReadPostgresAsync(connection, ct);
        return lines.Where(l => !l.Contains(DatabaseMigrator.HistoryTable, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string>> ReadSqliteAsync(DbConnection c, CancellationToken ct)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(c, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'", ct);
        foreach (var t in tables.Select(r => r[0]!))
        {
            foreach (var col in await QueryAsync(c, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{t}')", ct))
                lines.Add($"column {t}.{col[0]} {col[1]!.ToUpperInvariant()} {(col[2] == "1" ? "NOT NULL" : "NULL")}{(col[3] != "0" ? " PK" : "")}");
            foreach (var ix in await QueryAsync(c, $"SELECT name, \"unique\", origin FROM pragma_index_list('{t}')", ct))
            {
                if (ix[2] == "pk") continue;
                var cols = await QueryAsync(c, $"SELECT name FROM pragma_index_info('{ix[0]}') ORDER BY seqno", ct);
                lines.Add($"index {t}.{ix[0]} ({string.Join(",", cols.Select(x => x[0]))}){(ix[1] == "1" ? " UNIQUE" : "")}");
            }
            foreach (var fk in await QueryAsync(c, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{t}')", ct))
                lines.Add($"fk {t}.{fk[1]} -> {fk[0]}.{fk[2]} ON DELETE {fk[3]}");
        }
        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(DbConnection c, CancellationToken ct)
    {
        var lines = new List<string>();
        foreach (var col in await QueryAsync(c, """
            SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, coalesce(c.character_maximum_length::text, ''),
                   coalesce(c.numeric_precision::text, ''), coalesce(c.numeric_scale::text, ''), c.is_identity
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema = current_schema()
            """, ct))
            lines.Add($"column {col[0]}.{col[1]} {col[2]}({col[4]},{col[5]},{col[6]}) {(col[3] == "YES" ? "NULL" : "NOT NULL")}{(col[7] == "YES" ? " IDENTITY" : "")}");
        foreach (var ix in await QueryAsync(c, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()", ct))
            lines.Add($"index {ix[0]}.{ix[1]} {ix[2]}");
        foreach (var fk in await QueryAsync(c, """
            SELECT tc.table_name, kcu.column_name, ccu.table_name, ccu.column_name, rc.delete_rule
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu ON tc.constraint_name = kcu.constraint_name AND tc.table_schema = kcu.table_schema
            JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
            JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name AND rc.constraint_schema = tc.table_schema
            WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()
            """, ct))
            lines.Add($"fk {fk[0]}.{fk[1]} -> {fk[2]}.{fk[3]} ON DELETE {fk[4]}");
        return lines;
    }

    private static async Task<List<string?[]>> QueryAsync(DbConnection c, string sql, CancellationToken ct)
    {
        var rows = new List<string?[]>();
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(row);
        }
        return rows;
    }
}
