using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Core.Pathways;
using Parcours.Domain.Pathways;
using Parcours.Web.Infrastructure;

namespace Parcours.Web.Pages.Pathways;

/// <summary>The caseload (W-02): a référent's file active with alerts; for a coordinator, every référent's load and alerts.</summary>
public sealed class CaseloadModel(CaseloadQueries caseload) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "referent")] public long? Referent { get; set; }
    [BindProperty(SupportsGet = true, Name = "alerte")] public CaseloadAlertKind? Alerte { get; set; }
    [BindProperty(SupportsGet = true, Name = "situation")] public string? Situation { get; set; }
    [BindProperty(SupportsGet = true, Name = "tri")] public string? Tri { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public const int PageSize = 100;
    public IReadOnlyList<CaseloadRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<ReferentLoad> Loads { get; private set; } = [];
    public bool Coordinator => Workspace.IsCoordinator(User);
    public PathwayPolicy Policy => caseload.Policy;
    public DateOnly Today => caseload.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Coordinator && Referent is null)
        {
            // One query for the whole programme: the per-référent summary and the filtered list both come from it.
            var everything = await caseload.RowsAsync(new CaseloadFilter(null, null, null, Tri), ct);
            Loads = await caseload.LoadsAsync(everything, ct);
            var all = everything.Where(r => (Alerte is null || r.Alerts.Any(a => a.Kind == Alerte)) && (string.IsNullOrEmpty(Situation) || r.Situation == Situation)).ToList();
            Total = all.Count;
            Rows = all.Skip((Math.Max(1, PageNumber) - 1) * PageSize).Take(PageSize).ToList();
            return;
        }
        var rows = await caseload.RowsAsync(new CaseloadFilter(Referent, Alerte, Situation, Tri), ct);
        Total = rows.Count;
        Rows = rows.Skip((Math.Max(1, PageNumber) - 1) * PageSize).Take(PageSize).ToList();
    }

    public string PageUrl(int page) =>
        $"/portefeuille?referent={Referent}&alerte={Alerte}&situation={Uri.EscapeDataString(Situation ?? "")}&tri={Tri}&page={page}";
}
