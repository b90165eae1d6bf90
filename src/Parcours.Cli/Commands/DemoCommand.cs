using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;

namespace Parcours.Cli.Commands;

public static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Migre la base, la remplit de données synthétiques si elle est vide, puis sert l'application et affiche les comptes de démonstration.")
        {
            ServeCommand.Port, ServeCommand.Host, GenerateCommand.Participants, GenerateCommand.Seed, GenerateCommand.From, GenerateCommand.To,
        };
        command.SetAction(async (parse, ct) =>
        {
            bool empty;
            await using (var db = CliOptions.Open(parse, "demo"))
            {
                await new DatabaseMigrator(db).MigrateAsync(ct);
                empty = !await db.Organisations.AnyAsync(ct);
            }
            IReadOnlyList<Core.Synthetic.DemoLogin> logins;
            if (empty)
            {
                var report = await GenerateCommand.RunAsync(parse, ct);
                if (report is null) return 1;
                logins = report.Logins;
            }
            else
            {
                Terminal.Log("La base contient déjà des données : elles sont conservées.");
                await using var db = CliOptions.Open(parse, "demo");
                var users = await db.Users.AsNoTracking().OrderBy(u => u.Id).Include(u => u.Organisation).ToListAsync(ct);
                logins = users.Select(u => new Core.Synthetic.DemoLogin(u.Login, "parcours-demo", Domain.Access.RoleLabels.Label(u.Roles), u.Organisation!.Name)).ToList();
            }
            return await ServeCommand.ServeAsync(parse, _ => GenerateCommand.PrintLogins(logins, Console.Out), ct);
        });
        return command;
    }
}
