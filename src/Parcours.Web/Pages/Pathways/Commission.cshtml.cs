using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Core.Pathways;
using Parcours.Web.Infrastructure;

namespace Parcours.Web.Pages.Pathways;

/// <summary>The entry commission's agenda and the prescriptions still in the entry procedure.</summary>
[Authorize(Policy = Policies.ManageCaseloads)]
public sealed class CommissionModel(PathwayWorkspaceQueries queries) : PageModel
{
    public IReadOnlyList<CommissionItem> Ready { get; private set; } = [];
    public IReadOnlyList<CommissionItem> InProcedure { get; private set; } = [];
    public IReadOnlyList<PendingExitItem> PendingExits { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// <summary>The next session of the commission: the earliest commission date, today or later, of the files on its agenda.</summary>
    public DateOnly? NextSession => Ready.Where(i => i.CommissionDate >= Today).Min(i => i.CommissionDate);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Ready = await queries.CommissionAsync(ct);
        InProcedure = await queries.ProcedureAsync(ct);
        PendingExits = await queries.PendingExitsAsync(ct);
        Today = queries.Today;
    }
}
