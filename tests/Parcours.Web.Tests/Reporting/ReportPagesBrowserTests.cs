using System.Text.Json;
using Microsoft.Playwright;
using Parcours.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Parcours.Web.Tests.Reporting;

/// <summary>
/// The report pages rendered in Debian's Chromium against a real Kestrel server on a copy of the demo database: every
/// figure shown must equal the engine's JSON for the same period (read by the same signed-in browser context).
/// </summary>
public class ReportPagesBrowserTests
{
    [Theory]
    [InlineData("/rapports/lettre-mensuelle?mois=2025-06", "/api/v1/reports/lettre-mensuelle?month=2025-06", "Lettre mensuelle d'information — juin 2025")]
    [InlineData("/rapports/tableau-de-bord?mois=2026-05", "/api/v1/reports/tableau-de-bord?month=2026-05", "Tableau de bord du PLIE — mai 2026")]
    [InlineData("/rapports/referents?mois=2026-05", "/api/v1/reports/tableau-referents?month=2026-05", "Tableau de bord des référents — mai 2026")]
    [InlineData("/rapports/consolidation?annee=2025", "/api/v1/reports/consolidation?year=2025", "Consolidation nationale PLIE 2025")]
    public async Task ReportPage_Coordinator_ShowsTheFiguresOfTheEngineJson(string pageUrl, string apiUrl, string title)
    {
        await using var server = await BrowserServer.StartAsync("reports-browser");
        var page = await server.SignInAsync("coordinateur1");

        await page.GotoAsync(pageUrl);
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        var cells = await page.Locator("td[data-col]").EvaluateAllAsync<string[][]>(DisplayedFigures.ReadCells);
        var failedChecks = await page.Locator("[data-check][data-passed=false]").CountAsync();
        var charts = await page.Locator("svg.report-chart[role=img]").CountAsync();
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, $"report-{pageUrl.Split('/')[2].Split('?')[0]}.png"), FullPage = true });
        var api = await page.Context.APIRequest.GetAsync(apiUrl);
        using var json = JsonDocument.Parse(await api.TextAsync());

        Assert.Equal(200, api.Status);
        Assert.Equal(0, failedChecks);
        Assert.Equal(pageUrl.Contains("tableau-de-bord", StringComparison.Ordinal) ? 3 : 0, charts);
        DisplayedFigures.AssertAllShown(json.RootElement.GetProperty("tables"), cells);
    }
}
