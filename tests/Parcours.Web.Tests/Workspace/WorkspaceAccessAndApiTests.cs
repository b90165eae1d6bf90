using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parcours.Domain.CodeLists;
using Parcours.TestCommon;
using Parcours.Web.Tests.Support;

namespace Parcours.Web.Tests.Workspace;

/// <summary>A writable copy of the demo database behind an in-memory server, shared by the tests of a class.</summary>
public sealed class WritableWebApp : IAsyncLifetime
{
    public ParcoursWebFactory Factory { get; private set; } = null!;
    public string Database { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Database = (await DemoDatabase.GetAsync()).CreateCopy("workspace-api");
        Factory = new ParcoursWebFactory(Database);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// R-704 on the workspace: a référent reaches neither another organisation's pathway nor another référent's
/// (page and API, reads and writes); coordination writes are refused to a référent; the API runs the same rules.
/// </summary>
public class WorkspaceAccessAndApiTests(WritableWebApp app) : IClassFixture<WritableWebApp>
{
    private static readonly DateOnly Today = DemoDatabase.Today;

    private async Task<(long OtherOrganisation, long OtherReferent, long Own)> PathwaysAsync()
    {
        await using var data = new DemoData(app.Database);
        var organisation = await data.OrganisationOfAsync("referent1-1");
        var visible = await data.VisibleReferentsOfAsync("referent1-1");
        var other = await data.Db.Pathways.Where(p => p.OrganisationId != organisation).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var otherReferent = await data.Db.Pathways.Where(p => p.OrganisationId == organisation && p.ReferentId != null && !visible.Contains(p.ReferentId.Value)
            && p.Status == PathwayStatus.ENTRE).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var own = await data.Db.Pathways.Where(p => p.ReferentId == visible[0] && p.Status == PathwayStatus.ENTRE).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        return (other, otherReferent, own);
    }

    [Fact]
    public async Task Referent_CannotOpenOrWrite_AnotherOrganisationsOrAnotherReferentsPathway()
    {
        var (otherOrganisation, otherReferent, own) = await PathwaysAsync();
        using var referent = await app.Factory.LoginForApiAsync("referent1-1");
        var step = new { StepType = "ACTION_MOBILISATION", StartDate = Today, OpenEnded = false, Version = 0 };

        foreach (var id in new[] { otherOrganisation, otherReferent })
        {
            using var page = await referent.GetAsync($"/parcours/{id}");
            using var api = await referent.GetAsync($"/api/v1/pathways/{id}");
            using var write = await referent.PostAsJsonAsync($"/api/v1/pathways/{id}/steps", step);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        }
        using var ownPage = await referent.GetAsync($"/parcours/{own}");
        Assert.Equal(HttpStatusCode.OK, ownPage.StatusCode);

        // The caseload lists only the référent's pathways.
        using var caseload = JsonDocument.Parse(await referent.GetStringAsync("/api/v1/caseload"));
        var ids = caseload.RootElement.EnumerateArray().Select(e => e.GetProperty("pathwayId").GetInt64()).ToList();
        Assert.Contains(own, ids);
        Assert.DoesNotContain(otherReferent, ids);
        Assert.DoesNotContain(otherOrganisation, ids);
    }

    [Fact]
    public async Task Referent_CoordinationWrites_Refused403_AndPageFormPostsRefused()
    {
        var (_, _, own) = await PathwaysAsync();
        using var referent = await app.Factory.LoginForApiAsync("referent1-1");
        using var exit = await referent.PostAsJsonAsync($"/api/v1/pathways/{own}/exit", new { Reason = "ABANDON", Version = 0 });
        using var loads = await referent.GetAsync("/api/v1/caseload/referents");
        using var commission = await referent.GetAsync("/commission");
        Assert.Equal(HttpStatusCode.Forbidden, exit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, loads.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, commission.StatusCode);
    }

    [Fact]
    public async Task Api_EntryProcedure_FromPrescriptionToEntry_SameRulesAndConcurrency()
    {
        long referentId;
        await using (var data = new DemoData(app.Database)) referentId = await data.ReferentOfAsync("referent1-1");
        using var coordinator = await app.Factory.LoginForApiAsync("coordinateur1");

        using var created = await coordinator.PostAsJsonAsync("/api/v1/prescriptions", new
        {
            LastName = "Marchand", FirstName = "Léa", BirthDate = new DateOnly(1990, 2, 3), Sex = "FEMME",
            PrescriberKind = "MISSION_LOCALE", PrescriberName = "Mission locale", PrescriptionDate = Today.AddDays(-10),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pathwayId").GetInt64();

        async Task<int> Version()
        {
            using var json = JsonDocument.Parse(await coordinator.GetStringAsync($"/api/v1/pathways/{id}"));
            return json.RootElement.GetProperty("version").GetInt32();
        }
        async Task Ok(HttpResponseMessage r) => Assert.True(r.StatusCode == HttpStatusCode.NoContent, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");

        await Ok(await coordinator.PostAsJsonAsync($"/api/v1/pathways/{id}/pre-assignment", new { ReferentId = referentId, Date = Today.AddDays(-9), Version = await Version() }));
        // A stale version is refused (optimistic concurrency).
        using var stale = await coordinator.PostAsJsonAsync($"/api/v1/pathways/{id}/convocations", new { SentOn = Today.AddDays(-8), AppointmentOn = Today.AddDays(-5), Version = 0 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Contains("modifié par quelqu'un d'autre", await stale.Content.ReadAsStringAsync());
        await Ok(await coordinator.PostAsJsonAsync($"/api/v1/pathways/{id}/convocations", new { SentOn = Today.AddDays(-8), AppointmentOn = Today.AddDays(-5), Version = await Version() }));
        await Ok(await coordinator.PostAsJsonAsync($"/api/v1/pathways/{id}/interview", new { Date = Today.AddDays(-5), Version = await Version() }));
        // The same rule as the page: an incomplete file cannot go to the commission.
        using var incomplete = await coordinator.PostAsJsonAsync($"/api/v1/pathways/{id}/commission", new { Date = Today, Version = await Version() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        Assert.Contains("Le dossier administratif est incomplet", await incomplete.Content.ReadAsStringAsync());
        await Ok(await coordinator.PutAsJsonAsync($"/api/v1/pathways/{id}/documents", new
        {
            Documents = new[] { "PIECE_IDENTITE", "JUSTIFICATIF_DOMICILE", "JUSTIFICATIF_STATUT", "ENGAGEMENT_SIGNE" }, ReceivedOn = Today.AddDays(-5), Version = await Version(),
        }));
        await Ok(await coordinator.PostAsJsonAsync($"/api/v1/pathways/{id}/commission", new { Date = Today, Version = await Version() }));
        using (var agenda = JsonDocument.Parse(await coordinator.GetStringAsync("/api/v1/commission")))
            Assert.Contains(agenda.RootElement.EnumerateArray(), e => e.GetProperty("pathwayId").GetInt64() == id);
        await Ok(await coordinator.PostAsJsonAsync($"/api/v1/pathways/{id}/entry", new { EntryDate = Today, PublicCategory = "AUTRE", Version = await Version() }));

        using var pathway = JsonDocument.Parse(await coordinator.GetStringAsync($"/api/v1/pathways/{id}"));
        Assert.Equal("ENTRE", pathway.RootElement.GetProperty("status").GetString());
        Assert.Equal(1, pathway.RootElement.GetProperty("convocationCount").GetInt32());
        await using var check = new DemoData(app.Database);
        var audited = await check.Db.AuditEntries.Where(a => a.EntityType == "Pathway" && a.EntityId == id).Select(a => a.Actor).ToListAsync();
        Assert.True(audited.Count >= 6, $"{audited.Count} audit entries");
        Assert.All(audited, actor => Assert.Equal("coordinateur1", actor));
    }

    [Fact]
    public async Task Api_ContractEndingWithin30Days_RaisesTheRenewalAlert_AndPrints()
    {
        var (_, _, own) = await PathwaysAsync();
        using var referent = await app.Factory.LoginForApiAsync("referent1-1");
        int version;
        using (var json = JsonDocument.Parse(await referent.GetStringAsync($"/api/v1/pathways/{own}"))) version = json.RootElement.GetProperty("version").GetInt32();
        var today = DateOnly.FromDateTime(DateTime.Today); // this factory runs on the system clock
        using var added = await referent.PostAsJsonAsync($"/api/v1/pathways/{own}/contracts", new
        {
            Kind = "CER", SignedOn = today.AddMonths(-6), StartDate = today.AddMonths(-6), EndDate = today.AddDays(20), WeeklyActivityHours = 15, Version = version,
        });
        Assert.True(added.StatusCode == HttpStatusCode.NoContent, await added.Content.ReadAsStringAsync());

        using var caseload = JsonDocument.Parse(await referent.GetStringAsync("/api/v1/caseload?alert=ContractToRenew"));
        var row = caseload.RootElement.EnumerateArray().Single(e => e.GetProperty("pathwayId").GetInt64() == own);
        Assert.Contains(row.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("kind").GetString() == "ContractToRenew");

        long contractId;
        using (var json = JsonDocument.Parse(await referent.GetStringAsync($"/api/v1/pathways/{own}")))
            contractId = json.RootElement.GetProperty("contracts").EnumerateArray().Last().GetProperty("id").GetInt64();
        var print = await referent.GetPageAsync($"/parcours/{own}/contrat/{contractId}");
        Assert.Equal("Contrat d'engagement réciproque", print.QuerySelector("[data-testid=document-title]").Text());
    }

    [Fact]
    public async Task Rsa_OrientationRecorded_OverdueContractListed_PageAndApi()
    {
        long pathwayId;
        string login;
        await using (var data = new DemoData(app.Database))
        {
            var rsa = await data.Db.Pathways.Where(p => p.Scheme == Scheme.ACCOMPAGNEMENT_RSA && p.Status == PathwayStatus.ENTRE
                    && !data.Db.Contracts.Any(c => c.PathwayId == p.Id && (c.Kind == CommitmentContractKind.CER || c.Kind == CommitmentContractKind.CONTRAT_ENGAGEMENT)))
                .OrderBy(p => p.Id).Select(p => new { p.Id, p.OrganisationId }).FirstAsync();
            pathwayId = rsa.Id;
            login = await data.Db.Users.Where(u => u.OrganisationId == rsa.OrganisationId && u.Roles == Domain.Access.Role.Coordinator).Select(u => u.Login).FirstAsync();
        }
        using var coordinator = await app.Factory.LoginForApiAsync(login);
        int version;
        using (var json = JsonDocument.Parse(await coordinator.GetStringAsync($"/api/v1/pathways/{pathwayId}"))) version = json.RootElement.GetProperty("version").GetInt32();
        var today = DateOnly.FromDateTime(DateTime.Today);
        using var put = await coordinator.PutAsJsonAsync($"/api/v1/pathways/{pathwayId}/rsa-orientation", new
        {
            RightsOpenedOn = today.AddDays(-90), OrientedOn = today.AddDays(-60), OrientationType = "PROFESSIONNELLE", OrganisationName = "France Travail", Version = version,
        });
        Assert.True(put.StatusCode == HttpStatusCode.NoContent, await put.Content.ReadAsStringAsync());

        using var overdue = JsonDocument.Parse(await coordinator.GetStringAsync("/api/v1/rsa/orientations?overdue=true"));
        var file = overdue.RootElement.EnumerateArray().Single(e => e.GetProperty("pathwayId").GetInt64() == pathwayId);
        Assert.StartsWith("Contrat en retard", file.GetProperty("overdue")[0].GetString());
        var page = await coordinator.GetPageAsync("/rsa?retard=true");
        Assert.Contains("Contrat en retard", page.QuerySelector($"[data-testid=rsa-row][data-pathway='{pathwayId}']").Text());
    }
}
