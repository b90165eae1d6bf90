using Microsoft.EntityFrameworkCore;
using Parcours.Domain.CodeLists;
using Parcours.Web.Tests.Support;

namespace Parcours.Web.Tests.Pages;

public class ParticipantFileTests(SharedWebApp app) : IClassFixture<SharedWebApp>
{
    [Fact]
    public async Task Details_PathwayExitedToDurableJob_ShowsStepsTimelineAndExit()
    {
        await using var data = app.Data();
        var (participantId, pathwayId) = await data.PathwayWithExitAsync(await data.OrganisationOfAsync("coordinateur1"), ExitReason.EMPLOI_DURABLE);
        var identity = await data.Db.Identities.SingleAsync(i => i.Id == participantId);
        var steps = await data.Db.Steps.Where(s => s.PathwayId == pathwayId).OrderBy(s => s.StartDate).ThenBy(s => s.Id)
            .Select(s => s.StepType).ToListAsync();
        using var client = await app.Factory.LoginAsync("coordinateur1");

        var page = await client.GetPageAsync($"/participants/{participantId}");

        Assert.Equal($"{identity.LastName.ToUpperInvariant()} {identity.FirstName}", page.QuerySelector("[data-testid=participant-name]").Text());
        var pathway = page.QuerySelector($"[data-testid=pathway-{pathwayId}]");
        Assert.NotNull(pathway);
        Assert.Equal("Sortie", pathway.QuerySelectorAll("h3").Select(h => h.Text()).Last());
        var exit = pathway.QuerySelector("[data-testid=exit]");
        Assert.Equal("Emploi durable", exit?.QuerySelector(".fr-callout__title").Text());
        Assert.StartsWith("Sortie positive le ", exit?.QuerySelector(".fr-callout__text").Text());
        var shown = pathway.QuerySelectorAll("[data-testid=steps] [data-testid=step] strong").Select(s => s.Text()).ToList();
        Assert.Equal(steps.Select(s => s.Label()), shown);
        Assert.Single(pathway.QuerySelectorAll("[data-testid=step].parcours-timeline__exit"));
    }
}
