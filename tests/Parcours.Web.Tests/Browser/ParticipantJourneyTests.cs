using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Parcours.Domain.Pathways;
using Parcours.TestCommon;
using Parcours.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Parcours.Web.Tests.Browser;

/// <summary>
/// A référent's journey in a real browser (Debian's Chromium) against a real Kestrel server on a copy of the demo
/// database: sign in, list, search by last name, open the file.
/// </summary>
public class ParticipantJourneyTests
{
    [Fact]
    public async Task Referent_SearchesItsParticipantByLastName_OpensTheFileWithItsSteps()
    {
        var demo = await DemoDatabase.GetAsync();
        var database = demo.CreateCopy("browser");
        long participantId;
        string lastName, firstName;
        await using (var data = new DemoData(database))
        {
            var caseload = await data.CaseloadAsync([await data.ReferentOfAsync("referent1-1")]);
            // A participant whose last name matches nobody else of the caseload, so that the search finds one row.
            var identities = await data.Db.Identities.Where(i => caseload.Contains(i.Id) && i.Participant!.Pathways.Any(p => p.Steps.Any()))
                .OrderBy(i => i.Id).Select(i => new { i.Id, i.LastName, i.FirstName, i.SearchName }).ToListAsync();
            var chosen = identities.First(i =>
            {
                var key = ParticipantIdentity.Normalise(i.LastName);
                return identities.Count(o => o.SearchName.StartsWith(key, StringComparison.Ordinal) || o.SearchName.Contains(" " + key, StringComparison.Ordinal)) == 1;
            });
            (participantId, lastName, firstName) = (chosen.Id, chosen.LastName, chosen.FirstName);
        }

        await using var server = ParcoursWebApp.Build([], b =>
        {
            b.Configuration[ParcoursWebApp.DatabaseKey] = database;
            b.Configuration["Logging:LogLevel:Default"] = "Warning";
            b.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

        // Generous waits: the browser shares the machine with the rest of the suite.
        SetDefaultExpectTimeout(20_000);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.ExecutablePath,
            Args = Chromium.LaunchArgs,
            Headless = true,
        });
        var context = await browser.NewContextAsync(new() { BaseURL = address, Locale = "fr-FR", ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var css = await context.APIRequest.GetAsync("/dsfr/dsfr.min.css");

        await page.GotoAsync("/participants");
        await Expect(page).ToHaveURLAsync(new Regex("/connexion\\?ReturnUrl="));
        await page.GetByLabel("Identifiant").FillAsync("referent1-1");
        await page.GetByLabel("Mot de passe").FillAsync(DemoDatabase.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/participants$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Participants");
        var listed = await page.Locator("tbody tr").CountAsync();
        await page.GetByLabel("Nom ou prénom").FillAsync(lastName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/participants\\?nom="));
        var found = page.Locator("tbody tr a");
        await Expect(found).ToHaveCountAsync(1);
        await found.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/participants/{participantId}$"));
        await page.EvaluateAsync("() => document.fonts.ready");
        var heading = await page.Locator("h1").InnerTextAsync();
        var stepsHeading = page.GetByRole(AriaRole.Heading, new() { Name = "Étapes" }).First;
        var stepCount = await page.Locator("[data-testid=step]").CountAsync();
        // The timeline's dots are its only markers (the DSFR would also number the items, beside the dots).
        var stepMarker = await page.Locator("[data-testid=step]").First.EvaluateAsync<string>("e => getComputedStyle(e, '::marker').content");
        // The DSFR stylesheet applied: the main heading uses the DSFR font (Marianne).
        var headingFont = await page.Locator("h1").EvaluateAsync<string>("e => getComputedStyle(e).fontFamily");

        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "participant-file.png"), FullPage = true });

        Assert.Equal(200, css.Status);
        Assert.StartsWith("text/css", css.Headers["content-type"]);
        Assert.InRange(listed, 1, 50);
        Assert.Equal($"{lastName.ToUpperInvariant()} {firstName}", heading);
        Assert.True(await stepsHeading.IsVisibleAsync());
        Assert.True(stepCount > 0);
        Assert.Equal("none", stepMarker);
        Assert.Contains("Marianne", headingFont);

        await server.StopAsync();
    }
}
