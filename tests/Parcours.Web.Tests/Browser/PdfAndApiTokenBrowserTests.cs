using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Parcours.Domain.CodeLists;
using Parcours.TestCommon;
using Parcours.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Parcours.Web.Tests.Browser;

/// <summary>
/// In Debian's Chromium against a real server: a script of the page writes through the API (refused without the
/// antiforgery token, accepted with the one of GET /api/v1/antiforgery), and the «Télécharger en PDF» links download
/// PDFs whose text (read by pdftotext) shows the new contract and the monthly letter's figures.
/// </summary>
public class PdfAndApiTokenBrowserTests
{
    [Fact]
    public async Task Browser_ApiWriteNeedsTheToken_AndPdfLinksDownloadTheDocuments()
    {
        var demo = await DemoDatabase.GetAsync();
        var database = demo.CreateCopy("pdf-browser");
        long pathwayId;
        await using (var data = new DemoData(database))
        {
            var referent = await data.ReferentOfAsync("referent1-1");
            pathwayId = await data.Db.Pathways.Where(p => p.ReferentId == referent && p.Status == PathwayStatus.ENTRE).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }
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
        var context = await browser.NewContextAsync(new() { BaseURL = address, Locale = "fr-FR", AcceptDownloads = true });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/parcours/{pathwayId}");
        await page.GetByLabel("Identifiant").FillAsync("referent1-1");
        await page.GetByLabel("Mot de passe").FillAsync(DemoDatabase.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.Locator("h1")).ToBeVisibleAsync();

        // A script of the page posts a contract: refused without the token, accepted with it.
        var today = DateOnly.FromDateTime(DateTime.Today); // this server runs on the system clock
        var start = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = today.AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var written = await page.EvaluateAsync<string>("""
            async ([id, start, end]) => {
              const pathway = await (await fetch(`/api/v1/pathways/${id}`)).json();
              const body = JSON.stringify({ Kind: 'CONTRAT_ENGAGEMENT', SignedOn: start, StartDate: start, EndDate: end, WeeklyActivityHours: 12.5, Version: pathway.version });
              const without = await fetch(`/api/v1/pathways/${id}/contracts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
              const problem = await without.json();
              const { headerName, token } = await (await fetch('/api/v1/antiforgery')).json();
              const withToken = await fetch(`/api/v1/pathways/${id}/contracts`, { method: 'POST', headers: { 'Content-Type': 'application/json', [headerName]: token }, body });
              return `${without.status} ${problem.title} | ${withToken.status}`;
            }
            """, new object[] { pathwayId, start, end });
        Assert.Equal("400 Jeton anti-contrefaçon manquant ou invalide | 204", written);

        // The pathway page lists the new contract with its PDF link; the download has a name without any person's name.
        await page.ReloadAsync();
        var contract = page.GetByTestId("contracts").Locator("li").Filter(new() { HasText = "12,5 h par semaine" });
        var download = await page.RunAndWaitForDownloadAsync(() => contract.GetByRole(AriaRole.Link, new() { Name = "Télécharger en PDF" }).ClickAsync());
        Assert.Equal($"contrat-engagement-{today.AddDays(-1):yyyy-MM}.pdf", download.SuggestedFilename);
        var text = Regex.Replace(PdfText.Extract(await File.ReadAllBytesAsync(await download.PathAsync())), @"\s+", " ");
        Assert.Contains("Contrat d'engagement", text);
        Assert.Contains($"du {today.AddDays(-1):dd/MM/yyyy} au {today.AddMonths(6):dd/MM/yyyy}", text);
        Assert.Contains("Durée hebdomadaire d'activité 12,5 heures", text);

        // The monthly letter page's PDF link, as a coordinator.
        await context.ClearCookiesAsync();
        await page.GotoAsync("/rapports/lettre-mensuelle?mois=2025-06");
        await page.GetByLabel("Identifiant").FillAsync("coordinateur1");
        await page.GetByLabel("Mot de passe").FillAsync(DemoDatabase.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        var shownEntries = await page.Locator("[data-table=activity] tr[data-row=ENTREES] td[data-col=MOIS]").InnerTextAsync();
        var letter = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger en PDF (A4)" }).ClickAsync());
        Assert.Equal("lettre-mensuelle-2025-06.pdf", letter.SuggestedFilename);
        var lines = PdfText.Extract(await File.ReadAllBytesAsync(await letter.PathAsync()), layout: true).Split('\n').Select(l => Regex.Replace(l, @"\s+", " ").Trim());
        var api = await context.APIRequest.GetAsync("/api/v1/reports/lettre-mensuelle?month=2025-06");
        using var json = JsonDocument.Parse(await api.TextAsync());
        await server.StopAsync();

        var entries = json.RootElement.GetProperty("tables").GetProperty("activity").GetProperty("rows").GetProperty("ENTREES");
        Assert.Equal(entries.GetProperty("MOIS").GetInt32().ToString(CultureInfo.InvariantCulture), shownEntries.Replace("\u202F", "").Replace("\u00A0", "").Trim());
        Assert.Contains(lines, l => l.StartsWith($"Entrées {entries.GetProperty("MOIS").GetInt32()} ", StringComparison.Ordinal));
    }
}
