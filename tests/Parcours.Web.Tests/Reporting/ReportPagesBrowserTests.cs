using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Parcours.TestCommon;
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
        var demo = await DemoDatabase.GetAsync();
        var database = demo.CreateCopy("reports-browser");
        await using var server = ParcoursWebApp.Build([], b =>
        {
            b.Configuration[ParcoursWebApp.DatabaseKey] = database;
            b.Configuration["Logging:LogLevel:Default"] = "Warning";
            b.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        SetDefaultExpectTimeout(20_000);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.ExecutablePath, Args = Chromium.LaunchArgs, Headless = true });
        var context = await browser.NewContextAsync(new() { BaseURL = address, Locale = "fr-FR" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(pageUrl);
        await page.GetByLabel("Identifiant").FillAsync("coordinateur1");
        await page.GetByLabel("Mot de passe").FillAsync(DemoDatabase.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        var cells = await page.Locator("td[data-col]").EvaluateAllAsync<string[][]>(
            "tds => tds.map(td => [td.closest('[data-table]').dataset.table, td.closest('tr').dataset.row, td.dataset.col, td.innerText])");
        var failedChecks = await page.Locator("[data-check][data-passed=false]").CountAsync();
        var charts = await page.Locator("svg.report-chart[role=img]").CountAsync();
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, $"report-{pageUrl.Split('/')[2].Split('?')[0]}.png"), FullPage = true });
        var api = await context.APIRequest.GetAsync(apiUrl);
        using var json = JsonDocument.Parse(await api.TextAsync());
        await server.StopAsync();

        Assert.Equal(200, api.Status);
        Assert.Equal(0, failedChecks);
        Assert.Equal(pageUrl.Contains("tableau-de-bord", StringComparison.Ordinal) ? 3 : 0, charts);
        var tables = json.RootElement.GetProperty("tables");
        var expectedCells = tables.EnumerateObject().Sum(t => t.Value.GetProperty("rows").EnumerateObject().Count() * t.Value.GetProperty("columns").GetArrayLength());
        Assert.Equal(expectedCells, cells.Length);
        foreach (var (table, row, column, text) in cells.Select(c => (Table: c[0], Row: c[1], Column: c[2], Text: c[3])))
        {
            var value = tables.GetProperty(table).GetProperty("rows").GetProperty(row).GetProperty(column);
            var shown = Parse(text);
            if (value.ValueKind == JsonValueKind.Null) Assert.True(shown is null, $"{table}/{row}/{column}: «{text}» shown for null");
            else
            {
                // Display rounds rates to 0.1 point and means to 0.1.
                var tolerance = text.EndsWith('%') ? 0.0005 : text.Contains(',') ? 0.05 : 0;
                Assert.True(shown is { } s && Math.Abs(s - value.GetDouble()) <= tolerance + 1e-9, $"{table}/{row}/{column}: «{text}» shown, {value} in the JSON");
            }
        }
    }

    /// <summary>A displayed figure back to a number: «1 234» → 1234, «42,5 %» → 0.425, «—» → null.</summary>
    private static double? Parse(string text)
    {
        text = Regex.Replace(text.Trim(), "[\\s\u00A0\u202F]", "");
        if (text == "—") return null;
        var percent = text.EndsWith('%');
        var number = double.Parse(text.TrimEnd('%').Replace(',', '.'), CultureInfo.InvariantCulture);
        return percent ? number / 100 : number;
    }
}
