using System.Net;
using Parcours.Web.Tests.Support;

namespace Parcours.Web.Tests.Reporting;

/// <summary>The monthly report pages are for coordination roles: a référent is turned away, a coordinator gets the page.</summary>
public class ReportPagesAccessTests(SharedWebApp app) : IClassFixture<SharedWebApp>
{
    [Theory]
    [InlineData("/rapports/lettre-mensuelle?mois=2026-05")]
    [InlineData("/rapports/referents?mois=2026-05")]
    [InlineData("/rapports/tableau-de-bord?mois=2026-05")]
    public async Task MonthlyReportPage_ReferentThenCoordinator_RefusedThenShown(string url)
    {
        using var referent = await app.Factory.LoginAsync("referent1-1");
        using var coordinator = await app.Factory.LoginAsync("coordinateur1");

        using var refused = await referent.GetAsync(url);
        using var shown = await coordinator.GetAsync(url);

        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
    }
}
