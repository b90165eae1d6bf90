using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parcours.Domain.CodeLists;
using Parcours.Web.Tests.Support;

namespace Parcours.Web.Tests.Workspace;

/// <summary>
/// Situation changes after entry, tripartite reviews and the post-employment follow-up through the API and the page:
/// the profile at entry stays frozen, the history is dated and audited, the alerts appear and disappear in the caseload,
/// and a référent reaches none of it on another référent's pathway.
/// </summary>
public class WorkspaceFollowUpApiTests(WritableWebApp app) : IClassFixture<WritableWebApp>
{
    // This factory runs on the system clock.
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    /// <summary>Two pathways of referent1-1 in progress without any job step, and one of another référent of the same programme.</summary>
    private async Task<(long First, long Second, long OtherReferent)> PathwaysAsync()
    {
        await using var data = new DemoData(app.Database);
        var organisation = await data.OrganisationOfAsync("referent1-1");
        var visible = await data.VisibleReferentsOfAsync("referent1-1");
        var own = await data.Db.Pathways.Where(p => p.ReferentId == visible[0] && p.Status == PathwayStatus.ENTRE
                && !p.Steps.Any(s => s.StepType == StepType.EMPLOI_SORTIE || s.StepType == StepType.CLAUSE_SOCIALE))
            .OrderByDescending(p => p.Id).Select(p => p.Id).Take(2).ToListAsync();
        var other = await data.Db.Pathways.Where(p => p.OrganisationId == organisation && p.ReferentId != null && !visible.Contains(p.ReferentId.Value)
            && p.Status == PathwayStatus.ENTRE).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        return (own[0], own[1], other);
    }

