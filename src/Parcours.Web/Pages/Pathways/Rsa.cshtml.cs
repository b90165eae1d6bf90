using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Core.Pathways;
using Parcours.Domain.Pathways;

namespace Parcours.Web.Pages.Pathways;

/// <summary>RSA orientations of the Département (W-07): the decree delays and the overdue files first.</summary>
public sealed class RsaModel(PathwayWorkspaceQueries queries, CaseloadQueries caseload) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "retard")] public bool OnlyOverdue { get; set; }
    public IReadOnlyList<RsaFile> Files { get; private set; } = [];
    public PathwayPolicy Policy => caseload.Policy;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await queries.RsaAsync(null, ct);
        Files = all.Where(f => !OnlyOverdue || f.Overdue.Count > 0).OrderByDescending(f => f.Overdue.Count).ThenBy(f => f.RightsOpenedOn).ToList();
    }
}
