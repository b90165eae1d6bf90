using System.CommandLine;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.Core.Reporting;
using Parcours.Domain.CodeLists;

namespace Parcours.Cli.Commands;

/// <summary>
/// <c>parcours bench consolidation</c>: times the consolidation engine (flows, rates, durations, steps and every check)
/// against a hand-written single-pass SQL query that computes only the flow counts over the same tables, and prints
/// both: medians over --runs alternating runs of each, after --warmup runs of each that are not counted.
/// </summary>
public static class ReportBenchCommand
{
    /// <summary>One pass over the PLIE pathways of the year, grouped by the raw codes at entry: the flows and nothing else.</summary>
    public const string HandWrittenFlowsSql = """
        SELECT p.participant_sex,
               CASE WHEN p.age_at_entry IS NULL THEN 0 WHEN p.age_at_entry < 26 THEN 1 ELSE 2 END AS age_class,
               p.th_rqth, p.public_category, p.education_level_1969, p.education_level, p.exit_reason,
               SUM(CASE WHEN p.entry_date >= @start AND p.entry_date <= @end THEN 1 ELSE 0 END) AS entries,
               SUM(CASE WHEN p.entry_date < @start AND (p.exit_date IS NULL OR p.exit_date >= @start) THEN 1 ELSE 0 END) AS carry_over,
               SUM(CASE WHEN p.exit_date >= @start AND p.exit_date <= @end THEN 1 ELSE 0 END) AS exits
        FROM pathways_pathway p
        WHERE p.scheme = 'PLIE'
          AND ((p.entry_date <= @end AND (p.exit_date IS NULL OR p.exit_date >= @start))
               OR (p.exit_date >= @start AND p.exit_date <= @end))
        GROUP BY p.participant_sex, CASE WHEN p.age_at_entry IS NULL THEN 0 WHEN p.age_at_entry < 26 THEN 1 ELSE 2 END,
                 p.th_rqth, p.public_category, p.education_level_1969, p.education_level, p.exit_reason
        """;

