using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Parcours.TestCommon;
using Parcours.Web.Tests.Support;

namespace Parcours.Web.Tests.Pages;

/// <summary>A coordinator hands a pathway to another référent through the file's form; the journal records it.</summary>
public class AuditTests
{
    [Fact]
    public async Task Reassign_Coordinator_ShowsSuccessNewReferentAndJournalEntry()
    {
        var demo = await DemoDatabase.GetAsync();
        var database = demo.CreateCopy("audit-reassign");
        await using var factory = new ParcoursWebFactory(database);
        await using var data = new DemoData(database);
        var (participantId, pathwayId, oldReferent) = await data.OpenPathwayAsync(await data.OrganisationOfAsync("coordinateur1"));
        using var client = await factory.LoginAsync("coordinateur1");

        var file = await client.GetPageAsync($"/participants/{participantId}");
        var form = file.QuerySelector<IHtmlFormElement>("[data-testid=reassign-form]");
        Assert.NotNull(form);
        var select = form.QuerySelector<IHtmlSelectElement>("select[name=ReferentId]")!;
        Assert.Equal(oldReferent.ToString(), select.Value);
        var newOption = select.Options.First(o => o.Value != select.Value);
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        fields.Add(new("ReferentId", newOption.Value));
        using var post = await client.PostFormAsync(form.GetAttribute("action")!, fields);

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var after = await client.GetPageAsync(post.Headers.Location!.PathAndQueryOrOriginal());
        Assert.Equal("Le parcours a été réaffecté.", after.QuerySelector("[role=status]").Text());
        Assert.Equal(newOption.Text.Trim(), after.QuerySelector($"[data-testid=pathway-{pathwayId}] [data-testid=pathway-referent]").Text());
        var reload = await client.GetPageAsync($"/participants/{participantId}");
        Assert.Null(reload.QuerySelector("[role=status]"));

        var journal = await client.GetPageAsync("/journal");
        var row = journal.QuerySelectorAll("[data-testid=audit-table] tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.Text()).ToList())
            .FirstOrDefault(cells => cells[2] == $"Parcours n° {pathwayId}");
        Assert.NotNull(row);
        Assert.Equal("coordinateur1", row[1]);
        Assert.Equal("Modification", row[3]);
        Assert.Contains($"\"ReferentId\":[{oldReferent},{newOption.Value}]", row[4]);
    }

    [Fact]
    public async Task Reassign_Referent_Returns404AndJournalIsForbidden()
    {
        var demo = await DemoDatabase.GetAsync();
        var database = demo.CreateCopy("audit-referent");
        await using var factory = new ParcoursWebFactory(database);
        await using var data = new DemoData(database);
        var ownReferent = await data.ReferentOfAsync("referent1-1");
        var pathway = await data.Db.Pathways.Where(p => p.ReferentId == ownReferent).OrderBy(p => p.Id).FirstAsync();
        var otherReferent = await data.Db.Referents.Where(r => r.OrganisationId == pathway.OrganisationId && r.Id != ownReferent).Select(r => r.Id).FirstAsync();
        var auditBefore = await data.Db.AuditEntries.CountAsync();
        using var client = await factory.LoginAsync("referent1-1");

        var file = await client.GetPageAsync($"/participants/{pathway.ParticipantId}");
        using var post = await client.PostFormAsync($"/participants/{pathway.ParticipantId}?handler=Reassign",
        [
            new("PathwayId", pathway.Id.ToString()),
            new("ReferentId", otherReferent.ToString()),
            new("Version", pathway.Version.ToString()),
            new(Html.TokenField, Html.AntiforgeryToken(file)),
        ]);
        using var journal = await client.GetAsync("/journal");

        Assert.Null(file.QuerySelector("[data-testid=reassign-form]"));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(ownReferent, await data.Db.Pathways.Where(p => p.Id == pathway.Id).Select(p => p.ReferentId).SingleAsync());
        Assert.Equal(auditBefore, await data.Db.AuditEntries.CountAsync());
        Assert.DoesNotContain("Journal des modifications", file.QuerySelector("#menu-principal").Text());
        Assert.True(journal.StatusCode is HttpStatusCode.Forbidden || journal.Headers.Location?.PathAndQueryOrOriginal().StartsWith("/connexion") == true,
            $"GET /journal as a référent: {(int)journal.StatusCode} {journal.Headers.Location}");
        Assert.DoesNotContain("audit-table", await journal.Content.ReadAsStringAsync());
    }
}
