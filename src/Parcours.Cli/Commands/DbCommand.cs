using System.CommandLine;
using Parcours.Core.Data;

namespace Parcours.Cli.Commands;

public static class DbCommand
{
    public static Command Create()
    {
        var db = new Command("db", "Administration de la base de données.");

        var migrate = new Command("migrate", "Met la base à jour en appliquant les migrations manquantes.");
        migrate.SetAction(async (parse, ct) =>
        {
            var target = CliOptions.Target(parse);
            await using var context = CliOptions.Open(parse, "db migrate");
            var applied = await new DatabaseMigrator(context).MigrateAsync(ct);
            Terminal.Log(applied.Count == 0
                ? $"{target.Describe()} : la base est à jour."
                : $"{target.Describe()} : migrations appliquées : {string.Join(", ", applied)}.");
            return 0;
        });
        db.Subcommands.Add(migrate);

        var engine = new Option<DatabaseEngine>("--engine") { Description = "Moteur : Sqlite ou Postgres.", DefaultValueFactory = _ => DatabaseEngine.Sqlite };
        var script = new Command("script", "Écrit sur la sortie standard le SQL qui crée le modèle actuel (point de départ d'une nouvelle migration).") { engine };
        script.SetAction(parse =>
        {
            Console.Out.Write(ParcoursDatabase.CreateScript(parse.GetValue(engine)));
            return 0;
        });
        db.Subcommands.Add(script);
        return db;
    }
}