    private static async Task<int> VersionAsync(HttpClient client, long id)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/pathways/{id}"));
        return json.RootElement.GetProperty("version").GetInt32();
    }

    private static async Task NoContent(HttpResponseMessage r) =>
        Assert.True(r.StatusCode == HttpStatusCode.NoContent, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");

    private static async Task<JsonElement> CaseloadRowAsync(HttpClient client, long id)
    {
        using var caseload = JsonDocument.Parse(await client.GetStringAsync("/api/v1/caseload"));
        return caseload.RootElement.EnumerateArray().Single(e => e.GetProperty("pathwayId").GetInt64() == id).Clone();
    }

    private static bool HasAlert(JsonElement row, string kind) => row.GetProperty("alerts").EnumerateArray().Any(a => a.GetProperty("kind").GetString() == kind);

    [Fact]
    public async Task SituationChange_KeepsTheEntryProfile_ShowsTheDatedHistory_IsAudited_AndScoped()
    {
        var (own, _, otherReferent) = await PathwaysAsync();
        using var referent = await app.Factory.LoginForApiAsync("referent1-1");
        string? statusAtEntry, categoryAtEntry;
        DateOnly entry;
        using (var before = JsonDocument.Parse(await referent.GetStringAsync($"/api/v1/pathways/{own}")))
        {
            categoryAtEntry = before.RootElement.GetProperty("publicCategory").GetString();
            entry = DateOnly.Parse(before.RootElement.GetProperty("entryDate").GetString()!);
        }
        using (var situation = JsonDocument.Parse(await referent.GetStringAsync($"/api/v1/pathways/{own}/situation")))
            statusAtEntry = situation.RootElement.GetProperty("atEntry").GetProperty("labourMarketStatus").GetString();
        var newStatus = statusAtEntry == "EMPLOYE" ? "INACTIF" : "EMPLOYE";
        var change = new
        {
            EffectiveOn = Today.AddDays(-3), CommuneInsee = "21231", QpvResident = false, FamilySituation = "SEUL_AVEC_ENFANTS", LoneParent = true,
            LabourMarketStatus = newStatus, EducationLevel = (string?)null, RsaRecipient = false, LongTermJobseeker = false, RegisteredFranceTravail = true,
            Version = await VersionAsync(referent, own),
        };
        await NoContent(await referent.PostAsJsonAsync($"/api/v1/pathways/{own}/situation", change));

        using (var situation = JsonDocument.Parse(await referent.GetStringAsync($"/api/v1/pathways/{own}/situation")))
        {
            var root = situation.RootElement;
            Assert.Equal(statusAtEntry, root.GetProperty("atEntry").GetProperty("labourMarketStatus").GetString());
            Assert.Equal(newStatus, root.GetProperty("current").GetProperty("labourMarketStatus").GetString());
            Assert.Equal("21231", root.GetProperty("current").GetProperty("communeInsee").GetString());
            var recorded = Assert.Single(root.GetProperty("changes").EnumerateArray().ToList());
            Assert.Equal(Today.AddDays(-3).ToString("yyyy-MM-dd"), recorded.GetProperty("effectiveOn").GetString());
            Assert.Contains(recorded.GetProperty("changes").EnumerateArray(), d => d.GetProperty("field").GetString() == "Situation sur le marché du travail");
        }
        // The profile at entry of the pathway is untouched: the reports keep counting it.
        using (var after = JsonDocument.Parse(await referent.GetStringAsync($"/api/v1/pathways/{own}")))
            Assert.Equal(categoryAtEntry, after.RootElement.GetProperty("publicCategory").GetString());

        // Same situation again, or a date before the entry: refused with a French message.
        using var same = await referent.PostAsJsonAsync($"/api/v1/pathways/{own}/situation", change with { Version = await VersionAsync(referent, own) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, same.StatusCode);
        Assert.Contains("Aucun changement", await same.Content.ReadAsStringAsync());
        using var early = await referent.PostAsJsonAsync($"/api/v1/pathways/{own}/situation",
            change with { EffectiveOn = entry.AddDays(-1), LabourMarketStatus = "INACTIF_HORS_FORMATION", Version = await VersionAsync(referent, own) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);

        // The page shows the history.
        var page = await referent.GetPageAsync($"/parcours/{own}");
        Assert.Contains("Situation sur le marché du travail", page.QuerySelector("[data-testid=situation-change]").Text());

        // Another référent's pathway: not found, read or write.
        using var otherRead = await referent.GetAsync($"/api/v1/pathways/{otherReferent}/situation");
        using var otherWrite = await referent.PostAsJsonAsync($"/api/v1/pathways/{otherReferent}/situation", change with { Version = 0 });
        Assert.Equal(HttpStatusCode.NotFound, otherRead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherWrite.StatusCode);

        // Audited, the commune (identity data) without its value.
        await using var check = new DemoData(app.Database);
        var audit = await check.Db.AuditEntries.Where(a => a.EntityType == "SituationChange" && a.Actor == "referent1-1").Select(a => a.Changes).ToListAsync();
        var entryChanges = Assert.Single(audit);
        Assert.Contains("LabourMarketStatus", entryChanges);
        Assert.DoesNotContain("21231", entryChanges);
    }

    [Fact]
    public async Task TripartiteReview_Recorded_ItsNextDateRaisesTheAlert_ConclusionsStayOutOfTheApi()
    {
        var (_, own, otherReferent) = await PathwaysAsync();
        using var referent = await app.Factory.LoginForApiAsync("referent1-1");
        DateOnly entry;
        using (var json = JsonDocument.Parse(await referent.GetStringAsync($"/api/v1/pathways/{own}")))
            entry = DateOnly.Parse(json.RootElement.GetProperty("entryDate").GetString()!);
        var heldOn = entry > Today.AddDays(-30) ? entry : Today.AddDays(-30);
        var review = new
        {
            HeldOn = heldOn, ParticipantPresent = true, ReferentPresent = true, PrescriberPresent = false, EmployerPresent = true,
            Conclusions = "Projet confirmé ; recherche de stage", Decision = "NOUVELLE_ETAPE", NextReviewOn = (DateOnly?)Today.AddDays(1),
            Version = await VersionAsync(referent, own),
        };
        await NoContent(await referent.PostAsJsonAsync($"/api/v1/pathways/{own}/reviews", review));
        Assert.False(HasAlert(await CaseloadRowAsync(referent, own), "TripartiteReviewDue"));

        // The next review is today: the alert appears.
        await NoContent(await referent.PostAsJsonAsync($"/api/v1/pathways/{own}/reviews",
            review with { NextReviewOn = Today, Version = await VersionAsync(referent, own) }));
        Assert.True(HasAlert(await CaseloadRowAsync(referent, own), "TripartiteReviewDue"));

        var reviews = await referent.GetStringAsync($"/api/v1/pathways/{own}/reviews");
        using (var json = JsonDocument.Parse(reviews)) Assert.Equal(2, json.RootElement.GetArrayLength());
        Assert.DoesNotContain("recherche de stage", reviews);
        var page = await referent.GetPageAsync($"/parcours/{own}");
        Assert.Contains("recherche de stage", page.QuerySelector("[data-testid=reviews]").Text());

        // Without the participant: refused.
        using var refused = await referent.PostAsJsonAsync($"/api/v1/pathways/{own}/reviews",
            review with { ParticipantPresent = false, Version = await VersionAsync(referent, own) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Le participant doit être présent", await refused.Content.ReadAsStringAsync());
        using var other = await referent.GetAsync($"/api/v1/pathways/{otherReferent}/reviews");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

        await using var check = new DemoData(app.Database);
        var audit = await check.Db.AuditEntries.Where(a => a.EntityType == "TripartiteReview" && a.Actor == "referent1-1").Select(a => a.Changes).ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, c => Assert.DoesNotContain("recherche de stage", c));
    }

    [Fact]
    public async Task FollowUp_ExitJobTwoMonthsOld_OneMonthContactDue_RecordedThenNotDue()
    {
        var (own, _, _) = await PathwaysAsync();
        using var referent = await app.Factory.LoginForApiAsync("referent1-1");
        DateOnly entry;
        using (var json = JsonDocument.Parse(await referent.GetStringAsync($"/api/v1/pathways/{own}")))
            entry = DateOnly.Parse(json.RootElement.GetProperty("entryDate").GetString()!);
        var start = Today.AddMonths(-2).AddDays(-1);
        Assert.True(start >= entry, "the demo pathway entered less than two months ago");
        await NoContent(await referent.PostAsJsonAsync($"/api/v1/pathways/{own}/steps", new
        {
            StepType = "EMPLOI_SORTIE", StartDate = start, ContractType = "CDI", OpenEnded = true, WeeklyHours = 35, EmployerName = "Boulangerie du Port",
            Version = await VersionAsync(referent, own),
        }));
        var row = await CaseloadRowAsync(referent, own);
        Assert.True(HasAlert(row, "FollowUpDue"));

        long stepId;
        using (var json = JsonDocument.Parse(await referent.GetStringAsync($"/api/v1/pathways/{own}/follow-ups")))
        {
            var job = Assert.Single(json.RootElement.EnumerateArray().ToList());
            stepId = job.GetProperty("stepId").GetInt64();
            Assert.Equal([1, 3, 6], job.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("milestone").GetInt32()));
            Assert.Equal(start.AddMonths(1).ToString("yyyy-MM-dd"), job.GetProperty("contacts")[0].GetProperty("plannedOn").GetString());
        }
        await NoContent(await referent.PostAsJsonAsync($"/api/v1/pathways/{own}/steps/{stepId}/follow-ups",
            new { Milestone = 1, DoneOn = Today, Situation = "EN_EMPLOI", Version = await VersionAsync(referent, own) }));
        Assert.False(HasAlert(await CaseloadRowAsync(referent, own), "FollowUpDue"));

        using var twice = await referent.PostAsJsonAsync($"/api/v1/pathways/{own}/steps/{stepId}/follow-ups",
            new { Milestone = 1, DoneOn = Today, Situation = "EN_EMPLOI", Version = await VersionAsync(referent, own) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Contains("déjà enregistré", await twice.Content.ReadAsStringAsync());

        var page = await referent.GetPageAsync($"/parcours/{own}");
        var contact = page.QuerySelector("[data-testid=followup-contact][data-milestone='1']").Text();
        Assert.Contains(Today.ToString("dd/MM/yyyy"), contact);
        Assert.Contains("Toujours en emploi", contact);
    }

    [Fact]
    public async Task ExitProposal_RefusedByTheCommissionWithAReason_PathwayGoesOn_ThenAnotherValidated()
    {
        long pathwayId;
        await using (var data = new DemoData(app.Database))
        {
            var visible = await data.VisibleReferentsOfAsync("referent1-1");
            pathwayId = await data.Db.Pathways.Where(p => p.ReferentId == visible[0] && p.Status == PathwayStatus.ENTRE)
                .OrderBy(p => p.Id).Skip(2).Select(p => p.Id).FirstAsync();
        }
        using var referent = await app.Factory.LoginForApiAsync("referent1-1");
        using var coordinator = await app.Factory.LoginForApiAsync("coordinateur1");
        await NoContent(await referent.PostAsJsonAsync($"/api/v1/pathways/{pathwayId}/exit-proposal",
            new { Reason = "ABANDON", ExitDate = Today, ProposedOn = Today, Version = await VersionAsync(referent, pathwayId) }));
        // A second proposal while the first is pending: refused.
        using var twice = await referent.PostAsJsonAsync($"/api/v1/pathways/{pathwayId}/exit-proposal",
            new { Reason = "DEMENAGEMENT", ExitDate = Today, ProposedOn = Today, Version = await VersionAsync(referent, pathwayId) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        // Listed for the commission; the exchanged status is unchanged.
        using (var agenda = JsonDocument.Parse(await coordinator.GetStringAsync("/api/v1/commission/exits")))
            Assert.Contains(agenda.RootElement.EnumerateArray(), e => e.GetProperty("pathwayId").GetInt64() == pathwayId);
        using (var json = JsonDocument.Parse(await referent.GetStringAsync($"/api/v1/pathways/{pathwayId}")))
            Assert.Equal("ENTRE", json.RootElement.GetProperty("status").GetString());

        // Only the commission refuses, and only with a reason.
        using var byReferent = await referent.PostAsJsonAsync($"/api/v1/pathways/{pathwayId}/exit-proposal/refusal",
            new { RefusalReason = "Non", DecidedOn = Today, Version = await VersionAsync(referent, pathwayId) });
        Assert.Equal(HttpStatusCode.Forbidden, byReferent.StatusCode);
        using var noReason = await coordinator.PostAsJsonAsync($"/api/v1/pathways/{pathwayId}/exit-proposal/refusal",
            new { RefusalReason = "", DecidedOn = Today, Version = await VersionAsync(coordinator, pathwayId) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        await NoContent(await coordinator.PostAsJsonAsync($"/api/v1/pathways/{pathwayId}/exit-proposal/refusal",
            new { RefusalReason = "La personne reprend ses démarches : à revoir au prochain bilan", DecidedOn = Today, Version = await VersionAsync(coordinator, pathwayId) }));

        var page = await referent.GetPageAsync($"/parcours/{pathwayId}");
        Assert.Contains("à revoir au prochain bilan", page.QuerySelector("[data-testid=exit-refused]").Text());
        Assert.Null(page.QuerySelector("[data-testid=exit-pending]"));
        using (var agenda = JsonDocument.Parse(await coordinator.GetStringAsync("/api/v1/commission/exits")))
            Assert.DoesNotContain(agenda.RootElement.EnumerateArray(), e => e.GetProperty("pathwayId").GetInt64() == pathwayId);

        // A new proposal, validated by the commission: the pathway exits and the proposal is settled.
        await NoContent(await referent.PostAsJsonAsync($"/api/v1/pathways/{pathwayId}/exit-proposal",
            new { Reason = "DEMENAGEMENT", ExitDate = Today, ProposedOn = Today, Version = await VersionAsync(referent, pathwayId) }));
        await NoContent(await coordinator.PostAsJsonAsync($"/api/v1/pathways/{pathwayId}/exit",
            new { Reason = "DEMENAGEMENT", ExitDate = Today, Version = await VersionAsync(coordinator, pathwayId) }));
        await using var check = new DemoData(app.Database);
        var proposals = await check.Db.ExitProposals.Where(x => x.PathwayId == pathwayId).OrderBy(x => x.Id).Select(x => x.Status).ToListAsync();
        Assert.Equal([Domain.Pathways.ExitProposalStatus.REFUSEE, Domain.Pathways.ExitProposalStatus.VALIDEE], proposals);
        Assert.Equal(PathwayStatus.SORTI, (await check.Db.Pathways.SingleAsync(p => p.Id == pathwayId)).Status);
    }

    [Fact]
    public async Task EntryProcedure_LatePrescriptionAlerted_CommissionDefersWithAReason_FileBackForTheNextSession()
    {
        long referentId;
        await using (var data = new DemoData(app.Database)) referentId = await data.ReferentOfAsync("referent1-1");
        using var coordinator = await app.Factory.LoginForApiAsync("coordinateur1");
        async Task<long> PrescribeAsync(string lastName, DateOnly on)
        {
            using var created = await coordinator.PostAsJsonAsync("/api/v1/prescriptions", new
            {
                LastName = lastName, FirstName = "Inès", BirthDate = new DateOnly(1988, 5, 6), Sex = "FEMME", PrescriberKind = "FRANCE_TRAVAIL",
                PrescriberName = "France Travail", PrescriptionDate = on,
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pathwayId").GetInt64();
        }
        var late = await PrescribeAsync("Perrin", Today.AddDays(-8));
        var onTime = await PrescribeAsync("Roussel", Today.AddDays(-7));
        using (var procedure = JsonDocument.Parse(await coordinator.GetStringAsync("/api/v1/commission/procedure")))
        {
            JsonElement Item(long id) => procedure.RootElement.EnumerateArray().Single(e => e.GetProperty("pathwayId").GetInt64() == id);
            Assert.Equal(["NotPreAssigned"], Item(late).GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("kind").GetString()));
            Assert.Equal(0, Item(onTime).GetProperty("alerts").GetArrayLength());
        }

        // The late one goes through the procedure to the commission, which defers it.
        await NoContent(await coordinator.PostAsJsonAsync($"/api/v1/pathways/{late}/pre-assignment", new { ReferentId = referentId, Date = Today.AddDays(-5), Version = await VersionAsync(coordinator, late) }));
        await NoContent(await coordinator.PostAsJsonAsync($"/api/v1/pathways/{late}/convocations", new { SentOn = Today.AddDays(-5), AppointmentOn = Today.AddDays(-2), Version = await VersionAsync(coordinator, late) }));
        await NoContent(await coordinator.PostAsJsonAsync($"/api/v1/pathways/{late}/interview", new { Date = Today.AddDays(-2), Version = await VersionAsync(coordinator, late) }));
        await NoContent(await coordinator.PutAsJsonAsync($"/api/v1/pathways/{late}/documents", new
        {
            Documents = new[] { "PIECE_IDENTITE", "JUSTIFICATIF_DOMICILE", "JUSTIFICATIF_STATUT", "ENGAGEMENT_SIGNE" }, ReceivedOn = Today.AddDays(-2), Version = await VersionAsync(coordinator, late),
        }));
        await NoContent(await coordinator.PostAsJsonAsync($"/api/v1/pathways/{late}/commission", new { Date = Today, Version = await VersionAsync(coordinator, late) }));
        var agenda = await coordinator.GetPageAsync("/commission");
        Assert.Contains(Today.ToString("dd/MM/yyyy"), agenda.QuerySelector("[data-testid=next-session]").Text());

        using var referent = await app.Factory.LoginForApiAsync("referent1-1");
        using var byReferent = await referent.PostAsJsonAsync($"/api/v1/pathways/{late}/commission/deferral",
            new { Reason = "Attestation", Date = Today, Version = await VersionAsync(referent, late) });
        Assert.Equal(HttpStatusCode.Forbidden, byReferent.StatusCode);
        using var noReason = await coordinator.PostAsJsonAsync($"/api/v1/pathways/{late}/commission/deferral",
            new { Reason = "", Date = Today, Version = await VersionAsync(coordinator, late) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        await NoContent(await coordinator.PostAsJsonAsync($"/api/v1/pathways/{late}/commission/deferral",
            new { Reason = "Justificatif de statut à actualiser", Date = Today, Version = await VersionAsync(coordinator, late) }));

        using (var json = JsonDocument.Parse(await coordinator.GetStringAsync($"/api/v1/pathways/{late}")))
            Assert.Equal("ENTRETIEN", json.RootElement.GetProperty("status").GetString());
        var page = await coordinator.GetPageAsync($"/parcours/{late}");
        Assert.Contains("Justificatif de statut à actualiser", page.QuerySelector("[data-testid=deferral]").Text());
        // Back on the agenda of a later session.
        await NoContent(await coordinator.PostAsJsonAsync($"/api/v1/pathways/{late}/commission", new { Date = Today.AddDays(14), Version = await VersionAsync(coordinator, late) }));
        agenda = await coordinator.GetPageAsync("/commission");
        Assert.Contains(Today.AddDays(14).ToString("dd/MM/yyyy"), agenda.QuerySelector($"[data-testid=commission-row][data-pathway='{late}']").Text());
    }
}
