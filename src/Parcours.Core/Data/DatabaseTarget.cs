namespace Parcours.Core.Data;

public enum DatabaseEngine
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the data lives. <c>--db</c> takes either a SQLite file path or a PostgreSQL connection string
/// («Host=…;Database=…»); without it, the environment variable PARCOURS_DB, else «parcours.db» in the working folder.
/// </summary>
public sealed record DatabaseTarget(DatabaseEngine Engine, string ConnectionString)
{
    public const string EnvironmentVariable = "PARCOURS_DB";
    public const string DefaultFile = "parcours.db";

    public static DatabaseTarget Resolve(string? argument)
    {
        var value = !string.IsNullOrWhiteSpace(argument) ? argument
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env
            : DefaultFile;
        return Parse(value);
    }

    public static DatabaseTarget Parse(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return new DatabaseTarget(DatabaseEngine.Postgres, FromUri(new Uri(trimmed)));
        if (trimmed.Contains("Host=", StringComparison.OrdinalIgnoreCase) || trimmed.Contains("Server=", StringComparison.OrdinalIgnoreCase))
            return new DatabaseTarget(DatabaseEngine.Postgres, trimmed);
        if (trimmed.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase))
            return new DatabaseTarget(DatabaseEngine.Sqlite, trimmed);
        return new DatabaseTarget(DatabaseEngine.Sqlite, $"Data Source={Path.GetFullPath(trimmed)}");
    }

    /// <summary>A description without password, safe to print.</summary>
    public string Describe()
    {
        if (Engine == DatabaseEngine.Sqlite) return $"SQLite ({ConnectionString["Data Source=".Length..]})";
        var parts = ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase));
        return $"PostgreSQL ({string.Join(';', parts)})";
    }

    private static string FromUri(Uri uri)
    {
        var userInfo = uri.UserInfo.Split(':', 2);
        var parts = new List<string> { $"Host={uri.Host}", $"Port={(uri.Port > 0 ? uri.Port : 5432)}", $"Database={uri.AbsolutePath.Trim('/')}" };
        if (userInfo[0].Length > 0) parts.Add($"Username={Uri.UnescapeDataString(userInfo[0])}");
        if (userInfo.Length > 1) parts.Add($"Password={Uri.UnescapeDataString(userInfo[1])}");
        return string.Join(';', parts);
    }
}
