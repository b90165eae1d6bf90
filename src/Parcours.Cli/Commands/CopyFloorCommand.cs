using System.CommandLine;
using Parcours.Core.Exchange;

namespace Parcours.Cli.Commands;

/// <summary>
/// <c>parcours bench copy-floor PATH [--typed]</c>: prints the psql script of the import benchmark's floor, PostgreSQL's
/// own COPY of a dataset's CSV files into unindexed tables of the same shape (<see cref="CopyFloor"/>).
/// </summary>
public static class CopyFloorCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("chemin") { Description = "Dossier du jeu de données." };
        var typed = new Option<bool>("--typed") { Description = "Colonnes typées comme le format d'échange (date, entier, décimal, booléen) ; sinon, tout en texte." };
        var command = new Command("copy-floor", "Écrit le script psql du plancher du banc d'import : COPY des fichiers CSV dans des tables sans index de même forme.") { path, typed };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(path)!;
            if (!Directory.Exists(folder))
            {
                Console.Error.WriteLine($"Dossier introuvable : {folder}");
                return 2;
            }
            Console.Out.Write(CopyFloor.Script(Path.GetFullPath(folder), parse.GetValue(typed)));
            return 0;
        });
        return command;
    }
}
