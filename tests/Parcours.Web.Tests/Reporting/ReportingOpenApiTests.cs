using System.Text.Json;
using Parcours.Web.Tests.Support;

namespace Parcours.Web.Tests.Reporting;

public class ReportingOpenApiTests(SharedWebApp app) : IClassFixture<SharedWebApp>
{
    [Fact]
    public async Task OpenApiDocument_ListsTheReportEndpoints()
    {
        using var client = await app.Factory.LoginAsync("lecteur1");

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/openapi.json"));

        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name)
            .Where(p => p.StartsWith("/api/v1/reports/", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(["/api/v1/reports/consolidation", "/api/v1/reports/consolidation-pluriannuelle", "/api/v1/reports/fse-indicators", "/api/v1/reports/lettre-mensuelle", "/api/v1/reports/tableau-de-bord", "/api/v1/reports/tableau-referents"], paths);
    }
}
