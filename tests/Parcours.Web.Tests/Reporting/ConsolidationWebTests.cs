using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Access;
using Parcours.Core.Reporting;
using Parcours.TestCommon;
using Parcours.Web.Tests.Support;

namespace Parcours.Web.Tests.Reporting;

/// <summary>The consolidation page and endpoint on the demo database (data as at 30 June 2026; year 2025 is complete).</summary>
public class ConsolidationWebTests(SharedWebApp app) : IClassFixture<SharedWebApp>
{
    private const int Year = 2025;

    /// <summary>The engine run directly on the database for the coordinator's programme: what page and API must show.</summary>
    private async Task<ReportResult> EngineAsync(string login)
    {
        await using var data = app.Data();
        var orgId = await data.OrganisationOfAsync(login);
        var code = await data.Db.Organisations.Where(o => o.Id == orgId).Select(o => o.Code).SingleAsync();
        await using var db = DemoDatabase.Open(app.Demo.Path);
        return await new ConsolidationReport(db).ComputeAsync(Year, [code]);
    }

    [Fact]
    public async Task Api_Coordinator_ReturnsTheEngineFiguresOfTheirProgramme()
    {
        var expected = await EngineAsync("coordinateur1");
        using var client = await app.Factory.LoginAsync("coordinateur1");

        using var response = await client.GetAsync($"/api/v1/reports/consolidation?year={Year}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(ReportRendering.Json(expected), body);
        using var json = JsonDocument.Parse(body);
        Assert.True(json.RootElement.GetProperty("tables").GetProperty("flows").GetProperty("rows").GetProperty("ENTREES").GetProperty("TOTAL").GetInt32() > 0);
        Assert.All(json.RootElement.GetProperty("checks").EnumerateArray(), c => Assert.True(c.GetProperty("passed").GetBoolean()));
    }

    [Fact]
    public async Task Api_Csv_IsUtf8WithBomAndSemicolons()
    {
        using var client = await app.Factory.LoginAsync("coordinateur1");

        using var response = await client.GetAsync($"/api/v1/reports/consolidation?year={Year}&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("Tableau;Ligne;Libellé;TOTAL;FEMME;HOMME", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_Referent_IsForbidden_AndYearIsRequired()
    {
        using var referent = await app.Factory.LoginAsync("referent1-1");
        using var coordinator = await app.Factory.LoginAsync("coordinateur1");

        using var forbidden = await referent.GetAsync($"/api/v1/reports/consolidation?year={Year}");
        using var missing = await coordinator.GetAsync("/api/v1/reports/consolidation");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task Page_ShowsEveryCellOfTheEngineAndTheChecks()
    {
        var expected = await EngineAsync("coordinateur1");
        using var client = await app.Factory.LoginAsync("coordinateur1");

        var page = await client.GetPageAsync($"/rapports/consolidation?annee={Year}");

        Assert.Equal($"Consolidation nationale PLIE {Year}", page.QuerySelector("h1").Text());
        Assert.NotNull(page.QuerySelector("[data-checks=passed]"));
        foreach (var table in expected.Tables)
        {
            foreach (var row in table.Rows)
            {
                foreach (var col in table.Columns)
                {
                    var cell = page.QuerySelector($"[data-table={table.Id}] tr[data-row={row.Key}] td[data-col={col}]");
                    // As Text() reads it: the thousands separator (a narrow no-break space) is white space.
                    var shown = string.Join(' ', ReportRendering.Display(table, row, col).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                    Assert.Equal(shown, cell.Text());
                }
            }
        }
        Assert.Equal(expected.Checks.Count, page.QuerySelectorAll("[data-check][data-passed=true]").Length);
    }
}

/// <summary>A database with an exit dated before its entry: the page shows the failed checks, the API answers 422.</summary>
public class ConsolidationFailureWebTests
{
    [Fact]
    public async Task BrokenIdentity_PageShowsTheFailure_ApiAnswers422()
    {
        var demo = await DemoDatabase.GetAsync();
        var database = demo.CreateCopy("broken-identity");
        await using (var data = new DemoData(database))
        {
            var orgId = await data.OrganisationOfAsync("coordinateur1");
            var participant = await data.Db.Participants.Where(p => p.OrganisationId == orgId).Select(p => p.Id).FirstAsync();
            await data.Db.Database.ExecuteSqlRawAsync("""
                INSERT INTO pathways_pathway (participant_id, participant_sex, scheme, organisation_id, status, rank, convocation_count, entry_date, age_at_entry, public_category, exit_date, exit_reason, version)
                VALUES ({0}, (SELECT sex FROM pathways_participant WHERE id = {0}), 'PLIE', {1}, 'SORTI', 1, 0, '2026-03-01', 33, 'DELD', '2025-10-01', 'ABANDON', 0)
                """, participant, orgId);
        }
        await using var factory = new ParcoursWebFactory(database);
        using var client = await factory.LoginAsync("coordinateur1");

        var page = await client.GetPageAsync("/rapports/consolidation?annee=2025");
        using var api = await client.GetAsync("/api/v1/reports/consolidation?year=2025");

        var alert = page.QuerySelector("[data-checks=failed]");
        Assert.NotNull(alert);
        Assert.Contains("flows.identity", alert.Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-checks=passed]"));
        Assert.Equal("false", page.QuerySelector("[data-check='flows.identity']")?.GetAttribute("data-passed"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);
        using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.Contains(json.RootElement.GetProperty("checks").EnumerateArray(),
            c => c.GetProperty("id").GetString() == "flows.identity" && !c.GetProperty("passed").GetBoolean());
    }
}
