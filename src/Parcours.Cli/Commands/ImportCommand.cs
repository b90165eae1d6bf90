using System.CommandLine;
using Parcours.Core.Data;
using Parcours.Core.Exchange;

namespace Parcours.Cli.Commands;

/// <summary><c>parcours import PATH</c>: imports a dataset of the exchange format (folder or .zip), all or nothing.</summary>
public static class ImportCommand
{
    public static readonly Argument<string> PathArgument = new("chemin") { Description = "Dossier ou fichier .zip du jeu de données (manifest.json et fichiers CSV)." };
    public static readonly Option<string?> Report = new("--report") { Description = "Où écrire le rapport d'erreurs (par défaut : import-report.csv à côté du jeu)." };

    public static Command Create()
    {
        var command = new Command("import", "Importe un jeu de données au format d'échange (tout ou rien) ; écrit import-report.csv en cas d'erreur ou d'avertissement.") { PathArgument, Report };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(PathArgument)!;
            DatasetSource source;
            try
            {
                source = DatasetSource.Open(path);
            }
            catch (FileNotFoundException e)
            {
                Terminal.Error(e.Message);
                return 2;
            }
            using (source)
            {
                ImportResult result;
                try
                {
                    await using var db = CliOptions.Open(parse, "import");
                    var applied = await new DatabaseMigrator(db).MigrateAsync(ct);
                    if (applied.Count > 0) Terminal.Log($"Migrations appliquées : {string.Join(", ", applied)}.");
                    var importer = new DatasetImporter(db);
                    result = await Terminal.WithProgressAsync("Import du jeu de données", progress => importer.ImportAsync(source, null, progress, ct));
                }
                catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException)
                {
                    Terminal.Error($"l'import n'a pas pu s'exécuter : {e.Message}");
                    return 2;
                }
                var reportPath = parse.GetValue(Report) ?? DefaultReportPath(path);
                if (result.Report.Issues.Count > 0)
                {
                    await using (var file = File.Create(reportPath)) result.Report.WriteCsv(file);
                    Terminal.Log($"Rapport écrit dans {reportPath} ({result.Report.Issues.Count} ligne(s)).");
                }
                if (result.AlreadyImported)
                {
                    Terminal.Log("Ce jeu a déjà été importé à l'identique : aucune modification.");
                    return 0;
                }
                if (!result.Imported)
                {
                    Terminal.Error($"jeu de données invalide : {result.Report.ErrorCount} erreur(s), rien n'a été écrit.");
                    foreach (var issue in result.Report.Sorted().Where(i => i.Severity == IssueSeverity.Erreur).Take(10))
                        Terminal.Log($"  {issue.File}:{issue.Line} {issue.Column} {issue.Code} — {issue.MessageFr}");
                    return 1;
                }
                Terminal.Log($"{result.Rows:N0} lignes importées en {result.Elapsed.TotalSeconds:N1} s ({result.RowsPerSecond:N0} lignes/s) : "
                    + $"{result.Created:N0} créées, {result.Updated:N0} modifiées, {result.Deleted:N0} supprimées (validation {result.Phases.Validation:N1} s, écriture {result.Phases.Writing:N1} s).");
                return 0;
            }
        });
        return command;
    }

    private static string DefaultReportPath(string path) => Directory.Exists(path)
        ? Path.Combine(path, "import-report.csv")
        : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", Path.GetFileNameWithoutExtension(path) + "-import-report.csv");
}
