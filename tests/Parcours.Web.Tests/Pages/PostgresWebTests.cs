using System.Net;
using System.Text.Json;
using Parcours.TestCommon;
using Parcours.Web.Tests.Support;

namespace Parcours.Web.Tests.Pages;

/// <summary>A fresh PostgreSQL database of the run's server, migrated and generated (150 participants).</summary>
public sealed class PostgresWebApp : IAsyncLifetime
{
    public const int Participants = 150;

    private ParcoursWebFactory? _factory;

    public string ConnectionString { get; private set; } = "";

    public ParcoursWebFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialised.");

    public async Task InitializeAsync()
    {
        ConnectionString = PostgresTestServer.ConnectionStringForNewDatabase("webtests");
        await DemoDatabase.GenerateAsync(ConnectionString, Participants, seed: 11);
        _factory = new ParcoursWebFactory(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
    }
}

/// <summary>The same application on PostgreSQL: login, caseload scoping and organisation scoping.</summary>
public class PostgresWebTests(PostgresWebApp app) : IClassFixture<PostgresWebApp>
{
    [Fact]
    public async Task Login_OnPostgres_RightPasswordGreetsAndWrongPasswordIsRefused()
    {
        using var wrong = app.Factory.CreateBrowserlessClient();
        using var refused = await wrong.SubmitLoginAsync("lecteur3", "pas-le-bon");
        using var client = app.Factory.CreateBrowserlessClient();
        using var accepted = await client.SubmitLoginAsync("coordinateur3", DemoDatabase.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Identifiant ou mot de passe incorrect.", (await Html.ParseAsync(refused)).QuerySelector("[data-testid=login-error]").Text());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("Bonjour Coordination PLIE de l'Artois", (await client.GetPageAsync("/")).QuerySelector("h1").Text());
    }

    [Fact]
    public async Task ParticipantList_ReferentOnPostgres_ShowsOnlyItsCaseload()
    {
        await using var data = new DemoData(app.ConnectionString);
        var referents = await data.VisibleReferentsOfAsync("referent1-1");
        var caseload = await data.CaseloadAsync(referents);
        using var client = await app.Factory.LoginAsync("referent1-1");

        var page = await client.GetPageAsync("/participants");
        var shown = page.QuerySelectorAll("tbody tr td:first-child a")
            .Select(a => long.Parse(a.GetAttribute("href")!["/participants/".Length..])).ToList();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/participants?pageSize=200"));
        var fromApi = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();

        Assert.InRange(caseload.Count, 1, 50); // one page
        Assert.Equal(caseload.Order(), shown.Order());
        Assert.Equal(caseload.Order(), fromApi.Order());
    }

    [Fact]
    public async Task ApiParticipant_OtherOrganisationOnPostgres_Returns404()
    {
        await using var data = new DemoData(app.ConnectionString);
        var (participantId, pathwayId) = await data.ParticipantOfOrganisationAsync(await data.OrganisationOfAsync("coordinateur2"));
        using var outsider = await app.Factory.LoginAsync("coordinateur1");
        using var owner = await app.Factory.LoginAsync("coordinateur2");

        using var participant = await outsider.GetAsync($"/api/v1/participants/{participantId}");
        using var pathway = await outsider.GetAsync($"/api/v1/pathways/{pathwayId}");
        using var ownParticipant = await owner.GetAsync($"/api/v1/participants/{participantId}");

        Assert.Equal(HttpStatusCode.NotFound, participant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pathway.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownParticipant.StatusCode);
    }
}
