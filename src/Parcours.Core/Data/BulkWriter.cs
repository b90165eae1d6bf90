using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

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

    /// <summary>
    /// Binary COPY with the rows encoded by <see cref="PgBinaryRowWriter"/> (typed reads, converters inlined) and sent in
    /// chunks through Npgsql's raw COPY stream: the value-by-value importer of Npgsql (a parameter, a boxing and a
    /// converter lookup per value) was the largest client cost of large loads.
    /// </summary>
    private static async Task CopyAsync<T>(NpgsqlConnection connection, IEntityType entity, List<IProperty> columns, IReadOnlyCollection<T> rows, CancellationToken ct)
    {
        var write = PgBinaryRowWriter.For(entity, columns);
        var sql = $"COPY {entity.GetTableName()} ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName()}\""))}) FROM STDIN (FORMAT BINARY)";
        var buffer = new PgBinaryCopyBuffer(ChunkBytes + (ChunkBytes >> 2));
        await using var stream = await connection.BeginRawBinaryCopyAsync(sql, ct);
        try
        {
            foreach (var row in rows)
            {
                write(row!, buffer);
                if (buffer.Length < ChunkBytes) continue;
                await stream.WriteAsync(buffer.Written, ct);
                buffer.Clear();
            }
            buffer.EndOfData();
            await stream.WriteAsync(buffer.Written, ct);
        }
        catch
        {
            // Ending the stream would complete the COPY with the rows sent so far: cancel it instead.
            await stream.CancelAsync();
            throw;
        }
    }

    /// <summary>Bytes encoded before they are sent: large enough to make writes cheap, small beside a batch.</summary>
    private const int ChunkBytes = 256 * 1024;

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
}