    public static Command Create()
    {
        var year = new Option<int>("--year") { Description = "Année de la consolidation.", DefaultValueFactory = _ => DateTime.Today.Year - 1 };
        var runs = new Option<int>("--runs") { Description = "Nombre de mesures.", DefaultValueFactory = _ => 5 };
        var warmup = new Option<int>("--warmup") { Description = "Mesures de mise en route, non comptées (compilation du code, cache du serveur).", DefaultValueFactory = _ => 5 };
        var command = new Command("consolidation", "Compare le temps de la consolidation à une requête SQL écrite à la main qui ne calcule que les flux.") { year, runs, warmup };
        command.SetAction(async (parse, ct) =>
        {
            var y = parse.GetValue(year);
            var n = Math.Max(1, parse.GetValue(runs));
            var w = Math.Max(0, parse.GetValue(warmup));
            var target = CliOptions.Target(parse);
            await using (var db = CliOptions.Open(parse, "bench"))
            {
                Console.Out.WriteLine($"{target.Describe()} : {await db.Pathways.CountAsync(ct):N0} parcours, {await db.Steps.CountAsync(ct):N0} étapes ; année {y} ; {w} mesures de mise en route, {n} mesures.");
                if (await ServerMemoryAsync(db, ct) is { } memory) Console.Out.WriteLine(memory);
            }

            long entries = 0, handEntries = 0;
            var engineCpu = new List<double>();
            async Task<double> Engine()
            {
                await using var db = ParcoursDatabase.Open(target, AccessScope.System("cli:bench"));
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var result = await new ConsolidationReport(db).ComputeAsync(y, null, ct);
                var elapsed = watch.Elapsed.TotalMilliseconds;
                engineCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
                entries = (long)result.Table("flows")["ENTREES", "TOTAL"]!.Value;
                return elapsed;
            }
            async Task<double> Hand()
            {
                await using var db = ParcoursDatabase.Open(target, AccessScope.System("cli:bench"));
                var watch = Stopwatch.StartNew();
                handEntries = await HandWrittenEntriesAsync(db, y, ct);
                return watch.Elapsed.TotalMilliseconds;
            }

            // Warm-up: the first runs compile the engine's code (tiered JIT) and fill the server's cache; a server
            // process that has run a few reports is in the state the later runs measure.
            for (var i = 0; i < w; i++) { await Engine(); await Hand(); }
            // The measured runs alternate engine and hand-written query, so that a slower minute of the machine weighs
            // on both alike; each pair gives a ratio.
            engineCpu.Clear();
            var engineTimes = new List<double>();
            var handTimes = new List<double>();
            var ratios = new List<double>();
            for (var i = 0; i < n; i++)
            {
                var e = await Engine();
                var h = await Hand();
                engineTimes.Add(e);
                handTimes.Add(h);
                ratios.Add(e / h);
            }
            Console.Out.WriteLine($"moteur (flux, taux, durées, étapes, contrôles) : médiane {Median(engineTimes):N0} ms (de {engineTimes.Min():N0} à {engineTimes.Max():N0}) ; temps processeur de ce processus (client) : médiane {Median(engineCpu):N0} ms");
            Console.Out.WriteLine($"SQL écrit à la main (flux seuls, une passe)   : médiane {Median(handTimes):N0} ms (de {handTimes.Min():N0} à {handTimes.Max():N0})");
            Console.Out.WriteLine($"rapport moteur / SQL : {Median(engineTimes) / Median(handTimes):N2} (rapport des médianes) ; {Median(ratios):N2} (médiane des rapports par paire) ; entrées {entries:N0} (moteur) = {handEntries:N0} (SQL)");
            return entries == handEntries ? 0 : 1;
        });
        return command;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>
    /// On PostgreSQL, the server's shared buffers against the size of what the consolidation reads (the pathways with all
    /// their indexes, and the steps' rows): when they do not fit, every run reads part of them again from the operating
    /// system's cache, which costs CPU (docs/reporting.md, Benchmark).
    /// </summary>
    private static async Task<string?> ServerMemoryAsync(ParcoursDbContext db, CancellationToken ct)
    {
        if (db.Engine != DatabaseEngine.Postgres) return null;
        var row = await db.Database.SqlQueryRaw<ServerMemory>("""
            SELECT current_setting('shared_buffers') AS "SharedBuffers",
                   (SELECT setting::bigint * 8192 FROM pg_settings WHERE name = 'shared_buffers') AS "SharedBytes",
                   pg_total_relation_size('pathways_pathway') + pg_relation_size('pathways_step') AS "ReadBytes"
            """).SingleAsync(ct);
        var fits = row.SharedBytes >= row.ReadBytes;
        return $"PostgreSQL : shared_buffers {row.SharedBuffers} ; parcours (avec index) et étapes : {row.ReadBytes / 1048576.0:N0} Mo"
            + (fits ? "." : " : ils ne tiennent pas en mémoire partagée, chaque mesure en relit une partie (voir docs/reporting.md).");
    }

    private sealed record ServerMemory(string SharedBuffers, long SharedBytes, long ReadBytes);

    private static async Task<long> HandWrittenEntriesAsync(ParcoursDbContext db, int year, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = HandWrittenFlowsSql;
        Add(command, "@start", new DateOnly(year, 1, 1));
        Add(command, "@end", new DateOnly(year, 12, 31));
        long entries = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) entries += Convert.ToInt64(reader.GetValue(7), System.Globalization.CultureInfo.InvariantCulture);
        return entries;
    }

    private static void Add(System.Data.Common.DbCommand command, string name, DateOnly value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        // SQLite stores dates as 'yyyy-MM-dd' text; PostgreSQL takes a date.
        parameter.Value = command.Connection is Npgsql.NpgsqlConnection ? value : value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        command.Parameters.Add(parameter);
    }
}
