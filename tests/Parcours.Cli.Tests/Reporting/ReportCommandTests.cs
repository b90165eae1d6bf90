using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Access;
using Parcours.Core.Data;

namespace Parcours.Cli.Tests.Reporting;

/// <summary><c>parcours report consolidation</c> on the reference dataset (see Parcours.Core.Tests/Reporting).</summary>
public sealed class ReportCommandTests : ReferenceDatabases
{
    [Fact]
    public async Task Consolidation_Json_PrintsTheTablesAndExits0()
    {
        var db = await ReferenceDatabaseAsync("ok.db");

        var result = await CliProcess.RunAsync("report", "consolidation", "--year", "2024", "--organisation", "PLIE-REF", "--db", db);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var flows = json.RootElement.GetProperty("tables").GetProperty("flows").GetProperty("rows");
        Assert.Equal(10, flows.GetProperty("EN_PARCOURS").GetProperty("TOTAL").GetInt32());
        Assert.Equal(4, flows.GetProperty("EN_PARCOURS_FIN").GetProperty("TOTAL").GetInt32());
    }

    [Fact]
    public async Task Consolidation_Csv_WritesTheFileWithBom()
    {
        var db = await ReferenceDatabaseAsync("csv.db");
        var output = Path.Combine(Folder, "consolidation.csv");

        var result = await CliProcess.RunAsync("report", "consolidation", "--year", "2024", "--organisation", "PLIE-REF", "--format", "csv", "--output", output, "--db", db);

        Assert.Equal(0, result.ExitCode);
        var bytes = await File.ReadAllBytesAsync(output);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("flows;EN_PARCOURS_FIN;En parcours au 31 décembre;4;2;2;0;1;3;0;1;0;3;1;0;1;1;2;0;0", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consolidation_ExitBeforeEntryInDatabase_ExitsNonZeroAndNamesTheFailedCheck()
    {
        var path = await ReferenceDatabaseAsync("broken.db");
        await using (var db = ParcoursDatabase.Open(new DatabaseTarget(DatabaseEngine.Sqlite, $"Data Source={path}"), AccessScope.System("test")))
        {
            // Inserted directly, as a faulty import or a manual fix would: exit on 2024-10-01, entry on 2025-03-01.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO pathways_pathway (participant_id, participant_sex, scheme, organisation_id, status, rank, convocation_count, entry_date, age_at_entry, public_category, exit_date, exit_reason, version)
                SELECT p.id, p.sex, 'PLIE', o.id, 'SORTI', 1, 0, '2025-03-01', 33, 'DELD', '2024-10-01', 'ABANDON', 0
                FROM pathways_participant p, access_organisation o WHERE p.external_id = 'P1' AND o.code = 'PLIE-REF'
                """);
        }

        var result = await CliProcess.RunAsync("report", "consolidation", "--year", "2024", "--organisation", "PLIE-REF", "--db", path);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Contrôle en échec : flows.identity", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Contrôle en échec : flows.exit_after_entry", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Le rapport n'est pas publiable", result.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Contains(json.RootElement.GetProperty("checks").EnumerateArray(),
            c => c.GetProperty("id").GetString() == "flows.identity" && !c.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task Consolidation_UnknownOrganisation_ExitsWithAFrenchMessage()
    {
        var db = await ReferenceDatabaseAsync("unknown.db");

        var result = await CliProcess.RunAsync("report", "consolidation", "--year", "2024", "--organisation", "PLIE-XXX", "--db", db);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("Organisation inconnue : PLIE-XXX.", result.Stderr.Trim());
    }
}
