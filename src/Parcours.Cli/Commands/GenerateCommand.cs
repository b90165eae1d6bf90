using System.CommandLine;
using Parcours.Core.Data;
using Parcours.Core.ReferenceData;
using Parcours.Core.Synthetic;

namespace Parcours.Cli.Commands;

public static class GenerateCommand
{
    public static readonly Option<int> Participants = new("--participants") { Description = "Nombre de participants à générer.", DefaultValueFactory = _ => 2000 };
    public static readonly Option<int> Seed = new("--seed") { Description = "Graine du générateur : la même graine donne les mêmes données.", DefaultValueFactory = _ => 1 };
    public static readonly Option<int?> From = new("--from") { Description = "Première année des prescriptions (par défaut : 4 ans avant --to)." };
    public static readonly Option<int?> To = new("--to") { Description = "Dernière année des prescriptions (par défaut : l'année en cours)." };

    public static Command Create()
    {
        var command = new Command("generate", "Remplit une base vide de données synthétiques réalistes (personnes fictives).") { Participants, Seed, From, To };
        command.SetAction(async (parse, ct) =>
        {
            var report = await RunAsync(parse, ct);
            if (report is null) return 1;
            PrintLogins(report.Logins, Console.Out);
            return 0;
        });
        return command;
    }

    /// <summary>Migrates the database, then generates; returns null (after printing why) when it cannot.</summary>
    public static async Task<GenerationReport?> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var participants = parse.GetValue(Participants);
        if (participants < 1)
        {
            Terminal.Error("--participants doit être au moins 1.");
            return null;
        }
        var target = CliOptions.Target(parse);
        await using var db = CliOptions.Open(parse, "generate");
        var applied = await new DatabaseMigrator(db).MigrateAsync(ct);
        if (applied.Count > 0) Terminal.Log($"{target.Describe()} : migrations appliquées : {string.Join(", ", applied)}.");
        var options = GeneratorOptions.For(participants, parse.GetValue(Seed), parse.GetValue(From), parse.GetValue(To),
            DateOnly.FromDateTime(DateTime.Today));
        var communes = CommuneCatalog.Default.All
            .Select(c => new SyntheticCommune(c.InseeCode, c.Name, c.PostalCodes.FirstOrDefault() ?? "", c.DepartementCode, c.Population ?? 0))
            .ToList();
        var generator = new SyntheticDataGenerator(db, communes);
        try
        {
            var report = await Terminal.WithProgressAsync("Génération des participants", progress => generator.GenerateAsync(options, progress, ct));
            Terminal.Log($"{report.Participants:N0} participants, {report.Pathways:N0} parcours, {report.Steps:N0} étapes, {report.Barriers:N0} freins, "
                + $"{report.Contracts:N0} contrats, {report.Appointments:N0} rendez-vous, {report.Referents:N0} référents "
                + $"générés en {report.Elapsed.TotalSeconds:N1} s (données au {options.ReferenceDate:dd/MM/yyyy}, graine {options.Seed}).");
            return report;
        }
        catch (InvalidOperationException e)
        {
            Terminal.Error(e.Message);
            return null;
        }
    }

    public static void PrintLogins(IReadOnlyList<DemoLogin> logins, TextWriter output)
    {
        output.WriteLine("Comptes de démonstration (mot de passe commun : " + (logins.FirstOrDefault()?.Password ?? "?") + ") :");
        foreach (var group in logins.GroupBy(l => l.Organisation))
        {
            var shown = group.Where(l => !l.Login.Contains('-') || l.Login.EndsWith("-1", StringComparison.Ordinal)).ToList();
            foreach (var l in shown) output.WriteLine($"  {l.Login,-16} {l.Role,-22} {l.Organisation}");
            var more = group.Count() - shown.Count;
            if (more > 0) output.WriteLine($"  … et {more} autres référents (referentN-2, referentN-3…)");
        }
    }
}
