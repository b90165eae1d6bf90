using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Parcours.Web.Tests.Support;

/// <summary>Reading pages and posting forms the way a browser would.</summary>
public static class Html
{
    public const string TokenField = "__RequestVerificationToken";

    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>GET a page that must answer 200, parsed.</summary>
    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>The antiforgery token of the first form carrying one (every page has one in the logout form).</summary>
    public static string AntiforgeryToken(IHtmlDocument document, string? formSelector = null)
    {
        var scope = formSelector is null ? (AngleSharp.Dom.IParentNode)document : document.QuerySelector(formSelector)
            ?? throw new InvalidOperationException($"No element {formSelector} in the page.");
        var input = scope.QuerySelector($"input[name='{TokenField}']") as IHtmlInputElement
            ?? throw new InvalidOperationException("No antiforgery token in the page.");
        return input.Value;
    }

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields));

    /// <summary>GET /connexion, then POST the login form with its antiforgery token (cookies kept by the client).</summary>
    public static async Task<HttpResponseMessage> SubmitLoginAsync(this HttpClient client, string login, string password)
    {
        var page = await client.GetPageAsync("/connexion");
        return await client.PostFormAsync("/connexion",
        [
            new("Login", login),
            new("Password", password),
            new(TokenField, AntiforgeryToken(page, "main form")),
        ]);
    }

    /// <summary>Text of an element, whitespace collapsed.</summary>
    public static string Text(this AngleSharp.Dom.IElement? element) =>
        element is null ? "" : string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public static class UriExtensions
{
    /// <summary>Path and query of a redirect location, absolute or relative.</summary>
    public static string PathAndQueryOrOriginal(this Uri location) =>
        location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    /// <summary>Path of a redirect location, absolute or relative, without its query.</summary>
    public static string AbsolutePath(this Uri location) =>
        location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
}
