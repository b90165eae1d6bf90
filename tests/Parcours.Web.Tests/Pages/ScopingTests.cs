using System.Net;
using System.Text.Json;
using Parcours.TestCommon;
using Parcours.Web.Tests.Support;

namespace Parcours.Web.Tests.Pages;

/// <summary>R-704: a user sees the participants of their organisation; a référent, their caseload only.</summary>
public class ScopingTests(SharedWebApp app) : IClassFixture<SharedWebApp>
{
    [Fact]
    public async Task ParticipantFile_OtherOrganisation_Returns404OnPageAndApi()
    {
        await using var data = app.Data();
        var (participantId, pathwayId) = await data.ParticipantOfOrganisationAsync(await data.OrganisationOfAsync("coordinateur2"));
        using var coordinator1 = await app.Factory.LoginAsync("coordinateur1");
        using var coordinator2 = await app.Factory.LoginAsync("coordinateur2");
        string[] urls = [$"/participants/{participantId}", $"/api/v1/participants/{participantId}", $"/api/v1/pathways/{pathwayId}"];

        foreach (var url in urls)
        {
            using var outsider = await coordinator1.GetAsync(url);
            using var owner = await coordinator2.GetAsync(url);
            Assert.True(outsider.StatusCode == HttpStatusCode.NotFound, $"coordinateur1 GET {url}: {(int)outsider.StatusCode}");
            Assert.True(owner.StatusCode == HttpStatusCode.OK, $"coordinateur2 GET {url}: {(int)owner.StatusCode}");
        }
        using var page = await coordinator1.GetAsync(urls[0]);
        Assert.Equal("Page introuvable", (await Html.ParseAsync(page)).QuerySelector("h1").Text());
    }

    [Fact]
    public async Task ParticipantList_Referent_ShowsOnlyItsCaseload()
    {
        await using var data = app.Data();
        var referents = await data.VisibleReferentsOfAsync("referent1-1");
        var caseload = await data.CaseloadAsync(referents);
        using var client = await app.Factory.LoginAsync("referent1-1");

        var shown = new List<long>();
        var first = await client.GetPageAsync("/participants");
        var pages = first.QuerySelector("[aria-current=page][title^=Page]")?.Text() is { } pager ? int.Parse(pager.Split('/')[1].Trim()) : 1;
        for (var n = 1; n <= pages; n++)
        {
            var page = n == 1 ? first : await client.GetPageAsync($"/participants?page={n}");
            shown.AddRange(page.QuerySelectorAll("tbody tr td:first-child a")
                .Select(a => long.Parse(a.GetAttribute("href")!["/participants/".Length..])));
        }

        Assert.NotEmpty(caseload);
        Assert.All(shown, id => Assert.Contains(id, caseload));
        Assert.Equal(caseload.Order(), shown.Order());
        Assert.Equal($"{caseload.Count} participants", first.QuerySelector("[data-testid=result-count]").Text());
    }

    [Fact]
    public async Task ApiParticipants_Referent_ReturnsOnlyItsCaseload()
    {
        await using var data = app.Data();
        var referents = await data.VisibleReferentsOfAsync("referent1-1");
        var caseload = await data.CaseloadAsync(referents);
        using var client = await app.Factory.LoginAsync("referent1-1");

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/participants?pageSize=200"));
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(caseload.Count, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(caseload.Count, items.Count);
        Assert.All(items, item =>
        {
            Assert.Contains(item.GetProperty("id").GetInt64(), caseload);
            Assert.Contains(item.GetProperty("referentId").GetInt64(), referents);
        });
    }

    [Fact]
    public async Task ParticipantFile_OtherReferentOfSameOrganisation_Returns404ToReferent()
    {
        await using var data = app.Data();
        var organisation = await data.OrganisationOfAsync("referent1-1");
        var participantId = await data.ParticipantOfAnotherReferentAsync(organisation, await data.VisibleReferentsOfAsync("referent1-1"));
        var ownParticipant = (await data.CaseloadAsync([await data.ReferentOfAsync("referent1-1")])).Min();
        using var referent = await app.Factory.LoginAsync("referent1-1");
        using var coordinator = await app.Factory.LoginAsync("coordinateur1");

        using var page = await referent.GetAsync($"/participants/{participantId}");
        using var api = await referent.GetAsync($"/api/v1/participants/{participantId}");
        using var ownPage = await referent.GetAsync($"/participants/{ownParticipant}");
        using var coordinatorPage = await coordinator.GetAsync($"/participants/{participantId}");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, coordinatorPage.StatusCode);
    }

    [Fact]
    public async Task ApiParticipants_Anonymous_Returns401()
    {
        using var client = app.Factory.CreateBrowserlessClient();

        using var list = await client.GetAsync("/api/v1/participants");
        using var one = await client.GetAsync("/api/v1/participants/1");

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, one.StatusCode);
        Assert.Null(list.Headers.Location);
    }

    [Fact]
    public async Task ParticipantList_Anonymous_RedirectsToLogin()
    {
        using var client = app.Factory.CreateBrowserlessClient();

        using var response = await client.GetAsync("/participants");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/connexion", response.Headers.Location!.AbsolutePath());
    }
}
