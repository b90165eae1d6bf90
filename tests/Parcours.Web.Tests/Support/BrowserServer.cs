using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Playwright;
using Parcours.TestCommon;
using Parcours.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Parcours.Web.Tests.Support;

/// <summary>
/// One Kestrel server on a copy of the demo database, with a clock the tests set (at <see cref="DemoDatabase.Today"/>),
/// and one Debian Chromium: a class fixture for journeys that run one after the other (the workspace), or started
/// by a single test with <see cref="StartAsync"/>.
/// </summary>
public sealed class BrowserServer : IAsyncLifetime, IAsyncDisposable
{
    private readonly string _copyName;

    public BrowserServer() : this("workspace-browser") { }

    private BrowserServer(string copyName) => _copyName = copyName;

    /// <summary>A server on its own copy of the demo database, started; dispose it at the end of the test.</summary>
    public static async Task<BrowserServer> StartAsync(string copyName)
    {
        var server = new BrowserServer(copyName);
        await server.InitializeAsync();
        return server;
    }

    public SettableClock Clock { get; } = new(DateTimeOffset.UtcNow);
    public string Database { get; private set; } = "";
    public string Address { get; private set; } = "";
    private WebApplication? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Clock.SetToday(DemoDatabase.Today);
        var demo = await DemoDatabase.GetAsync();
        Database = demo.CreateCopy(_copyName);
        _server = ParcoursWebApp.Build([], b =>
        {
            b.Configuration[ParcoursWebApp.DatabaseKey] = Database;
            b.Configuration["Logging:LogLevel:Default"] = "Warning";
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Services.AddSingleton<TimeProvider>(Clock);
        });
        await _server.StartAsync();
        Address = _server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.ExecutablePath, Args = Chromium.LaunchArgs, Headless = true });
    }

    /// <summary>A fresh browser context (own cookies) signed in as <paramref name="login"/>.</summary>
    public async Task<IPage> SignInAsync(string login)
    {
        var context = await _browser!.NewContextAsync(new() { BaseURL = Address, Locale = "fr-FR", ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Identifiant").FillAsync(login);
        await page.GetByLabel("Mot de passe").FillAsync(DemoDatabase.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.GetByTestId("current-user")).ToBeVisibleAsync();
        return page;
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }
    }
}
