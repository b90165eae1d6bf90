using Parcours.Core.Data;
using Parcours.Core.Reporting;

namespace Parcours.Web.Pages.Reporting;

/// <summary>The PLIE monthly information letter (RPT-13) for the user's programme, print-ready.</summary>
public sealed class MonthlyLetterModel(ParcoursDbContext db, TimeProvider clock) : MonthlyReportPageModel(db, clock)
{
    protected override Task<ReportResult> ComputeAsync(ParcoursDbContext db, int year, int month, CancellationToken ct) =>
        new MonthlyLetterReport(db).ComputeAsync(year, month, null, ct);
}
