using System.Net;
using Parcours.Web.Tests.Support;

namespace Parcours.Web.Tests.Reporting;

/// <summary>
/// The editorial blocks of the monthly letter: a coordinator writes them on the letter page, they come back escaped on
/// the page, in the print version and in the JSON; a reader of the reports sees them but cannot write them.
/// </summary>
public class LetterEditorialWebTests(SharedWebApp app) : IClassFixture<SharedWebApp>
{
    private const string Page = "/rapports/lettre-mensuelle?mois=2026-03";

    [Fact]
    public async Task Coordinator_WritesTheTexts_ShownEscapedOnThePagePrintAndJson()
    {
        using var coordinator = await app.Factory.LoginAsync("coordinateur1");
        var page = await coordinator.GetPageAsync(Page);
        Assert.NotNull(page.QuerySelector("[data-testid=editorial-form] textarea#actions"));

        using var post = await coordinator.PostFormAsync("/rapports/lettre-mensuelle?handler=Editorial&mois=2026-03",
        [
            new("actions", "Job dating le 14 mars <b>au gymnase</b>"),
            new("faits_marquants", "Deux nouvelles entreprises partenaires."),
            new(Html.TokenField, Html.AntiforgeryToken(page, "[data-testid=editorial-form]")),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);

        var after = await coordinator.GetPageAsync(Page);
        Assert.Equal("Job dating le 14 mars <b>au gymnase</b>", after.QuerySelector("[data-text=ACTIONS] p").Text());
        Assert.Null(after.QuerySelector("[data-text=ACTIONS] b"));
        Assert.Equal("Deux nouvelles entreprises partenaires.", after.QuerySelector("[data-text=FAITS_MARQUANTS] p").Text());
        Assert.Equal("Job dating le 14 mars <b>au gymnase</b>", after.QuerySelector("textarea#actions")!.TextContent);
        var print = await coordinator.GetStringAsync("/api/v1/reports/lettre-mensuelle?month=2026-03&format=html");
        Assert.Contains("Job dating le 14 mars &lt;b&gt;au gymnase&lt;/b&gt;", print, StringComparison.Ordinal);
        var json = await coordinator.GetStringAsync("/api/v1/reports/lettre-mensuelle?month=2026-03");
        Assert.Contains("\"text\": \"Deux nouvelles entreprises partenaires.\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_SeesTheLetterWithoutTheFormAndCannotWrite()
    {
        using var reader = await app.Factory.LoginAsync("lecteur1");
        var page = await reader.GetPageAsync("/rapports/lettre-mensuelle?mois=2026-02");
        Assert.Null(page.QuerySelector("[data-testid=editorial-form]"));

        using var post = await reader.PostFormAsync("/rapports/lettre-mensuelle?handler=Editorial&mois=2026-02",
        [
            new("actions", "Texte non autorisé"),
            new(Html.TokenField, Html.AntiforgeryToken(page)),
        ]);

        // Forbidden: the cookie scheme sends the reader to its access-denied path (the login page), not back to the letter.
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/connexion", post.Headers.Location!.PathAndQueryOrOriginal(), StringComparison.Ordinal);
        using var coordinator = await app.Factory.LoginAsync("coordinateur1");
        var letter = await coordinator.GetStringAsync("/api/v1/reports/lettre-mensuelle?month=2026-02");
        Assert.DoesNotContain("Texte non autorisé", letter, StringComparison.Ordinal);
    }
}
