using System.CommandLine;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.Core.Pathways;
using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;

namespace Parcours.Cli.Commands;

/// <summary>
/// Measures, in process and server side, the queries behind the pages whose speed matters: the participants list
/// (first page, a name search, a status filter, a far page) and the participant file, as a coordinator and as a
/// référent. Prints the median and the 95th percentile of each over --requests runs.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var requests = new Option<int>("--requests") { Description = "Nombre de mesures par requête.", DefaultValueFactory = _ => 200 };
        var command = new Command("bench", "Mesure le temps serveur des requêtes de la liste des participants et de la fiche.") { requests };
        command.Subcommands.Add(BenchCaseloadCommand.Create());
        command.Subcommands.Add(ReportBenchCommand.Create());
        command.Subcommands.Add(CopyFloorCommand.Create());
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(requests);
            var target = CliOptions.Target(parse);
            User coordinator, referent;
            List<long> someIds;
            await using (var db = CliOptions.Open(parse, "bench"))
            {
                coordinator = await db.Users.AsNoTracking().FirstAsync(u => u.Login == "coordinateur1", ct);
                referent = await db.Users.AsNoTracking().FirstAsync(u => u.Login == "referent1-1", ct);
                someIds = await db.Participants.AsNoTracking().Where(p => p.OrganisationId == coordinator.OrganisationId)
                    .OrderBy(p => p.Id).Select(p => p.Id).Take(1000).ToListAsync(ct);
                Console.Out.WriteLine($"{target.Describe()} : {await db.Participants.CountAsync(ct):N0} participants, {await db.Pathways.CountAsync(ct):N0} parcours ; {n} mesures par requête.");
            }
            var random = new Random(1);
            // One options instance for every context, as in the web host (model and compiled queries are cached).
            var optionsBuilder = new DbContextOptionsBuilder<ParcoursDbContext>();
            ParcoursDatabase.Configure(optionsBuilder, target);
            var options = optionsBuilder.Options;
            var cases = new (string Name, User User, Func<ParticipantQueries, Task> Run)[]
            {
                ("liste, page 1 (coordinateur)", coordinator, q => q.SearchAsync(new ParticipantSearch(), ct)),
                ("liste, recherche « mar » (coordinateur)", coordinator, q => q.SearchAsync(new ParticipantSearch("mar"), ct)),
                ("liste, statut ENTRE (coordinateur)", coordinator, q => q.SearchAsync(new ParticipantSearch(Status: PathwayStatus.ENTRE), ct)),
                ("liste, page 300 (coordinateur)", coordinator, q => q.SearchAsync(new ParticipantSearch(Page: 300), ct)),
                ("liste, page 1 (référent)", referent, q => q.SearchAsync(new ParticipantSearch(), ct)),
                ("fiche participant (coordinateur)", coordinator, q => q.FileAsync(someIds[random.Next(someIds.Count)], ct)),
            };
            Console.Out.WriteLine($"{"requête",-44} {"médiane",10} {"p95",10} {"max",10}");
            foreach (var (name, user, run) in cases)
            {
                var times = new List<double>(n);
                for (var i = 0; i < n + 5; i++)
                {
                    var scope = new AccessScope();
                    var whole = user.Roles.HasFlag(Role.Coordinator);
                    List<long> referents = [];
                    if (!whole)
                    {
                        await using var lookup = new ParcoursDbContext(options, AccessScope.System("bench"), TimeProvider.System);
                        referents = await LoginService.VisibleReferentsAsync(lookup, user.Id, user.ReferentId, ct);
                    }
                    scope.RestrictTo(user.Id, user.Login, user.OrganisationId, !whole, referents);
                    await using var db = new ParcoursDbContext(options, scope, TimeProvider.System);
                    var watch = Stopwatch.StartNew();
                    await run(new ParticipantQueries(db));
                    if (i >= 5) times.Add(watch.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                Console.Out.WriteLine($"{name,-44} {times[times.Count / 2],8:N1} ms {times[(int)(times.Count * 0.95)],7:N1} ms {times[^1],7:N1} ms");
            }
            return 0;
        });
        return command;
    }
}
