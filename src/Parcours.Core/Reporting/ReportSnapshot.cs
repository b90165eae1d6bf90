using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Parcours.Core.Data;

namespace Parcours.Core.Reporting;

/// <summary>
/// Runs the queries of one report in one read-only transaction, so that every table of the report and its checks see
/// the same snapshot of the records (a pathway closed while the report runs cannot be counted in one table and not in
/// the next). On PostgreSQL the transaction is REPEATABLE READ and turns JIT compilation off: the report's queries are
/// short aggregates over a few hundred thousand rows, for which compiling the expressions costs more than it saves.
/// A caller that already holds a transaction keeps it.
/// </summary>
internal sealed class ReportSnapshot : IAsyncDisposable
{
    private readonly ParcoursDbContext _db;
    private readonly IDbContextTransaction? _transaction;
    private readonly ParcoursDbContext? _closeAfter;
    private readonly string? _exported;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    private ReportSnapshot(ParcoursDbContext db, IDbContextTransaction? transaction, ParcoursDbContext? closeAfter = null, string? exported = null)
    {
        _db = db;
        _transaction = transaction;
        _closeAfter = closeAfter;
        _exported = exported;
    }

    public static async Task<ReportSnapshot> BeginAsync(ParcoursDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return new ReportSnapshot(db, null);
        if (db.Engine == DatabaseEngine.Postgres)
        {
            var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY; SET LOCAL jit = off", ct);
            var exported = await db.Database.SqlQueryRaw<string>("SELECT pg_export_snapshot() AS \"Value\"").SingleAsync(ct);
            if (!exported.All(c => char.IsAsciiHexDigit(c) || c == '-'))
                throw new InvalidOperationException("Unexpected snapshot id from PostgreSQL.");
            return new ReportSnapshot(db, transaction, exported: exported);
        }
        // SQLite: a deferred transaction reads one snapshot of the file from its first read to its end and, unlike
        // the default BEGIN IMMEDIATE, takes no write lock.
        await db.Database.OpenConnectionAsync(ct);
        var sqlite = (SqliteConnection)db.Database.GetDbConnection();
        var deferred = sqlite.BeginTransaction(deferred: true);
        return new ReportSnapshot(db, await db.Database.UseTransactionAsync(deferred, ct), db);
    }

    /// <summary>
    /// Runs one query of the report in the snapshot. On PostgreSQL the query gets a context and a connection of its
    /// own whose transaction imports the report's snapshot (<c>SET TRANSACTION SNAPSHOT</c>, as parallel pg_dump does),
    /// so that the large queries of a report run at the same time and still see the same records. Elsewhere (SQLite,
    /// or a caller's own transaction) the queries run one after the other on the report's context.
    /// </summary>
    public Task<T> RunAsync<T>(Func<ParcoursDbContext, Task<T>> query, CancellationToken ct) => RunAsync(query, null, ct);

    /// <summary>
    /// As <see cref="RunAsync{T}(Func{ParcoursDbContext, Task{T}}, CancellationToken)"/>, with planner settings for this
    /// query alone on PostgreSQL (<paramref name="postgresSettings"/>, SET LOCAL statements; a constant of the caller).
    /// </summary>
    public async Task<T> RunAsync<T>(Func<ParcoursDbContext, Task<T>> query, string? postgresSettings, CancellationToken ct)
    {
        if (_exported is null)
        {
            await _oneAtATime.WaitAsync(ct);
            try { return await query(_db); }
            finally { _oneAtATime.Release(); }
        }
        await using var sibling = _db.Sibling();
        await using var transaction = await sibling.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        // A utility statement takes no parameter; the id comes from the server and is checked to be hex and dashes.
        var sql = "SET TRANSACTION READ ONLY; SET TRANSACTION SNAPSHOT '" + _exported + "'; SET LOCAL jit = off; " + postgresSettings;
        await sibling.Database.ExecuteSqlRawAsync(sql, ct);
        return await query(sibling);
    }

    public async ValueTask DisposeAsync()
    {
        _oneAtATime.Dispose();
        if (_transaction is null) return;
        await _transaction.RollbackAsync(); // read only: nothing to keep
        await _transaction.DisposeAsync();
        if (_closeAfter is not null) await _closeAfter.Database.CloseConnectionAsync();
    }
}
