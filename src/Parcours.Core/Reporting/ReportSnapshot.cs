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
/// It also prices a random page read at 1.1 sequential reads (the usual setting for SSDs and cached data, instead of
/// the default 4 made for spinning disks): with the default, the tables 8 and 9 join the 50,000 exits of a year to
/// their exit steps by reading all 2.6 million steps instead of 50,000 primary-key lookups (three times slower).
/// A caller that already holds a transaction keeps it.
/// </summary>
internal sealed class ReportSnapshot : IAsyncDisposable
{
    private readonly IDbContextTransaction? _transaction;
    private readonly ParcoursDbContext? _closeAfter;

    private ReportSnapshot(IDbContextTransaction? transaction, ParcoursDbContext? closeAfter = null)
    {
        _transaction = transaction;
        _closeAfter = closeAfter;
    }

    public static async Task<ReportSnapshot> BeginAsync(ParcoursDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return new ReportSnapshot(null);
        if (db.Engine == DatabaseEngine.Postgres)
        {
            var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY; SET LOCAL jit = off; SET LOCAL random_page_cost = 1.1", ct);
            return new ReportSnapshot(transaction);
        }
        // SQLite: a deferred transaction reads one snapshot of the file from its first read to its end and, unlike
        // the default BEGIN IMMEDIATE, takes no write lock.
        await db.Database.OpenConnectionAsync(ct);
        var sqlite = (SqliteConnection)db.Database.GetDbConnection();
        var deferred = sqlite.BeginTransaction(deferred: true);
        return new ReportSnapshot(await db.Database.UseTransactionAsync(deferred, ct), db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is null) return;
        await _transaction.RollbackAsync(); // read only: nothing to keep
        await _transaction.DisposeAsync();
        if (_closeAfter is not null) await _closeAfter.Database.CloseConnectionAsync();
    }
}
