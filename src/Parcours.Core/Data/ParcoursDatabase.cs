using Microsoft.EntityFrameworkCore;
using Parcours.Core.Access;

namespace Parcours.Core.Data;

/// <summary>Builds contexts for a <see cref="DatabaseTarget"/>; shared by the web host, the CLI and the tests.</summary>
public static class ParcoursDatabase
{
    public static void Configure(DbContextOptionsBuilder options, DatabaseTarget target)
    {
        // PARCOURS_LOG_SQL=1 prints every SQL command with its duration on stderr (for developers).
        if (Environment.GetEnvironmentVariable("PARCOURS_LOG_SQL") == "1")
            options.LogTo(Console.Error.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]);
        if (target.Engine == DatabaseEngine.Postgres)
            options.UseNpgsql(target.ConnectionString, o => o.CommandTimeout(600));
        else
            options.UseSqlite(target.ConnectionString, o => o.CommandTimeout(600));
    }

    public static ParcoursDbContext Open(DatabaseTarget target, AccessScope scope, TimeProvider? clock = null)
    {
        var builder = new DbContextOptionsBuilder<ParcoursDbContext>();
        Configure(builder, target);
        return new ParcoursDbContext(builder.Options, scope, clock ?? TimeProvider.System);
    }

    /// <summary>The SQL that creates the current model from scratch on an engine: the starting point of a new migration.</summary>
    public static string CreateScript(DatabaseEngine engine)
    {
        var target = engine == DatabaseEngine.Postgres
            ? new DatabaseTarget(engine, "Host=localhost;Database=parcours")
            : new DatabaseTarget(engine, "Data Source=:memory:");
        using var db = Open(target, AccessScope.System("script"));
        return db.Database.GenerateCreateScript();
    }
}
