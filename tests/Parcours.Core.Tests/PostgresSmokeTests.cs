using Npgsql;
using Parcours.TestCommon;

namespace Parcours.Core.Tests;

public class PostgresSmokeTests
{
    [Fact]
    public async Task Opens_a_fresh_database_and_reads_the_server_version()
    {
        var connectionString = PostgresTestServer.ConnectionStringForNewDatabase("smoke");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select version(), current_database()", connection);
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        Assert.StartsWith("PostgreSQL", reader.GetString(0));
        Assert.StartsWith("smoke_", reader.GetString(1));
    }
}
