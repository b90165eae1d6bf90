using Parcours.Core.Data;
using Parcours.Core.Reporting;

namespace Parcours.Web.Pages.Reporting;

/// <summary>Monthly dashboard per référent and per employer of référents (RPT-14).</summary>
public sealed class ReferentsModel(ParcoursDbContext db, TimeProvider clock) : MonthlyReportPageModel(db, clock)
{
    protected override Task<ReportResult> ComputeAsync(ParcoursDbContext db, int year, int month, CancellationToken ct) =>
        new ReferentDashboardReport(db).ComputeAsync(year, month, null, ct);
}
