using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Parcours.Web.Tests.Pages;
using Parcours.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Parcours.Web.Tests.Browser;

/// <summary>
/// A coordinator in Debian's Chromium: opens «Échanges de données» from the menu, downloads the organisation's export,
/// then uploads it with one wrong SIRET and reads in the page why nothing was imported.
/// </summary>
public class ExchangeBrowserTests
{
    [Fact]
    public async Task Coordinator_ExportsThenUploadsABadDataset_SeesTheRefusalAndTheFaultyLine()
    {
        await using var server = await BrowserServer.StartAsync("exchange-browser");
        var page = await server.SignInAsync("coordinateur1");
        var folder = Directory.CreateTempSubdirectory("parcours-exchange-browser-").FullName;
        try
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Échanges de données" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/echanges$"));
            await Expect(page.Locator("h1")).ToHaveTextAsync("Échanges de données");

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Exporter (.zip)" }).ClickAsync());
            var exported = Path.Combine(folder, download.SuggestedFilename);
            await download.SaveAsAsync(exported);
            Assert.Matches("^parcours-.+-export-\\d{8}\\.zip$", download.SuggestedFilename);
            using (var zip = ZipFile.OpenRead(exported)) Assert.Contains(zip.Entries, e => e.Name == "manifest.json");

            var (bad, line, _) = ExchangePageTests.WithBadSiret(await File.ReadAllBytesAsync(exported));
            var upload = Path.Combine(folder, "jeu-corrige.zip");
            await File.WriteAllBytesAsync(upload, bad);
            await page.GotoAsync("/echanges");
            await page.GetByLabel("Jeu de données (.zip)").SetInputFilesAsync(upload);
            await page.GetByRole(AriaRole.Button, new() { Name = "Importer" }).ClickAsync();

            await Expect(page.Locator("[data-outcome=rejected]")).ToContainTextAsync("Jeu refusé : rien n'a été enregistré");
            var error = page.GetByTestId("import-issues").Locator("tbody tr", new() { HasText = "SIRET_CHECKSUM" });
            await Expect(error).ToHaveCountAsync(1);
            await Expect(error.Locator("td").Nth(1)).ToHaveTextAsync("steps.csv");
            await Expect(error.Locator("td").Nth(2)).ToHaveTextAsync(line.ToString());
            await Expect(error.Locator("td").Nth(6)).ToHaveTextAsync("Le SIRET ne respecte pas sa clé de contrôle.");
            var report = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-link").ClickAsync());
            Assert.Equal("import-report.csv", report.SuggestedFilename);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
