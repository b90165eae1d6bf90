using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Core.Data;
using Parcours.Core.Reporting;
using Parcours.Web.Api;
using Parcours.Web.Infrastructure;

namespace Parcours.Web.Pages.Reporting;

/// <summary>The PLIE monthly information letter (RPT-13) for the user's programme, print-ready.</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class MonthlyLetterModel(ParcoursDbContext db, TimeProvider clock) : PageModel
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
        Result = await new MonthlyLetterReport(db).ComputeAsync(first.Year, first.Month, null, ct);
    }
}
