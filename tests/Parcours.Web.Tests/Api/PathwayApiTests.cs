using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parcours.Domain.CodeLists;
using Parcours.Web.Tests.Support;

namespace Parcours.Web.Tests.Api;

public class PathwayApiTests(SharedWebApp app) : IClassFixture<SharedWebApp>
{
    [Fact]
    public async Task GetPathway_DurableJobExit_ReturnsReasonCategoryAndSteps()
    {
        await using var data = app.Data();
        var (participantId, pathwayId) = await data.PathwayWithExitAsync(await data.OrganisationOfAsync("coordinateur1"), ExitReason.EMPLOI_DURABLE);
        var steps = await data.Db.Steps.Where(s => s.PathwayId == pathwayId).OrderBy(s => s.StartDate).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.StepType }).ToListAsync();
        var exitStep = await data.Db.Pathways.Where(p => p.Id == pathwayId).Select(p => p.ExitStepId).SingleAsync();
        using var client = await app.Factory.LoginAsync("coordinateur1");

        using var response = await client.GetAsync($"/api/v1/pathways/{pathwayId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(pathwayId, root.GetProperty("id").GetInt64());
        Assert.Equal(participantId, root.GetProperty("participantId").GetInt64());
        Assert.Equal("SORTI", root.GetProperty("status").GetString());
        var exit = root.GetProperty("exit");
        Assert.Equal("EMPLOI_DURABLE", exit.GetProperty("reason").GetString());
        Assert.Equal("POSITIVE", exit.GetProperty("category").GetString());
        Assert.Equal(exitStep, exit.GetProperty("exitStepId").GetInt64());
        var returned = root.GetProperty("steps").EnumerateArray()
            .Select(s => (s.GetProperty("id").GetInt64(), s.GetProperty("stepType").GetString())).ToList();
        Assert.Equal(steps.Select(s => (s.Id, (string?)s.StepType.ToString())), returned);
    }

    [Fact]
    public async Task GetParticipant_DurableJobExit_IncludesThePathway()
    {
        await using var data = app.Data();
        var (participantId, pathwayId) = await data.PathwayWithExitAsync(await data.OrganisationOfAsync("coordinateur1"), ExitReason.EMPLOI_DURABLE);
        var identity = await data.Db.Identities.SingleAsync(i => i.Id == participantId);
        using var client = await app.Factory.LoginAsync("coordinateur1");

        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/participants/{participantId}"));

        Assert.Equal(identity.LastName, json.RootElement.GetProperty("lastName").GetString());
        var pathway = json.RootElement.GetProperty("pathways").EnumerateArray().Single(p => p.GetProperty("id").GetInt64() == pathwayId);
        Assert.Equal("EMPLOI_DURABLE", pathway.GetProperty("exit").GetProperty("reason").GetString());
    }
}
