using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Core.Exchange;
using Parcours.Domain.Access;
using Parcours.Web.Infrastructure;

namespace Parcours.Web.Pages.Exchange;

/// <summary>
/// «Échanges de données»: a coordinator or an administrator imports a dataset of the exchange format (the same import,
/// all or nothing, as <c>parcours import</c> and <c>POST /api/v1/imports</c>) and reads its report in the page, or
/// exports the organisation's data, in full or as the anonymised national feed (<c>GET /api/v1/exports</c>).
/// </summary>
[Authorize(Policy = Policies.ExchangeData)]
[RequestSizeLimit(ExchangeUploads.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ExchangeUploads.MaxUploadBytes)]
public sealed class IndexModel(ParcoursDbContext db, ImportReportStore reports) : PageModel
{
    /// <summary>Rows of the report listed in the page; the whole report is downloaded as CSV.</summary>
    public const int ListedIssues = 100;

    public ImportResult? Result { get; private set; }
    public string? ReportId { get; private set; }
    public string? UploadError { get; private set; }
    public IReadOnlyList<ImportIssue> Issues { get; private set; } = [];
    public IReadOnlyList<ExchangeDataset> History { get; private set; } = [];
    public string? OrganisationCode { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadHistoryAsync(ct);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? dataset, CancellationToken ct)
    {
        if (dataset is null || dataset.Length == 0)
            UploadError = "Choisissez le fichier .zip du jeu de données.";
        else if (!dataset.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            UploadError = "Le jeu de données doit être une archive .zip contenant manifest.json et les fichiers CSV.";
        if (UploadError is not null)
        {
            await LoadHistoryAsync(ct);
            return Page();
        }
        Result = await ExchangeUploads.ImportAsync(User, db, dataset!, ct);
        // Errors first: a report of many warnings must not push the reason of a refusal out of the page.
        Issues = Result.Report.Sorted().OrderBy(i => i.Severity).Take(ListedIssues).ToList();
        if (Result.Report.Issues.Count > 0 && UserClaims.Long(User, UserClaims.UserId) is { } userId)
            ReportId = reports.Save(userId, Result.Report);
        await LoadHistoryAsync(ct);
        return Page();
    }

    /// <summary>The whole report of an import made from this page by the same user, as import-report.csv.</summary>
    public IActionResult OnGetRapport(string? id)
    {
        var csv = UserClaims.Long(User, UserClaims.UserId) is { } userId ? reports.Load(userId, id) : null;
        return csv is null ? NotFound() : File(csv, "text/csv; charset=utf-8", "import-report.csv");
    }

    private async Task LoadHistoryAsync(CancellationToken ct)
    {
        var organisationId = UserClaims.Long(User, UserClaims.OrganisationId);
        OrganisationCode = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Code).SingleOrDefaultAsync(ct);
        var datasets = db.Set<ExchangeDataset>().AsNoTracking();
        if (!User.Has(Role.Administrator)) datasets = datasets.Where(d => d.ProducerCode == OrganisationCode);
        History = await datasets.OrderByDescending(d => d.Id).Take(20).ToListAsync(ct);
    }

    public static string SeverityLabel(IssueSeverity severity) => severity switch
    {
        IssueSeverity.Erreur => "Erreur",
        IssueSeverity.Avertissement => "Avertissement",
        _ => "Information",
    };
}
