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
/// both (median over --runs, after one warm-up run each).
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
        var command = new Command("consolidation", "Compare le temps de la consolidation à une requête SQL écrite à la main qui ne calcule que les flux.") { year, runs };
        command.SetAction(async (parse, ct) =>
        {
            var y = parse.GetValue(year);
            var n = Math.Max(1, parse.GetValue(runs));
            var target = CliOptions.Target(parse);
            await using (var db = CliOptions.Open(parse, "bench"))
                Console.Out.WriteLine($"{target.Describe()} : {await db.Pathways.CountAsync(ct):N0} parcours, {await db.Steps.CountAsync(ct):N0} étapes ; année {y} ; {n} mesures.");

            long entries = 0;
            var engine = await MeasureAsync(n, async () =>
            {
                await using var db = ParcoursDatabase.Open(target, AccessScope.System("cli:bench"));
                var result = await new ConsolidationReport(db).ComputeAsync(y, null, ct);
                entries = (long)result.Table("flows")["ENTREES", "TOTAL"]!.Value;
            });
            long handEntries = 0;
            var hand = await MeasureAsync(n, async () =>
            {
                await using var db = ParcoursDatabase.Open(target, AccessScope.System("cli:bench"));
                handEntries = await HandWrittenEntriesAsync(db, y, ct);
            });
            Console.Out.WriteLine($"moteur (flux, taux, durées, étapes, contrôles) : médiane {engine:N0} ms");
            Console.Out.WriteLine($"SQL écrit à la main (flux seuls, une passe)   : médiane {hand:N0} ms");
            Console.Out.WriteLine($"rapport moteur / SQL : {engine / hand:N2} ; entrées {entries:N0} (moteur) = {handEntries:N0} (SQL)");
            return entries == handEntries ? 0 : 1;
        });
        return command;
    }

    private static async Task<double> MeasureAsync(int runs, Func<Task> run)
    {
        await run();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

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
