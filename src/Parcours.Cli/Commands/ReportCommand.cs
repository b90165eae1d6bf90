using System.CommandLine;
using System.Text;
using Parcours.Core.Reporting;

namespace Parcours.Cli.Commands;

/// <summary>
/// <c>parcours report …</c>: the reports of the Reporting module, computed by the same engine as the pages and the
/// API. The report goes to standard output (or --output); when a check fails, the failed checks are named on
/// standard error and the command exits with code 3, so a script never publishes an inconsistent table.
/// </summary>
public static class ReportCommand
{
    public const int ChecksFailedExitCode = 3;

    public static Command Create()
    {
        var command = new Command("report", "Calcule un rapport (tableaux et contrôles de cohérence).");
        command.Subcommands.Add(Consolidation());
        command.Subcommands.Add(MonthlyLetter());
        command.Subcommands.Add(FseIndicators());
        command.Subcommands.Add(MultiYear());
        return command;
    }

    /// <summary>The options every report takes: the PLIE to cover, the format and the output file.</summary>
    private sealed class CommonOptions
    {
        public Option<string[]> Organisations { get; } = new("--organisation")
        {
            Description = "Code d'un PLIE (option répétable). Par défaut : tous les PLIE de la base.",
            AllowMultipleArgumentsPerToken = true,
        };

        public Option<string> Format { get; } = CreateFormat();

        public Option<FileInfo?> Output { get; } = new("--output") { Description = "Fichier de sortie (par défaut : la sortie standard)." };

        public void AddTo(Command command)
        {
            command.Options.Add(Organisations);
            command.Options.Add(Format);
            command.Options.Add(Output);
        }

        private static Option<string> CreateFormat()
        {
            var format = new Option<string>("--format") { Description = "Format : json, csv, xlsx, html ou pdf.", DefaultValueFactory = _ => "json" };
            format.AcceptOnlyFromAmong("json", "csv", "xlsx", "html", "pdf");
            return format;
        }

        /// <summary>Computes the report on the database of --db, then writes it; an argument the engine refuses exits 2.</summary>
        public async Task<int> RunAsync(ParseResult parse, Func<Core.Data.ParcoursDbContext, string[]?, Task<ReportResult>> compute,
            Func<ReportResult, string> title, CancellationToken ct)
        {
            ReportResult result;
            try
            {
                await using var db = CliOptions.Open(parse, "report");
                result = await compute(db, parse.GetValue(Organisations) is { Length: > 0 } codes ? codes : null);
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }
            return await WriteAsync(result, parse.GetValue(Format)!, parse.GetValue(Output), title(result), ct);
        }
    }

    private static Command MultiYear()
    {
        var year = new Option<int>("--year") { Description = "Dernière année.", Required = true };
        var years = new Option<int>("--years") { Description = "Nombre d'années (4 par défaut).", DefaultValueFactory = _ => 4 };
        var common = new CommonOptions();
        var command = new Command("consolidation-pluriannuelle", "Flux de plusieurs années (tableau 1BIS) : entrées, sorties positives, sur emploi, sans suite.")
        {
            year, years,
        };
        common.AddTo(command);
        command.SetAction((parse, ct) => common.RunAsync(parse,
            (db, organisations) => new MultiYearFlowsReport(db).ComputeAsync(parse.GetValue(year), parse.GetValue(years), organisations, ct),
            result => $"Flux pluriannuels PLIE jusqu'à {result.Year}", ct));
        return command;
    }

    private static Command FseIndicators()
    {
        var year = new Option<int>("--year") { Description = "Année des indicateurs.", Required = true };
        var common = new CommonOptions();
        var command = new Command("fse-indicators", "Indicateurs FSE des participants (CO01 à CO19, CR01 à CR09) d'une année, par sexe.") { year };
        common.AddTo(command);
        command.SetAction((parse, ct) => common.RunAsync(parse,
            (db, organisations) => new FseIndicatorsReport(db).ComputeAsync(parse.GetValue(year), organisations, ct),
            result => $"Indicateurs FSE {result.Year}", ct));
        return command;
    }

    private static Command MonthlyLetter()
    {
        var month = new Option<string>("--month") { Description = "Mois de la lettre, au format AAAA-MM.", Required = true };
        var common = new CommonOptions();
        var command = new Command("lettre-mensuelle", "Lettre mensuelle d'information du PLIE : prescriptions, entrées, file active, étapes, sorties.") { month };
        common.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(month) + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var first))
            {
                await Console.Error.WriteLineAsync("Erreur : --month doit être au format AAAA-MM, par exemple 2024-06.");
                return 2;
            }
            return await common.RunAsync(parse,
                (db, organisations) => new MonthlyLetterReport(db).ComputeAsync(first.Year, first.Month, organisations, ct),
                _ => $"Lettre mensuelle d'information — {first:MM/yyyy}", ct);
        });
        return command;
    }

    private static Command Consolidation()
    {
        var year = new Option<int>("--year") { Description = "Année de la consolidation.", Required = true };
        var common = new CommonOptions();
        var command = new Command("consolidation", "Consolidation nationale PLIE d'une année : flux, taux, durées, étapes.") { year };
        common.AddTo(command);
        command.SetAction((parse, ct) => common.RunAsync(parse,
            (db, organisations) => new ConsolidationReport(db).ComputeAsync(parse.GetValue(year), organisations, ct),
            result => $"Consolidation PLIE {result.Year}", ct));
        return command;
    }

    /// <summary>
    /// The creation date written in a PDF: SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention)
    /// when set, so that the same data give the same file; else the current time.
    /// </summary>
    internal static TimeProvider DocumentClock() =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? new FixedTime(DateTimeOffset.FromUnixTimeSeconds(seconds))
            : TimeProvider.System;

    private sealed class FixedTime(DateTimeOffset instant) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => instant;
    }

    internal static async Task<int> WriteAsync(ReportResult result, string format, FileInfo? output, string title, CancellationToken ct)
    {
        var bytes = format switch
        {
            "csv" => ReportRendering.CsvBytes(result),
            "html" => Encoding.UTF8.GetBytes(ReportRendering.HtmlDocument(result, title)),
            "xlsx" => ReportXlsx.Build(result),
            "pdf" => ReportPdf.Build(result, title, DocumentClock()),
            _ => Encoding.UTF8.GetBytes(ReportRendering.Json(result) + "\n"),
        };
        if (output is not null) await File.WriteAllBytesAsync(output.FullName, bytes, ct);
        else
        {
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(bytes, ct);
        }
        if (result.Passed) return 0;
        foreach (var check in result.Failed)
            await Console.Error.WriteLineAsync($"Contrôle en échec : {check.Id} — {check.Detail}");
        await Console.Error.WriteLineAsync("Le rapport n'est pas publiable : corrigez les données.");
        return ChecksFailedExitCode;
    }
}
