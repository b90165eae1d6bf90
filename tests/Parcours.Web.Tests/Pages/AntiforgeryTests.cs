using System.Net;
using Microsoft.EntityFrameworkCore;
using Parcours.TestCommon;
using Parcours.Web.Tests.Support;

namespace Parcours.Web.Tests.Pages;

/// <summary>Forms posted without the antiforgery token are refused (400) and change nothing.</summary>
public class AntiforgeryTests
{
    [Fact]
    public async Task Login_PostWithoutToken_Gets400AndNeitherSignsInNorCountsFailures()
    {
        var demo = await DemoDatabase.GetAsync();
        await using var factory = new ParcoursWebFactory(demo.CreateCopy("af-login"));
        using var client = factory.CreateBrowserlessClient();
        await client.GetPageAsync("/connexion"); // the antiforgery cookie is there, only the form field is missing

        using var right = await client.PostFormAsync("/connexion", [new("Login", "coordinateur1"), new("Password", DemoDatabase.Password)]);
        var wrongStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.PostFormAsync("/connexion", [new("Login", "coordinateur2"), new("Password", "faux")]);
            wrongStatuses.Add(wrong.StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("Requête refusée", (await Html.ParseAsync(right)).QuerySelector("h1").Text());
        Assert.All(wrongStatuses, s => Assert.Equal(HttpStatusCode.BadRequest, s));
        await LoginTests.AssertAnonymousAsync(client);
        // Five refused posts did not lock coordinateur2: it still signs in.
        using var coordinator2 = await factory.LoginAsync("coordinateur2");
    }

    [Fact]
    public async Task Reassign_PostWithoutToken_Gets400AndKeepsTheReferent()
    {
        var demo = await DemoDatabase.GetAsync();
        var database = demo.CreateCopy("af-reassign");
        await using var factory = new ParcoursWebFactory(database);
        await using var data = new DemoData(database);
        var organisation = await data.OrganisationOfAsync("coordinateur1");
        var (participantId, pathwayId, referentId) = await data.OpenPathwayAsync(organisation);
        var otherReferent = await data.Db.Referents.Where(r => r.OrganisationId == organisation && r.Id != referentId).Select(r => r.Id).FirstAsync();
        var version = await data.Db.Pathways.Where(p => p.Id == pathwayId).Select(p => p.Version).SingleAsync();
        var auditBefore = await data.Db.AuditEntries.CountAsync();
        using var client = await factory.LoginAsync("coordinateur1");
        var before = await client.GetPageAsync($"/participants/{participantId}");
        var referentName = before.QuerySelector($"[data-testid=pathway-{pathwayId}] [data-testid=pathway-referent]").Text();

        using var response = await client.PostFormAsync($"/participants/{participantId}?handler=Reassign",
        [
            new("PathwayId", pathwayId.ToString()),
            new("ReferentId", otherReferent.ToString()),
            new("Version", version.ToString()),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var after = await client.GetPageAsync($"/participants/{participantId}");
        Assert.Equal(referentName, after.QuerySelector($"[data-testid=pathway-{pathwayId}] [data-testid=pathway-referent]").Text());
        Assert.Equal(referentId, await data.Db.Pathways.Where(p => p.Id == pathwayId).Select(p => p.ReferentId).SingleAsync());
        Assert.Equal(auditBefore, await data.Db.AuditEntries.CountAsync());
    }
}
