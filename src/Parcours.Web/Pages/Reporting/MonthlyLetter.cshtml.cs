using Microsoft.AspNetCore.Mvc;
using Parcours.Core.Data;
using Parcours.Core.Reporting;
using Parcours.Domain.Access;
using Parcours.Domain.Reporting;
using Parcours.Web.Infrastructure;

namespace Parcours.Web.Pages.Reporting;

/// <summary>
/// The PLIE monthly information letter (RPT-13) for the user's programme, print-ready, with the comparison with the
/// same month of the previous year. A coordinator writes the editorial blocks of the month (blocks 3 and 6) here.
/// </summary>
public sealed class MonthlyLetterModel(ParcoursDbContext db, TimeProvider clock) : MonthlyReportPageModel(db, clock)
{
    public bool CanEdit => UserClaims.Roles(User).HasFlag(Role.Coordinator) && !Db.Scope.Unrestricted;

    public Dictionary<LetterBlock, string> Editorials { get; private set; } = [];

    public List<string> Errors { get; } = [];

    [TempData] public string? Saved { get; set; }

    protected override async Task<ReportResult> ComputeAsync(ParcoursDbContext db, int year, int month, CancellationToken ct)
    {
        var result = await new MonthlyLetterReport(db).ComputeAsync(year, month, null, ct);
        if (CanEdit) Editorials = await new LetterEditorialService(db, Clock).GetAsync(db.Scope.OrganisationId, result.Month!, ct);
        return result;
    }

    public async Task<IActionResult> OnPostEditorialAsync([FromForm] string? actions, [FromForm(Name = "faits_marquants")] string? highlights, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        if (!LetterEditorialService.IsMonth(Month)) return BadRequest();
        var errors = await new LetterEditorialService(Db, Clock).SaveAsync(Db.Scope.OrganisationId, Month!,
            new Dictionary<LetterBlock, string?> { [LetterBlock.ACTIONS] = actions, [LetterBlock.FAITS_MARQUANTS] = highlights }, ct);
        if (errors.Count == 0)
        {
            Saved = "Les textes de la lettre ont été enregistrés.";
            return RedirectToPage(new { mois = Month });
        }
        Errors.AddRange(errors);
        await OnGetAsync(ct);
        Editorials[LetterBlock.ACTIONS] = actions ?? "";
        Editorials[LetterBlock.FAITS_MARQUANTS] = highlights ?? "";
        return Page();
    }
}
