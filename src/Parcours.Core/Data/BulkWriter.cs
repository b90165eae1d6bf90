using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Parcours.Core.Data;

/// <summary>
/// Writes many rows fast, with the mapping of the EF Core model (table, columns, code conversions) but without the
/// change tracker: prepared INSERTs in one transaction on SQLite, binary COPY on PostgreSQL. Ids are assigned by the
/// caller (<see cref="NextIdsAsync"/>), so that a whole graph can be written without reading ids back.
/// Used for bulk loads (synthetic data, imports); bypasses the per-row audit, so callers write a summary entry.
/// </summary>
public sealed class BulkWriter(ParcoursDbContext db)
{
    /// <summary>The next free id of each table, read once then advanced locally.</summary>
    private readonly Dictionary<Type, long> _nextIds = [];

    public Task<long> NextIdsAsync<T>(int count, CancellationToken ct = default) where T : class => NextIdsFromAsync<T>(count, 1, ct);

    /// <summary>Reserves <paramref name="count"/> ids, from the next free one but not below <paramref name="atLeast"/>.</summary>
    public async Task<long> NextIdsFromAsync<T>(int count, long atLeast, CancellationToken ct = default) where T : class
    {
        if (!_nextIds.TryGetValue(typeof(T), out var next))
        {
            var entity = Entity<T>();
            var connection = await OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT COALESCE(MAX(id), 0) FROM {entity.GetTableName()}";
            next = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) + 1;
        }
        next = Math.Max(next, atLeast);
        _nextIds[typeof(T)] = next + count;
        return next;
    }

    public async Task InsertAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct = default) where T : class
    {
        if (rows.Count == 0) return;
        var entity = Entity<T>();
        var columns = entity.GetProperties().Where(p => p.PropertyInfo is not null).ToList();
        var connection = await OpenAsync(ct);
        if (connection is NpgsqlConnection npgsql) await CopyAsync(npgsql, entity, columns, rows, ct);
        else await InsertSqliteAsync(connection, entity, columns, rows, ct);
    }

    /// <summary>After explicit ids were written, moves PostgreSQL identity sequences past them.</summary>
    public async Task ResetIdentitiesAsync(CancellationToken ct = default)
    {
        if (db.Engine != DatabaseEngine.Postgres) return;
        var connection = await OpenAsync(ct);
        foreach (var type in _nextIds.Keys)
        {
            var table = db.Model.FindEntityType(type)!.GetTableName();
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST((SELECT MAX(id) FROM {table}), 1))";
            await command.ExecuteScalarAsync(ct);
        }
    }

    private IEntityType Entity<T>() => db.Model.FindEntityType(typeof(T))
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the model.");

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        return connection;
    }

    private async Task InsertSqliteAsync<T>(DbConnection connection, IEntityType entity, List<IProperty> columns, IReadOnlyCollection<T> rows, CancellationToken ct)
    {
        var ownTransaction = db.Database.CurrentTransaction is null ? await connection.BeginTransactionAsync(ct) : null;
        var transaction = ownTransaction ?? db.Database.CurrentTransaction!.GetDbTransaction();
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {entity.GetTableName()} ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName()}\""))}) "
                + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
            var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToArray();
            var parameters = new DbParameter[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i] = mappings[i].CreateParameter(command, $"@p{i}", null, columns[i].IsNullable);
                command.Parameters.Add(parameters[i]);
            }
            await command.PrepareAsync(ct);
            var getters = Getters(columns);
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++)
                    parameters[i].Value = ToProvider(mappings[i], getters[i](row!)) ?? DBNull.Value;
                command.ExecuteNonQuery(); // synchronous: Microsoft.Data.Sqlite has no real async I/O, and this is the hot loop
            }
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, IEntityType entity, List<IProperty> columns, IReadOnlyCollection<T> rows, CancellationToken ct)
    {
        var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToArray();
        var types = mappings.Select(m => PostgresType(m.Converter?.ProviderClrType ?? m.ClrType)).ToArray();
        var sql = $"COPY {entity.GetTableName()} ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName()}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(sql, ct);
        var getters = Getters(columns);
        // Synchronous writes in the hot loop: the importer buffers, and per-value async calls cost more than the I/O.
        foreach (var row in rows)
        {
            importer.StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                var value = ToProvider(mappings[i], getters[i](row!));
                // Typed writes: Write<object> would resolve the converter of every value again.
                switch (value)
                {
                    case null: importer.WriteNull(); break;
                    case long l: importer.Write(l, types[i]); break;
                    case int n: importer.Write(n, types[i]); break;
                    case string text: importer.Write(text, types[i]); break;
                    case bool b: importer.Write(b, types[i]); break;
                    case DateOnly date: importer.Write(date, types[i]); break;
                    case DateTime time: importer.Write(time, types[i]); break;
                    case decimal d: importer.Write(d, types[i]); break;
                    case double x: importer.Write(x, types[i]); break;
                    default: importer.Write(value, types[i]); break;
                }
            }
        }
        await importer.CompleteAsync(ct);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<System.Reflection.PropertyInfo, Func<object, object?>> GetterCache = new();

    /// <summary>Compiled property getters (reflection per value was the main cost of large loads).</summary>
    private static Func<object, object?>[] Getters(List<IProperty> columns) => columns.Select(c => GetterCache.GetOrAdd(c.PropertyInfo!, p =>
    {
        var o = System.Linq.Expressions.Expression.Parameter(typeof(object));
        var body = System.Linq.Expressions.Expression.Convert(
            System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Convert(o, p.DeclaringType!), p), typeof(object));
        return System.Linq.Expressions.Expression.Lambda<Func<object, object?>>(body, o).Compile();
    })).ToArray();

    private static object? ToProvider(RelationalTypeMapping mapping, object? value) =>
        value is null ? null : mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;

    private static NpgsqlDbType PostgresType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(long)) return NpgsqlDbType.Bigint;
        if (type == typeof(int)) return NpgsqlDbType.Integer;
        if (type == typeof(string)) return NpgsqlDbType.Text;
        if (type == typeof(bool)) return NpgsqlDbType.Boolean;
        if (type == typeof(DateOnly)) return NpgsqlDbType.Date;
        if (type == typeof(DateTime)) return NpgsqlDbType.TimestampTz;
        if (type == typeof(decimal)) return NpgsqlDbType.Numeric;
        if (type == typeof(double)) return NpgsqlDbType.Double;
        throw new NotSupportedException($"No COPY mapping for {type.Name}.");
    }
}
