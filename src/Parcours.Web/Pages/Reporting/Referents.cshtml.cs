using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Core.Data;
using Parcours.Core.Reporting;
using Parcours.Web.Api;
using Parcours.Web.Infrastructure;

namespace Parcours.Web.Pages.Reporting;

/// <summary>Monthly dashboard per référent and per employer of référents (RPT-14).</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class ReferentsModel(ParcoursDbContext db, TimeProvider clock) : PageModel
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
        Result = await new ReferentDashboardReport(db).ComputeAsync(first.Year, first.Month, null, ct);
    }
}
