using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Core.Pathways;
using Parcours.Core.Reporting;

namespace Parcours.Web.Pages.Reporting;

/// <summary>
/// Monthly dashboard per référent and per employer of référents (RPT-14). With <c>?employeur=ID</c>, the view of one
/// employer's référents only (the dashboard sent to that employer, R-705).
/// </summary>
public sealed class ReferentsModel(ParcoursDbContext db, TimeProvider clock, PathwayPolicies policies) : MonthlyReportPageModel(db, clock)
{
    [BindProperty(SupportsGet = true, Name = "employeur")] public long? Employer { get; set; }

    public IReadOnlyList<(long Id, string Name)> Employers { get; private set; } = [];

    protected override async Task<ReportResult> ComputeAsync(ParcoursDbContext db, int year, int month, CancellationToken ct)
    {
        Employers = (await db.Referents.AsNoTracking().Where(r => r.EmployerOrganisationId != null)
                .Select(r => new { Id = r.EmployerOrganisationId!.Value, r.Employer!.Name }).Distinct().ToListAsync(ct))
            .OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => (e.Id, e.Name)).ToList();
        var selection = Employer is { } id ? new ReferentDashboardReport.ReferentSelection(EmployerOrganisationId: id) : null;
        return await new ReferentDashboardReport(db, Clock, policies).ComputeAsync(year, month, null, selection, ct);
    }
}
