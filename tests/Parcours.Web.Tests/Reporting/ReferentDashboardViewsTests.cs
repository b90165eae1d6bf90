using System.Net;
using System.Text.Json;
using Parcours.Web.Tests.Support;

namespace Parcours.Web.Tests.Reporting;

/// <summary>
/// The restricted views of the référent dashboard (RPT-14, R-705): a référent sees their own rows and alerts only, and
/// the same figures as the coordinator's full view; the view of one employer holds that employer's référents only,
/// with the employer's subtotal of the full view as its TOTAL.
/// </summary>
public class ReferentDashboardViewsTests(SharedWebApp app) : IClassFixture<SharedWebApp>
{
    private const string Month = "2026-05";

    private async Task<JsonElement> FullViewAsync(HttpClient coordinator)
    {
        using var json = JsonDocument.Parse(await coordinator.GetStringAsync($"/api/v1/reports/tableau-referents?month={Month}"));
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task Referent_OwnDashboard_OnlyTheirRowsWithTheCoordinatorsFigures()
    {
        long own;
        List<long> visible;
        await using (var data = app.Data())
        {
            own = await data.ReferentOfAsync("referent1-1");
            visible = await data.VisibleReferentsOfAsync("referent1-1");
        }
        using var referent = await app.Factory.LoginAsync("referent1-1");
        using var coordinator = await app.Factory.LoginAsync("coordinateur1");

        var page = await referent.GetPageAsync($"/rapports/mon-tableau-de-bord?mois={Month}");
        using var api = await referent.GetAsync($"/api/v1/reports/tableau-referents?month={Month}");
        using var full = await coordinator.GetAsync($"/rapports/mon-tableau-de-bord?mois={Month}");
        var all = await FullViewAsync(coordinator);

        var rows = page.QuerySelectorAll("[data-table=referents] tr[data-row]").Select(r => r.GetAttribute("data-row")!).ToList();
        Assert.Equal(visible.Select(id => $"REF_{id}").Order().Append("TOTAL"), rows.Where(r => r != "TOTAL").Order().Append("TOTAL"));
        Assert.Contains($"REF_{own}", rows);
        Assert.DoesNotContain("SANS_REFERENT", rows);
        foreach (var table in new[] { "referents", "alerts" })
        {
            foreach (var cell in page.QuerySelectorAll($"[data-table={table}] tr[data-row='REF_{own}'] td[data-col]"))
            {
                var expected = all.GetProperty("tables").GetProperty(table).GetProperty("rows").GetProperty($"REF_{own}").GetProperty(cell.GetAttribute("data-col")!);
                if (expected.ValueKind == JsonValueKind.Number && table == "alerts" || cell.GetAttribute("data-col") is "FILE_ACTIVE" or "ENTREES_ANNEE" or "SORTIES_MOIS")
                    Assert.Equal(expected.GetDouble().ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), cell.TextContent);
            }
        }
        Assert.Equal("true", page.QuerySelector("[data-check='referents.file_active']")!.GetAttribute("data-passed"));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, full.StatusCode); // a coordinator has the full view, not a caseload of their own
    }

    [Fact]
    public async Task Coordinator_EmployerView_OnlyThatEmployersReferentsAndItsSubtotal()
    {
        using var coordinator = await app.Factory.LoginAsync("coordinateur1");
        var all = await FullViewAsync(coordinator);
        var fullRows = all.GetProperty("tables").GetProperty("referents").GetProperty("rows");
        var employerKey = fullRows.EnumerateObject().Select(p => p.Name).First(k => k.StartsWith("EMPLOYEUR_", StringComparison.Ordinal) && k != "EMPLOYEUR_0");
        var employerId = employerKey["EMPLOYEUR_".Length..];

        using var json = JsonDocument.Parse(await coordinator.GetStringAsync($"/api/v1/reports/tableau-referents?month={Month}&employer={employerId}"));
        var page = await coordinator.GetPageAsync($"/rapports/referents?mois={Month}&employeur={employerId}");

        var rows = json.RootElement.GetProperty("tables").GetProperty("referents").GetProperty("rows");
        var keys = rows.EnumerateObject().Select(p => p.Name).ToList();
        // In the full view, the référents of an employer are the REF_ rows just before its subtotal.
        var fullKeys = fullRows.EnumerateObject().Select(p => p.Name).ToList();
        var end = fullKeys.IndexOf(employerKey);
        var start = fullKeys.FindLastIndex(end - 1, k => !k.StartsWith("REF_", StringComparison.Ordinal)) + 1;
        Assert.Equal([.. fullKeys[start..end], employerKey, "TOTAL"], keys);
        foreach (var column in new[] { "FILE_ACTIVE", "ENTREES_ANNEE", "SORTIES_POSITIVES_ANNEE", "ALERTE_18_MOIS" })
            Assert.Equal(fullRows.GetProperty(employerKey).GetProperty(column).GetDouble(), rows.GetProperty("TOTAL").GetProperty(column).GetDouble());
        Assert.All(json.RootElement.GetProperty("checks").EnumerateArray(), c => Assert.True(c.GetProperty("passed").GetBoolean(), c.GetProperty("detail").GetString()));
        Assert.Equal(keys, page.QuerySelectorAll("[data-table=referents] tr[data-row]").Select(r => r.GetAttribute("data-row")!));
    }
}
