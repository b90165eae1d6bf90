using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parcours.Domain.CodeLists;
using Parcours.Web.Tests.Support;

namespace Parcours.Web.Tests.Pages;

/// <summary>R-702: a health exit reason is shown as its national category to a reader, as itself to a coordinator.</summary>
public class SensitiveDataTests(SharedWebApp app) : IClassFixture<SharedWebApp>
{
    [Fact]
    public async Task Details_HealthExitSeenByReader_ShowsNationalCategoryOnly()
    {
        await using var data = app.Data();
        var (participantId, pathwayId) = await data.PathwayWithExitAsync(await data.OrganisationOfAsync("lecteur1"), ExitReason.SANTE);
        using var reader = await app.Factory.LoginAsync("lecteur1");
        using var coordinator = await app.Factory.LoginAsync("coordinateur1");

        var readerPage = await reader.GetPageAsync($"/participants/{participantId}");
        var coordinatorPage = await coordinator.GetPageAsync($"/participants/{participantId}");
        var readerJson = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/pathways/{pathwayId}");

        Assert.Equal(ExitReason.AUTRE_SANS_SUITE.Label(),
            readerPage.QuerySelector($"[data-testid=pathway-{pathwayId}] [data-testid=exit] .fr-callout__title").Text());
        Assert.Equal(ExitReason.SANTE.Label(),
            coordinatorPage.QuerySelector($"[data-testid=pathway-{pathwayId}] [data-testid=exit] .fr-callout__title").Text());
        Assert.Equal("AUTRE_SANS_SUITE", readerJson.GetProperty("exit").GetProperty("reason").GetString());
        Assert.DoesNotContain(ExitReason.SANTE.Label(), readerPage.Body!.TextContent);
    }
}
