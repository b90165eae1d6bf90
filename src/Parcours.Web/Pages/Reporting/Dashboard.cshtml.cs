using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Core.Data;
using Parcours.Core.Reporting;
using Parcours.Web.Api;
using Parcours.Web.Infrastructure;

namespace Parcours.Web.Pages.Reporting;

/// <summary>The coordinator's dashboard: 24 months of entries, exits and file active, and positive-exit rates by category.</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class DashboardModel(ParcoursDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "mois")] public string? Month { get; set; }

    public DateOnly First { get; private set; }

    public ReportResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ReportingApi.TryParseMonth(Month, out var first))
        {
            var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
            first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        }
        First = first;
        Result = await new CoordinatorDashboardReport(db).ComputeAsync(first.Year, first.Month, null, ct);
    }
}
