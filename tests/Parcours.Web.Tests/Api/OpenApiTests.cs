using System.Net;
using System.Text.Json;
using Parcours.Web.Tests.Support;

namespace Parcours.Web.Tests.Api;

public class OpenApiTests(SharedWebApp app) : IClassFixture<SharedWebApp>
{
    [Fact]
    public async Task OpenApiDocument_ListsTheThreeApiPaths()
    {
        using var client = await app.Factory.LoginAsync("lecteur1");

        using var response = await client.GetAsync("/api/v1/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", json.RootElement.GetProperty("openapi").GetString());
        Assert.Equal("API Parcours", json.RootElement.GetProperty("info").GetProperty("title").GetString());
        // The report endpoints are checked in Reporting/ReportingOpenApiTests.
        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name)
            .Where(p => !p.StartsWith("/api/v1/reports/", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(["/api/v1/participants", "/api/v1/participants/{id}", "/api/v1/pathways/{id}"], paths);
    }
}
