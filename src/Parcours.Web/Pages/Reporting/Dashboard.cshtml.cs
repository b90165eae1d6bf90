using Parcours.Core.Data;
using Parcours.Core.Reporting;

namespace Parcours.Web.Pages.Reporting;

/// <summary>The coordinator's dashboard: 24 months of entries, exits and file active, and positive-exit rates by category.</summary>
public sealed class DashboardModel(ParcoursDbContext db, TimeProvider clock) : MonthlyReportPageModel(db, clock)
{
    protected override Task<ReportResult> ComputeAsync(ParcoursDbContext db, int year, int month, CancellationToken ct) =>
        new CoordinatorDashboardReport(db).ComputeAsync(year, month, null, ct);
}
