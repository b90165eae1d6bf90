using System.CommandLine;
using System.Globalization;
using Parcours.Core.Data;
using Parcours.Core.Exchange;

namespace Parcours.Cli.Commands;

/// <summary><c>parcours export PATH</c>: writes a dataset of the exchange format (full, or the anonymised feed).</summary>
public static class ExportCommand
{
    public static readonly Argument<string> PathArgument = new("chemin") { Description = "Dossier où écrire le jeu de données (créé s'il n'existe pas)." };
    public static readonly Option<bool> Anonymised = new("--anonymised") { Description = "Flux anonymisé de consolidation nationale (§9) : pseudonymes, sans données d'identité." };
    public static readonly Option<string?> Organisation = new("--organisation") { Description = "Code de l'organisation exportée (et productrice du jeu)." };
    public static readonly Option<string?> From = new("--from") { Description = "Début de la période (AAAA-MM-JJ)." };
    public static readonly Option<string?> To = new("--to") { Description = "Fin de la période (AAAA-MM-JJ)." };
    public static readonly Option<string?> KeyFile = new("--key-file") { Description = "Fichier de la clé de pseudonymisation (par défaut : PARCOURS_PSEUDONYM_KEY, sinon à côté de la base SQLite)." };
    public static readonly Option<string?> PreviousKeyFile = new("--previous-key-file") { Description = "Après un changement de clé : fichier de l'ancienne clé ; le flux contient alors pseudonym_rekey.csv (§9.4)." };
    public static readonly Option<bool> Excel = new("--excel") { Description = "Fichiers lisibles par un tableur : BOM et séparateur « ; » (jeu valide mais non canonique, §3.6)." };

    public static Command Create()
    {
        var command = new Command("export", "Exporte un jeu de données au format d'échange, avec manifest.json (nombres de lignes, SHA-256).")
            { PathArgument, Anonymised, Organisation, From, To, KeyFile, PreviousKeyFile, Excel };
        command.SetAction(async (parse, ct) =>
        {
            DateOnly? Date(Option<string?> option)
            {
                var text = parse.GetValue(option);
                if (text is null) return null;
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
                throw new ExchangeException($"{option.Name} : date attendue au format AAAA-MM-JJ.");
            }
            try
            {
                var options = new ExportOptions
                {
                    OrganisationCode = parse.GetValue(Organisation), From = Date(From), To = Date(To), Anonymised = parse.GetValue(Anonymised), ExcelFriendly = parse.GetValue(Excel),
                };
                if (parse.GetValue(PreviousKeyFile) is { } previous)
                {
                    if (!options.Anonymised) throw new ExchangeException("--previous-key-file ne s'emploie qu'avec --anonymised.");
                    if (!File.Exists(previous)) throw new ExchangeException("Le fichier de l'ancienne clé est introuvable.");
                    options = options with { PreviousPseudonymKey = PseudonymKeyStore.LoadOrCreate(previous) };
                }
                if (options.Anonymised)
                {
                    var keyPath = parse.GetValue(KeyFile) ?? PseudonymKeyStore.DefaultPath(CliOptions.Target(parse));
                    options = options with { PseudonymKey = PseudonymKeyStore.LoadOrCreate(keyPath) };
                    Terminal.Log($"Clé de pseudonymisation : {keyPath}");
                }
                await using var db = CliOptions.Open(parse, "export");
                var exporter = new DatasetExporter(db);
                var path = parse.GetValue(PathArgument)!;
                var result = await Terminal.WithProgressAsync("Export du jeu de données", progress => exporter.ExportAsync(path, options, progress, ct));
                foreach (var f in result.Manifest.Files) Terminal.Log($"  {f.Name,-20} {f.Rows,12:N0} lignes");
                Terminal.Log($"{result.TotalRows:N0} lignes exportées en {result.Elapsed.TotalSeconds:N1} s dans {path}.");
                return 0;
            }
            catch (ExchangeException e)
            {
                Terminal.Error(e.Message);
                return 2;
            }
        });
        return command;
    }
}
