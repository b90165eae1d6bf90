using System.CommandLine;
using System.Globalization;
using Parcours.Cli.Commands;

// Parcours speaks French: System.CommandLine's own messages (parse errors, help) too, whatever the server's locale.
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");

var root = new RootCommand("Parcours : suivi des parcours d'insertion (PLIE, RSA, FSE, clauses sociales).");
root.Options.Add(CliOptions.Database);
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(DbCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
return await root.Parse(args).InvokeAsync();
