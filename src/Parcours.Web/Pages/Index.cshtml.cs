using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Core.Reporting;
using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;
using Parcours.Web.Infrastructure;

namespace Parcours.Web.Pages;

public sealed class IndexModel(ParcoursDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>The coordinator's dashboard of the last complete month, computed for a coordinator only.</summary>
    public ReportResult? Dashboard { get; private set; }

    public bool CaseloadOnly => db.Scope.CaseloadOnly;
    public IReadOnlyList<(PathwayStatus Status, int Count)> ByStatus { get; private set; } = [];
    public IReadOnlyList<(string Label, int Value, string Status)> Tiles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var counts = await db.Pathways.AsNoTracking().GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        ByStatus = Enum.GetValues<PathwayStatus>().Select(s => (s, counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0)).ToList();
        int Count(params PathwayStatus[] statuses) => counts.Where(c => statuses.Contains(c.Key)).Sum(c => c.Count);
        Tiles =
        [
            ("En parcours", Count(PathwayStatus.ENTRE), nameof(PathwayStatus.ENTRE)),
            ("En veille", Count(PathwayStatus.EN_VEILLE), nameof(PathwayStatus.EN_VEILLE)),
            ("En cours d'entrée", Count(PathwayStatus.PRESCRIT, PathwayStatus.PRE_AFFECTE, PathwayStatus.CONVOQUE, PathwayStatus.ENTRETIEN, PathwayStatus.EN_COMMISSION), nameof(PathwayStatus.EN_COMMISSION)),
        ];
        if (UserClaims.Roles(User).HasFlag(Role.Coordinator) && !db.Scope.CaseloadOnly)
        {
            var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
            Dashboard = await new CoordinatorDashboardReport(db).ComputeAsync(month.Year, month.Month, null, ct);
        }
    }
}
