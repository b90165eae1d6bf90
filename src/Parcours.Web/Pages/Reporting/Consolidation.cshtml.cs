using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Core.Data;
using Parcours.Core.Reporting;
using Parcours.Web.Infrastructure;

namespace Parcours.Web.Pages.Reporting;

/// <summary>The national PLIE consolidation of a year for the user's programme, with its checks and its exports.</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class ConsolidationModel(ParcoursDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "annee")] public int? Year { get; set; }

    public ReportResult? Result { get; private set; }

    public int SelectedYear => Year ?? clock.GetLocalNow().Year - 1;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await new ConsolidationReport(db).ComputeAsync(SelectedYear, null, ct);
    }
}
