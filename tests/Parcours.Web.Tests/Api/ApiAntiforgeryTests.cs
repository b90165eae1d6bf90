using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parcours.Domain.CodeLists;
using Parcours.TestCommon;
using Parcours.Web.Tests.Support;
using Parcours.Web.Tests.Workspace;

namespace Parcours.Web.Tests.Api;

/// <summary>
/// API writes of a signed-in user need the session's antiforgery token in the X-CSRF-TOKEN header: without it (or
/// with another session's) the write is refused with 400 and a French problem, and nothing is written; with the
/// token of GET /api/v1/antiforgery or of a page's form it goes through.
/// </summary>
public class ApiAntiforgeryTests(WritableWebApp app) : IClassFixture<WritableWebApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today); // this factory runs on the system clock

    private async Task<long> OwnPathwayAsync(string login)
    {
        await using var data = new DemoData(app.Database);
        var referent = await data.ReferentOfAsync(login);
        return await data.Db.Pathways.Where(p => p.ReferentId == referent && p.Status == PathwayStatus.ENTRE).OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync();
    }

    private async Task<int> ContractCountAsync(long pathwayId)
    {
        await using var data = new DemoData(app.Database);
        return await data.Db.Contracts.CountAsync(c => c.PathwayId == pathwayId);
    }

    private static async Task<object> ContractAsync(HttpClient client, long pathwayId, decimal hours)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/pathways/{pathwayId}"));
        return new
        {
            Kind = "CER", SignedOn = Today.AddDays(-2), StartDate = Today.AddDays(-2), EndDate = Today.AddMonths(6), WeeklyActivityHours = hours,
            Version = json.RootElement.GetProperty("version").GetInt32(),
        };
    }

    [Fact]
    public async Task Write_WithoutToken_Refused400InFrench_AndNothingWritten()
    {
        var pathway = await OwnPathwayAsync("referent1-2");
        using var referent = await app.Factory.LoginAsync("referent1-2"); // signed in, no token header
        var before = await ContractCountAsync(pathway);

        using var response = await referent.PostAsJsonAsync($"/api/v1/pathways/{pathway}/contracts", await ContractAsync(referent, pathway, 20));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Jeton anti-contrefaçon manquant ou invalide", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("X-CSRF-TOKEN", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(before, await ContractCountAsync(pathway));

        // PUT and multipart uploads are writes too.
        using var put = await referent.PutAsJsonAsync($"/api/v1/pathways/{pathway}/documents", new { Documents = Array.Empty<string>(), Version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        using var coordinator = await app.Factory.LoginAsync("coordinateur1");
        using var upload = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "dataset", "jeu.zip" } };
        using var import = await coordinator.PostAsync("/api/v1/imports", upload);
        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
    }

    [Fact]
    public async Task Write_WithTheTokenOfGetAntiforgery_Accepted_AndTheContractPdfShowsIt()
    {
        var pathway = await OwnPathwayAsync("referent1-3");
        using var referent = await app.Factory.LoginAsync("referent1-3");
        var token = await ParcoursWebFactory.ApiTokenAsync(referent);
        Assert.Equal("X-CSRF-TOKEN", token.HeaderName);
        var before = await ContractCountAsync(pathway);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/pathways/{pathway}/contracts") { Content = JsonContent.Create(await ContractAsync(referent, pathway, 17.5m)) };
        request.Headers.Add(token.HeaderName, token.Token);
        using var response = await referent.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(before + 1, await ContractCountAsync(pathway));
        long contractId;
        using (var json = JsonDocument.Parse(await referent.GetStringAsync($"/api/v1/pathways/{pathway}")))
            contractId = json.RootElement.GetProperty("contracts").EnumerateArray().Max(c => c.GetProperty("id").GetInt64());
        var pdf = await referent.GetByteArrayAsync($"/parcours/{pathway}/contrat/{contractId}?handler=pdf");
        var text = PdfText.Extract(pdf);
        Assert.Contains("17,5 heures", text);
        Assert.Contains($"du {Today.AddDays(-2):dd/MM/yyyy} au {Today.AddMonths(6):dd/MM/yyyy}", text);
    }

    [Fact]
    public async Task Write_WithTheTokenOfAPageForm_Accepted()
    {
        var pathway = await OwnPathwayAsync("referent1-4");
        using var referent = await app.Factory.LoginAsync("referent1-4");
        var page = await referent.GetPageAsync($"/parcours/{pathway}");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/pathways/{pathway}/contracts") { Content = JsonContent.Create(await ContractAsync(referent, pathway, 10)) };
        request.Headers.Add("X-CSRF-TOKEN", Html.AntiforgeryToken(page));
        using var response = await referent.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Write_WithAnotherSessionsToken_Refused()
    {
        var pathway = await OwnPathwayAsync("referent1-2");
        using var referent = await app.Factory.LoginAsync("referent1-2");
        using var other = await app.Factory.LoginAsync("referent1-3");
        var othersToken = await ParcoursWebFactory.ApiTokenAsync(other);
        var before = await ContractCountAsync(pathway);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/pathways/{pathway}/contracts") { Content = JsonContent.Create(await ContractAsync(referent, pathway, 12)) };
        request.Headers.Add(othersToken.HeaderName, othersToken.Token);
        using var response = await referent.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await ContractCountAsync(pathway));
    }

    [Fact]
    public async Task Anonymous_WriteStill401_AndTokenEndpointNeedsALogin()
    {
        using var anonymous = app.Factory.CreateBrowserlessClient();
        using var write = await anonymous.PostAsJsonAsync("/api/v1/prescriptions", new { });
        using var token = await anonymous.GetAsync("/api/v1/antiforgery");
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
    }
}
