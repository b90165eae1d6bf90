using System.Net;
using System.Text.Json;
using Parcours.Web.Tests.Support;

namespace Parcours.Web.Tests.Api;

public class OpenApiTests(SharedWebApp app) : IClassFixture<SharedWebApp>
{
    [Fact]
    public async Task OpenApiDocument_ListsTheParticipantAndPathwayPaths()
    {
        using var client = await app.Factory.LoginAsync("lecteur1");

        using var response = await client.GetAsync("/api/v1/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", json.RootElement.GetProperty("openapi").GetString());
        Assert.Equal("API Parcours", json.RootElement.GetProperty("info").GetProperty("title").GetString());
        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order().ToList();
        // Other modules add their paths: check that these are described, not that they are the only ones.
        Assert.Subset(paths.ToHashSet(), new HashSet<string> { "/api/v1/participants", "/api/v1/participants/{id}", "/api/v1/pathways/{id}",
            "/api/v1/caseload", "/api/v1/imports", "/api/v1/exports", "/api/v1/prescriptions", "/api/v1/pathways/{id}/entry", "/api/v1/pathways/{id}/exit" });
    }
}
