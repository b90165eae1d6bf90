using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Core.Data;
using Parcours.Core.Pathways;
using Parcours.Core.Reporting;
using Parcours.Web.Api;
using Parcours.Web.Infrastructure;

namespace Parcours.Web.Pages.Reporting;

/// <summary>
/// A référent's own monthly dashboard (RPT-14, «each référent: own row»): the rows of the caseloads the référent may
/// see (their own, and those shared with them), and the alerts of those caseloads. Nothing of other référents.
/// </summary>
[Authorize(Policy = Policies.ReadOwnDashboard)]
public sealed class MyDashboardModel(ParcoursDbContext db, TimeProvider clock, PathwayPolicies policies) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "mois")] public string? Month { get; set; }

    public DateOnly First { get; private set; }

    public ReportResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!db.Scope.CaseloadOnly || db.Scope.ReferentIds.Count == 0) return Forbid();
        if (!ReportingApi.TryParseMonth(Month, out var first))
        {
            var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
            first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        }
        First = first;
        Result = await new ReferentDashboardReport(db, clock, policies).ComputeAsync(first.Year, first.Month, null,
            new ReferentDashboardReport.ReferentSelection(ReferentIds: db.Scope.ReferentIds), ct);
        return Page();
    }
}
