using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.Core.Pathways;
using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;
using Parcours.Web;

namespace Parcours.Cli.Commands;

/// <summary>
/// <c>parcours bench caseload</c>: the référent's workspace on the current database. First the queries, in process
/// (server side, as <c>bench</c> does): the caseload of a référent, the coordinator's view (every pathway of the
/// programme and the per-référent summary), the pathway workspace and the participant file. Then the whole pages over
/// HTTP on a local Kestrel (routing, authentication, scoping, query, Razor rendering, loopback), which bounds the
/// server time from above. Prints the median, the 95th percentile and the maximum of each.
/// </summary>
public static class BenchCaseloadCommand
{
    public static Command Create()
    {
        var requests = new Option<int>("--requests") { Description = "Nombre de mesures par requête.", DefaultValueFactory = _ => 1000 };
        var programme = new Option<int>("--programme-requests") { Description = "Nombre de mesures de la vue coordination (tout le programme).", DefaultValueFactory = _ => 100 };
        var command = new Command("caseload", "Mesure le portefeuille, le suivi du parcours et la fiche participant (requêtes puis pages HTTP).") { requests, programme };
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(requests);
            var np = parse.GetValue(programme);
            var target = CliOptions.Target(parse);
            User coordinator, referent;
            List<long> pathwayIds, participantIds;
            await using (var db = CliOptions.Open(parse, "bench"))
            {
                coordinator = await db.Users.AsNoTracking().FirstAsync(u => u.Login == "coordinateur1", ct);
                referent = await db.Users.AsNoTracking().FirstAsync(u => u.Login == "referent1-1", ct);
                var mine = await db.Pathways.AsNoTracking().Where(p => p.ReferentId == referent.ReferentId && (p.Status == PathwayStatus.ENTRE || p.Status == PathwayStatus.EN_VEILLE))
                    .Select(p => new { p.Id, p.ParticipantId }).ToListAsync(ct);
                pathwayIds = mine.Select(p => p.Id).ToList();
                participantIds = mine.Select(p => p.ParticipantId).Distinct().ToList();
                var inOrganisation = await db.Pathways.CountAsync(p => p.OrganisationId == coordinator.OrganisationId && (p.Status == PathwayStatus.ENTRE || p.Status == PathwayStatus.EN_VEILLE), ct);
                Console.Out.WriteLine($"{target.Describe()} : {await db.Participants.CountAsync(ct):N0} participants, {await db.Pathways.CountAsync(ct):N0} parcours ; " +
                    $"file active de referent1-1 : {pathwayIds.Count}, du programme de coordinateur1 : {inOrganisation:N0} ; {n} mesures par requête.");
            }
            if (pathwayIds.Count == 0) { Terminal.Error("referent1-1 n'a aucun parcours en file active."); return 1; }
            var random = new Random(1);
            var clock = TimeProvider.System;
            var policies = new PathwayPolicies(PathwayPolicies.WorkspaceDefault);

            Console.Out.WriteLine($"{"requête (temps serveur, en processus)",-52} {"médiane",10} {"p95",10} {"max",10}");
            var cases = new (string Name, User User, Func<ParcoursDbContext, Task> Run, bool Programme)[]
            {
                ("portefeuille avec alertes (référent)", referent, db => new CaseloadQueries(db, clock, policies).RowsAsync(new CaseloadFilter(), ct), false),
                ("portefeuille, vue coordination (coordinateur)", coordinator, async db =>
                {
                    var q = new CaseloadQueries(db, clock, policies);
                    // What the coordinator's page reads: the per-référent counts and the first page of the list.
                    await q.ProgrammeLoadsAsync(ct);
                    await q.ProgrammePageAsync(new CaseloadFilter(), 1, 100, ct);
                }, true),
                ("  pour comparaison : chaque parcours chargé, règles en C#", coordinator, async db =>
                {
                    var q = new CaseloadQueries(db, clock, policies);
                    await q.LoadsAsync(await q.RowsAsync(new CaseloadFilter(), ct), ct);
                }, true),
                ("suivi du parcours (référent)", referent, db =>
                {
                    var participants = new ParticipantQueries(db);
                    return new PathwayWorkspaceQueries(db, participants, new CaseloadQueries(db, clock, policies), clock, policies)
                        .GetAsync(pathwayIds[random.Next(pathwayIds.Count)], ct);
                }, false),
                ("fiche participant (référent)", referent, db => new ParticipantQueries(db).FileAsync(participantIds[random.Next(participantIds.Count)], ct), false),
            };
            foreach (var (name, user, run, wide) in cases)
            {
                var times = new List<double>(n);
                for (var i = 0; i < (wide ? np : n) + 5; i++)
                {
                    var scope = await ScopeAsync(target, user, ct);
                    await using var db = ParcoursDatabase.Open(target, scope);
                    var watch = Stopwatch.StartNew();
                    await run(db);
                    if (i >= 5) times.Add(watch.Elapsed.TotalMilliseconds);
                }
                Print(name, times);
            }

            // The whole pages over HTTP.
            var app = ParcoursWebApp.Build([], b =>
            {
                b.Configuration[ParcoursWebApp.DatabaseKey] = target.ConnectionString;
                b.Configuration["Logging:LogLevel:Default"] = "Warning";
                b.WebHost.UseUrls("http://127.0.0.1:0");
            });
            await app.StartAsync(ct);
            try
            {
                var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
                using var asReferent = await LoginAsync(address, "referent1-1", ct);
                using var asCoordinator = await LoginAsync(address, "coordinateur1", ct);
                Console.Out.WriteLine($"{"page complète (HTTP local, rendu compris)",-52} {"médiane",10} {"p95",10} {"max",10}");
                var pages = new (string Name, HttpClient Client, Func<string> Url, bool Programme)[]
                {
                    ("GET /portefeuille (référent)", asReferent, () => "/portefeuille", false),
                    ("GET /portefeuille (coordinateur, 100 lignes)", asCoordinator, () => "/portefeuille", true),
                    ("GET /parcours/{id} (référent)", asReferent, () => $"/parcours/{pathwayIds[random.Next(pathwayIds.Count)]}", false),
                    ("GET /participants/{id} (référent)", asReferent, () => $"/participants/{participantIds[random.Next(participantIds.Count)]}", false),
                };
                foreach (var (name, client, url, wide) in pages)
                {
                    var times = new List<double>(n);
                    for (var i = 0; i < (wide ? np : n) + 5; i++)
                    {
                        var watch = Stopwatch.StartNew();
                        using var response = await client.GetAsync(url(), ct);
                        await response.Content.ReadAsByteArrayAsync(ct);
                        if (response.StatusCode != HttpStatusCode.OK) { Terminal.Error($"{name} : {(int)response.StatusCode}"); return 1; }
                        if (i >= 5) times.Add(watch.Elapsed.TotalMilliseconds);
                    }
                    Print(name, times);
                }
            }
            finally
            {
                await app.StopAsync(ct);
            }
            return 0;
        });
        return command;
    }

    private static void Print(string name, List<double> times)
    {
        times.Sort();
        Console.Out.WriteLine($"{name + $" ×{times.Count}",-52} {times[times.Count / 2],7:N1} ms {times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)],7:N1} ms {times[^1],7:N1} ms");
    }

    private static async Task<AccessScope> ScopeAsync(DatabaseTarget target, User user, CancellationToken ct)
    {
        var scope = new AccessScope();
        var whole = user.Roles.HasFlag(Role.Coordinator);
        List<long> referents = [];
        if (!whole)
        {
            await using var lookup = ParcoursDatabase.Open(target, AccessScope.System("bench"));
            referents = await LoginService.VisibleReferentsAsync(lookup, user.Id, user.ReferentId, ct);
        }
        scope.RestrictTo(user.Id, user.Login, user.OrganisationId, !whole, referents);
        return scope;
    }

    private static async Task<HttpClient> LoginAsync(string address, string login, CancellationToken ct)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        var page = await client.GetStringAsync("/connexion", ct);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await client.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Login"] = login, ["Password"] = "parcours-demo", ["__RequestVerificationToken"] = token,
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Connexion de {login} refusée ({(int)response.StatusCode}).");
        return client;
    }
}
