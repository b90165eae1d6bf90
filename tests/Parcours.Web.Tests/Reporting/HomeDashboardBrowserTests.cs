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
/// The coordinator's home page (<c>/</c>) in Debian's Chromium: the key figures, the three charts and their data tables
/// of the last complete month equal the engine's JSON for that month; a référent's home page has no dashboard.
/// </summary>
public class HomeDashboardBrowserTests
{
    [Fact]
    public async Task HomePage_Coordinator_ShowsTheDashboardOfTheEngineJson()
    {
        var demo = await DemoDatabase.GetAsync();
        var database = demo.CreateCopy("home-dashboard");
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

        async Task<IBrowserContext> SignInAsync(string login)
        {
            var context = await browser.NewContextAsync(new() { BaseURL = address, Locale = "fr-FR" });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/");
            await page.GetByLabel("Identifiant").FillAsync(login);
            await page.GetByLabel("Mot de passe").FillAsync(DemoDatabase.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
            await Expect(page.Locator("h1")).ToContainTextAsync("Bonjour");
            return context;
        }

        var coordinator = await SignInAsync("coordinateur1");
        var home = coordinator.Pages[0];
        var month = await home.Locator("[data-dashboard-month]").GetAttributeAsync("data-dashboard-month");
        var cells = await home.Locator(".coordinator-dashboard td[data-col]").EvaluateAllAsync<string[][]>(
            "tds => tds.map(td => [td.closest('[data-table]').dataset.table, td.closest('tr').dataset.row, td.dataset.col, td.innerText])");
        var keyFigures = await home.Locator("[data-key-figure]").EvaluateAllAsync<string[][]>(
            "ps => ps.map(p => [p.dataset.keyFigure, p.dataset.keyRow, p.dataset.keyCol, p.innerText])");
        var charts = await home.Locator(".coordinator-dashboard svg.report-chart[role=img]").CountAsync();
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await home.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "home-coordinator.png"), FullPage = true });
        var api = await coordinator.APIRequest.GetAsync($"/api/v1/reports/tableau-de-bord?month={month}");
        using var json = JsonDocument.Parse(await api.TextAsync());

        var referent = await SignInAsync("referent1-1");
        var referentDashboards = await referent.Pages[0].Locator(".coordinator-dashboard").CountAsync();
        await server.StopAsync();

        var today = DateOnly.FromDateTime(DateTime.Now);
        Assert.Equal(new DateOnly(today.Year, today.Month, 1).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture), month);
        Assert.Equal(200, api.Status);
        Assert.Equal(3, charts);
        Assert.Equal(0, referentDashboards);
        var tables = json.RootElement.GetProperty("tables");
        var expectedCells = tables.EnumerateObject().Sum(t => t.Value.GetProperty("rows").EnumerateObject().Count() * t.Value.GetProperty("columns").GetArrayLength());
        Assert.Equal(expectedCells, cells.Length);
        Assert.Equal(4, keyFigures.Length);
        foreach (var (table, row, column, text) in cells.Concat(keyFigures).Select(c => (Table: c[0], Row: c[1], Column: c[2], Text: c[3])))
        {
            var value = tables.GetProperty(table).GetProperty("rows").GetProperty(row).GetProperty(column);
            var shown = Parse(text);
            if (value.ValueKind == JsonValueKind.Null) Assert.True(shown is null, $"{table}/{row}/{column}: «{text}» shown for null");
            else
            {
                var tolerance = text.EndsWith('%') ? 0.0005 : text.Contains(',') ? 0.05 : 0;
                Assert.True(shown is { } s && Math.Abs(s - value.GetDouble()) <= tolerance + 1e-9, $"{table}/{row}/{column}: «{text}» shown, {value} in the JSON");
            }
        }
        // The file active of the last month, as a key figure, is the figure the engine checked against a direct count.
        Assert.Contains(json.RootElement.GetProperty("checks").EnumerateArray(), c => c.GetProperty("id").GetString() == "dashboard.file_active" && c.GetProperty("passed").GetBoolean());
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
