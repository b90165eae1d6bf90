using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.FileProviders;
using Parcours.Core;
using Parcours.Core.Data;
using Parcours.Web.Api;
using Parcours.Web.Infrastructure;

namespace Parcours.Web;

/// <summary>Builds the web application; used by <c>parcours serve</c>, <c>parcours demo</c> and the test host.</summary>
public static class ParcoursWebApp
{
    /// <summary>Configuration key of the database (a SQLite path or a PostgreSQL connection string).</summary>
    public const string DatabaseKey = "Parcours:Database";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Razor Pages are discovered in the application's assembly: name it, whichever program hosts the
            // application (the CLI's parcours.dll, a test runner), or no page is found.
            ApplicationName = typeof(ParcoursWebApp).Assembly.GetName().Name,
        });
        if (FindWebRoot() is { } webRoot)
        {
            builder.Environment.WebRootPath = webRoot;
            builder.Environment.WebRootFileProvider = new PhysicalFileProvider(webRoot);
        }
        // Logs go to stderr, so that stdout carries only what a command prints for the user.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        configure?.Invoke(builder);
        var target = DatabaseTarget.Resolve(builder.Configuration[DatabaseKey]);

        Workspace.AddWorkspace(builder);
        builder.Services.AddParcoursCore(target);
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Error");
        }).AddApplicationPart(typeof(ParcoursWebApp).Assembly); // the pages live here, also when the CLI hosts them
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/connexion";
                o.LogoutPath = "/deconnexion";
                o.AccessDeniedPath = "/connexion";
                o.Cookie.Name = "parcours.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                // Sessions expire on the wall clock: the injected TimeProvider is the business «today», which tests move.
                o.TimeProvider = TimeProvider.System;
                o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
            });
        builder.Services.AddAuthorization(o =>
        {
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            Policies.Register(o);
        });
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "parcours.af";
            o.HeaderName = ApiAntiforgery.HeaderName; // API writes send the token in this header (forms keep their field)
        });
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "API Parcours";
            doc.Info.Version = "v1";
            doc.Info.Description = "API JSON de Parcours : participants et parcours, avec les mêmes droits que les pages. " +
                "Chaque écriture (POST, PUT, PATCH, DELETE) envoie le jeton anti-contrefaçon de la session dans l'en-tête X-CSRF-TOKEN (GET /api/v1/antiforgery).";
            return Task.CompletedTask;
        }));
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(ImportReportStore.Default());

        var app = builder.Build();
        var french = new CultureInfo("fr-FR");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(french),
            SupportedCultures = [french],
            SupportedUICultures = [french],
        });
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<AccessScopeMiddleware>();
        app.UseAuthorization();
        app.UseApiAntiforgery();
        app.MapRazorPages();
        app.MapOpenApi("/api/{documentName}/openapi.json");
        app.MapParcoursApi();
        app.MapReportingApi();
        return app;
    }

    /// <summary>
    /// The static files: wwwroot beside the binaries (a published site), else the source folder of a checkout
    /// (./parcours runs the CLI from its build folder; the DSFR files are copied into src/Parcours.Web/wwwroot by the build).
    /// </summary>
    private static string? FindWebRoot()
    {
        var local = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (File.Exists(Path.Combine(local, "dsfr", "dsfr.min.css"))) return local;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Parcours.Web", "wwwroot");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
