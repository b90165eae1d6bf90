using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Domain.CodeLists;

namespace Parcours.Web.Pages;

public sealed class IndexModel(ParcoursDbContext db) : PageModel
{
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
    }
}
