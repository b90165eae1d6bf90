using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using System.Net;
using Parcours.Core.Access;
using Parcours.TestCommon;
using Parcours.Web.Tests.Support;

namespace Parcours.Web.Tests.Pages;

public class LoginTests(SharedWebApp app) : IClassFixture<SharedWebApp>
{
    [Fact]
    public async Task Login_WrongPassword_ShowsFrenchErrorAndStaysAnonymous()
    {
        var demo = await DemoDatabase.GetAsync();
        await using var factory = new ParcoursWebFactory(demo.CreateCopy("login-wrong"));
        using var client = factory.CreateBrowserlessClient();

        using var response = await client.SubmitLoginAsync("coordinateur1", "mauvais-mot-de-passe");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Identifiant ou mot de passe incorrect.", page.QuerySelector("[data-testid=login-error]").Text());
        Assert.Equal("coordinateur1", page.QuerySelector<IHtmlInputElement>("input[name=Login]")?.Value);
        await AssertAnonymousAsync(client);
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksAccountAndRefusesTheRightPassword()
    {
        var demo = await DemoDatabase.GetAsync();
        await using var factory = new ParcoursWebFactory(demo.CreateCopy("login-lockout"));
        using var client = factory.CreateBrowserlessClient();

        var errors = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.SubmitLoginAsync("referent2-1", $"essai-{attempt}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            errors.Add((await Html.ParseAsync(wrong)).QuerySelector("[data-testid=login-error]").Text());
        }
        using var right = await client.SubmitLoginAsync("referent2-1", DemoDatabase.Password);

        Assert.Equal(Enumerable.Repeat(LoginService.InvalidMessage, 4), errors.Take(4));
        Assert.StartsWith("Ce compte est verrouillé", errors[4]);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal(LoginService.LockedMessage, (await Html.ParseAsync(right)).QuerySelector("[data-testid=login-error]").Text());
        await AssertAnonymousAsync(client);

        // Another account is not affected by this one's lockout.
        using var other = await factory.LoginAsync("referent2-2");
    }

    [Fact]
    public async Task Login_RightPassword_RedirectsHomeAndGreetsUser()
    {
        using var client = app.Factory.CreateBrowserlessClient();

        using var response = await client.SubmitLoginAsync("coordinateur1", DemoDatabase.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var home = await client.GetPageAsync("/");
        Assert.Equal("Bonjour Coordination PLIE de Dijon Métropole", home.QuerySelector("h1").Text());
        Assert.Contains("PLIE de Dijon Métropole", home.QuerySelector("[data-testid=current-user]").Text());
    }

    [Fact]
    public async Task Login_ReturnUrl_RedirectsToTheRequestedPage()
    {
        using var client = app.Factory.CreateBrowserlessClient();
        using var anonymous = await client.GetAsync("/participants?nom=a");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);

        var loginUrl = anonymous.Headers.Location!.PathAndQueryOrOriginal();
        var form = await client.GetPageAsync(loginUrl);
        using var response = await client.PostFormAsync(loginUrl,
        [
            new("Login", "lecteur1"),
            new("Password", DemoDatabase.Password),
            new("ReturnUrl", form.QuerySelector<IHtmlInputElement>("input[name=ReturnUrl]")!.Value),
            new(Html.TokenField, Html.AntiforgeryToken(form, "main form")),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/participants?nom=a", response.Headers.Location?.OriginalString);
    }

    /// <summary>The client is not signed in: the home page sends it to the login page.</summary>
    internal static async Task AssertAnonymousAsync(HttpClient client)
    {
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/connexion", home.Headers.Location!.PathAndQueryOrOriginal());
    }
}
