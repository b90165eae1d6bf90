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
            // The per-référent summary is counted by the database; the list is one page, read in the database when the
            // sort allows it (name, entry, duration), otherwise computed over the whole programme.
            Loads = await caseload.ProgrammeLoadsAsync(ct);
            (Rows, Total) = await caseload.ProgrammePageAsync(new CaseloadFilter(null, Alerte, Situation, Tri), PageNumber, PageSize, ct);
            return;
        }
        var rows = await caseload.RowsAsync(new CaseloadFilter(Referent, Alerte, Situation, Tri), ct);
        Total = rows.Count;
        Rows = rows.Skip((Math.Max(1, PageNumber) - 1) * PageSize).Take(PageSize).ToList();
    }

    public string PageUrl(int page) =>
        $"/portefeuille?referent={Referent}&alerte={Alerte}&situation={Uri.EscapeDataString(Situation ?? "")}&tri={Tri}&page={page}";
}
