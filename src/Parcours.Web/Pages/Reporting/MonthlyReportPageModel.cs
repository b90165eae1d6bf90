using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Core.Data;
using Parcours.Core.Reporting;
using Parcours.Web.Api;
using Parcours.Web.Infrastructure;

namespace Parcours.Web.Pages.Reporting;

/// <summary>
/// A report page for one month, chosen with <c>?mois=YYYY-MM</c> and, by default, the previous month: the month whose
/// figures are complete.
/// </summary>
[Authorize(Policy = Policies.ReadReports)]
public abstract class MonthlyReportPageModel(ParcoursDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "mois")] public string? Month { get; set; }

    public DateOnly First { get; private set; }

    public ReportResult? Result { get; private set; }

    protected ParcoursDbContext Db => db;

    protected TimeProvider Clock => clock;

    protected abstract Task<ReportResult> ComputeAsync(ParcoursDbContext db, int year, int month, CancellationToken ct);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ReportingApi.TryParseMonth(Month, out var first))
        {
            var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
            first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        }
        First = first;
        Result = await ComputeAsync(db, first.Year, first.Month, ct);
    }
}
