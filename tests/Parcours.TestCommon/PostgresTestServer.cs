using Npgsql;

namespace Parcours.TestCommon;

/// <summary>
/// The PostgreSQL server of the test run. <c>./scripts/test.sh</c> starts a throw-away server
/// and sets <c>PARCOURS_TEST_POSTGRES</c> to a connection string for its administration
/// database; tests get a fresh database each from <see cref="ConnectionStringForNewDatabase"/>.
/// Without the variable, PostgreSQL tests fail (on purpose: they are part of the suite).
/// </summary>
public static class PostgresTestServer
{
    public const string EnvironmentVariable = "PARCOURS_TEST_POSTGRES";

    /// <summary>Connection string of the server's administration database (from the environment).</summary>
    /// <exception cref="InvalidOperationException">The variable is not set.</exception>
    public static string AdminConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException(
                    $"{EnvironmentVariable} is not set, so there is no PostgreSQL server for this test. " +
                    "Run the tests with ./scripts/test.sh (it installs PostgreSQL if needed, starts a " +
                    "temporary server and sets the variable), or set it yourself to a connection string " +
                    "of a server where this user may create databases, e.g. " +
                    "\"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\".");
            }

            return value;
        }
    }

    /// <summary>
    /// Creates an empty database with a unique name starting with <paramref name="prefix"/> and
    /// returns a connection string to it. The database is left behind: the test server is
    /// thrown away at the end of the run.
    /// </summary>
    public static string ConnectionStringForNewDatabase(string prefix)
    {
        var admin = new NpgsqlConnectionStringBuilder(AdminConnectionString);
        var name = UniqueDatabaseName(prefix);

        using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // The name is made of [a-z0-9_] only (see UniqueDatabaseName), so quoting is enough.
            command.CommandText = $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'";
            command.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name };
        return builder.ConnectionString;
    }

    /// <summary>"prefix_" + a GUID, lower case, only [a-z0-9_], at most 63 characters.</summary>
    public static string UniqueDatabaseName(string prefix)
    {
        var cleaned = new string((prefix ?? "").ToLowerInvariant()
            .Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '_')
            .ToArray()).Trim('_');
        if (cleaned.Length == 0 || char.IsDigit(cleaned[0]))
        {
            cleaned = "t_" + cleaned;
        }

        var suffix = Guid.NewGuid().ToString("N");
        var maxPrefix = 63 - 1 - suffix.Length;
        if (cleaned.Length > maxPrefix)
        {
            cleaned = cleaned[..maxPrefix];
        }

        return $"{cleaned}_{suffix}";
    }
}
