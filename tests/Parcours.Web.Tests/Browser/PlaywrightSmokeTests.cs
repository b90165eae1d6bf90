using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Parcours.TestCommon;

namespace Parcours.Web.Tests.Browser;

/// <summary>
/// Proves that Playwright drives Debian's Chromium (no browser download) against a local
/// Kestrel server.
/// </summary>
public class PlaywrightSmokeTests
{
    private const string Page = """
        <!doctype html>
        <html lang="fr">
        <head><meta charset="utf-8"><title>Parcours – test du navigateur</title></head>
        <body><h1 id="titre">Bonjour</h1></body>
        </html>
        """;

    [Fact]
    public async Task Chromium_reads_the_title_of_a_local_page()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/", () => Results.Content(Page, "text/html; charset=utf-8"));
        await app.StartAsync();
        // After start, Urls holds the address Kestrel bound (port 0 → a free port).
        var address = app.Urls.Single();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.ExecutablePath,
            Args = Chromium.LaunchArgs,
            Headless = true,
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(address);

        Assert.Equal("Parcours – test du navigateur", await page.TitleAsync());
        Assert.Equal("Bonjour", await page.TextContentAsync("#titre"));

        await app.StopAsync();
    }
}
