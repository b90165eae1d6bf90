using System.CommandLine;
using Parcours.Core.Access;
using Parcours.Core.Data;

namespace Parcours.Cli.Commands;

/// <summary>Options shared by every command.</summary>
public static class CliOptions
{
    public static readonly Option<string?> Database = new("--db")
    {
        Description = "Base de données : chemin d'un fichier SQLite ou chaîne de connexion PostgreSQL (« Host=…;Database=… »). Par défaut : PARCOURS_DB, sinon parcours.db.",
        Recursive = true,
    };

    public static DatabaseTarget Target(ParseResult parse) => DatabaseTarget.Resolve(parse.GetValue(Database));

    public static ParcoursDbContext Open(ParseResult parse, string actor) =>
        ParcoursDatabase.Open(Target(parse), AccessScope.System($"cli:{actor}"));
}
