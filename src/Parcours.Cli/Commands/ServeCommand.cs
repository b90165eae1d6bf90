using System.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Parcours.Core.Data;
using Parcours.Web;

namespace Parcours.Cli.Commands;

public static class ServeCommand
{
    public static readonly Option<int> Port = new("--port") { Description = "Port HTTP.", DefaultValueFactory = _ => 5080 };
    public static readonly Option<string> Host = new("--host") { Description = "Adresse d'écoute.", DefaultValueFactory = _ => "127.0.0.1" };

    public static Command Create()
    {
        var command = new Command("serve", "Sert l'application web sur une base déjà migrée.") { Port, Host };
        command.SetAction(async (parse, ct) => await ServeAsync(parse, null, ct));
        return command;
    }

    public static async Task<int> ServeAsync(ParseResult parse, Action<string>? onStarted, CancellationToken ct)
    {
        var target = CliOptions.Target(parse);
        await using (var db = CliOptions.Open(parse, "serve"))
        {
            var pending = await new DatabaseMigrator(db).PendingAsync(ct);
            if (pending.Count > 0)
            {
                Terminal.Error($"la base n'est pas à jour ({pending.Count} migration(s) en attente). Lancez « ./parcours db migrate » d'abord.");
                return 1;
            }
        }
        var url = $"http://{parse.GetValue(Host)}:{parse.GetValue(Port)}";
        var app = ParcoursWebApp.Build([], builder =>
        {
            builder.Configuration[ParcoursWebApp.DatabaseKey] = target.Engine == DatabaseEngine.Sqlite ? target.ConnectionString : target.ConnectionString;
            builder.WebHost.UseUrls(url);
        });
        try
        {
            await app.StartAsync(ct);
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            Terminal.Error($"le port {parse.GetValue(Port)} est déjà utilisé : choisissez-en un autre avec --port.");
            return 1;
        }
        Console.Out.WriteLine($"Parcours est disponible sur {url} ({target.Describe()}).");
        onStarted?.Invoke(url);
        Console.Out.Flush();
        await app.WaitForShutdownAsync(ct);
        return 0;
    }
}
