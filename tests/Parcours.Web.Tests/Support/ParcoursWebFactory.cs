using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Parcours.TestCommon;

namespace Parcours.Web.Tests.Support;

/// <summary>
/// The web application in memory (TestServer) on a given database: a SQLite file path or a PostgreSQL
/// connection string, passed as <c>Parcours:Database</c>. Runs as in production (error pages, no developer page).
/// </summary>
public sealed class ParcoursWebFactory(string database) : WebApplicationFactory<Program>
{
    public string Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting reaches the application's configuration before ParcoursWebApp.Build reads the database key.
        builder.UseSetting(ParcoursWebApp.DatabaseKey, Database);
        builder.UseEnvironment("Production");
        // Warnings and errors only (the command line configuration wins over appsettings.json).
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
    }

    /// <summary>An anonymous client that keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as <paramref name="login"/> (demo password); fails the test when the login is refused.</summary>
    public async Task<HttpClient> LoginAsync(string login, string password = DemoDatabase.Password)
    {
        var client = CreateBrowserlessClient();
        using var response = await client.SubmitLoginAsync(login, password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException(
                $"Login of {login} refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return client;
    }

    /// <summary>
    /// A client signed in as <paramref name="login"/> that sends the session's antiforgery token (from
    /// <c>GET /api/v1/antiforgery</c>) in the <c>X-CSRF-TOKEN</c> header of every request, as an API client must for writes.
    /// </summary>
    public async Task<HttpClient> LoginForApiAsync(string login, string password = DemoDatabase.Password)
    {
        var client = await LoginAsync(login, password);
        var token = await ApiTokenAsync(client);
        client.DefaultRequestHeaders.Add(token.HeaderName, token.Token);
        return client;
    }

    public sealed record AntiforgeryToken(string HeaderName, string Token);

    /// <summary>The antiforgery token of the client's session, as <c>GET /api/v1/antiforgery</c> gives it.</summary>
    public static async Task<AntiforgeryToken> ApiTokenAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/antiforgery");
        response.EnsureSuccessStatusCode();
        return await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<AntiforgeryToken>(response.Content)
            ?? throw new InvalidOperationException("Empty antiforgery answer.");
    }
}
