using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Parcours.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Parcours.Web.Tests.Reporting;

/// <summary>
/// The coordinator's home page (<c>/</c>) in Debian's Chromium: the key figures, the three charts and their data tables
/// of the last complete month equal the engine's JSON for that month; a référent's home page has no dashboard.
/// </summary>
public class HomeDashboardBrowserTests
{
    [Fact]
    public async Task HomePage_Coordinator_ShowsTheDashboardOfTheEngineJson()
    {
        await using var server = await BrowserServer.StartAsync("home-dashboard");

        var home = await server.SignInAsync("coordinateur1");
        await home.GotoAsync("/");
        await Expect(home.Locator("h1")).ToContainTextAsync("Bonjour");
        var month = await home.Locator("[data-dashboard-month]").GetAttributeAsync("data-dashboard-month");
        var cells = await home.Locator(".coordinator-dashboard td[data-col]").EvaluateAllAsync<string[][]>(DisplayedFigures.ReadCells);
        var keyFigures = await home.Locator("[data-key-figure]").EvaluateAllAsync<string[][]>(
            "ps => ps.map(p => [p.dataset.keyFigure, p.dataset.keyRow, p.dataset.keyCol, p.innerText])");
        var charts = await home.Locator(".coordinator-dashboard svg.report-chart[role=img]").CountAsync();
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await home.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "home-coordinator.png"), FullPage = true });
        var api = await home.Context.APIRequest.GetAsync($"/api/v1/reports/tableau-de-bord?month={month}");
        using var json = JsonDocument.Parse(await api.TextAsync());

        var referent = await server.SignInAsync("referent1-1");
        await referent.GotoAsync("/");
        var referentDashboards = await referent.Locator(".coordinator-dashboard").CountAsync();

        var today = DateOnly.FromDateTime(server.Clock.GetLocalNow().Date);
        Assert.Equal(new DateOnly(today.Year, today.Month, 1).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture), month);
        Assert.Equal(200, api.Status);
        Assert.Equal(3, charts);
        Assert.Equal(0, referentDashboards);
        var tables = json.RootElement.GetProperty("tables");
        DisplayedFigures.AssertAllShown(tables, cells);
        Assert.Equal(4, keyFigures.Length);
        DisplayedFigures.AssertEqual(tables, keyFigures);
        // The file active of the last month, as a key figure, is the figure the engine checked against a direct count.
        Assert.Contains(json.RootElement.GetProperty("checks").EnumerateArray(), c => c.GetProperty("id").GetString() == "dashboard.file_active" && c.GetProperty("passed").GetBoolean());
    }
}
