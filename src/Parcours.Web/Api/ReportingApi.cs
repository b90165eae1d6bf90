using System.Text;
using Parcours.Core.Data;
using Parcours.Core.Documents;
using Parcours.Core.Pathways;
using Parcours.Core.Reporting;
using Parcours.Web.Infrastructure;

namespace Parcours.Web.Api;

/// <summary>
/// Reports under /api/v1/reports, computed by the same engine as the pages and the CLI, within the caller's scope
/// (a coordinator gets their programme), as JSON or as a csv, xlsx, html or pdf file (format=…). A report whose checks fail answers 422 with the same body, checks included:
/// it is never served as if it were publishable.
/// </summary>
public static class ReportingApi
{
    public static void MapReportingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/reports").WithTags("Rapports").RequireAuthorization(Policies.ReadReports);
        api.MapGet("/consolidation", Consolidation).WithName("GetConsolidation")
            .WithSummary("Consolidation nationale PLIE d'une année : flux, taux, durées, étapes et contrôles de cohérence (format=json, csv, xlsx, html ou pdf).");
        api.MapGet("/tableau-de-bord", Dashboard).WithName("GetDashboard")
            .WithSummary("Tableau de bord du coordinateur au mois donné (month=AAAA-MM) : 24 mois d'entrées, de sorties et de file active, taux par catégorie (format=json, csv, xlsx, html ou pdf).");
        api.MapGet("/consolidation-pluriannuelle", MultiYear).WithName("GetMultiYearFlows")
            .WithSummary("Flux de plusieurs années (tableau 1BIS) : year=AAAA (dernière année), years=k (4 par défaut) ; format=json, csv, xlsx, html ou pdf.");
        api.MapGet("/fse-indicators", FseIndicators).WithName("GetFseIndicators")
            .WithSummary("Indicateurs FSE des participants d'une année (year=AAAA ; format=json, csv, xlsx, html ou pdf).");
        api.MapGet("/tableau-referents", Referents).WithName("GetReferentDashboard")
            .WithSummary("Tableau de bord par référent et par employeur au mois donné (month=AAAA-MM ; employer=identifiant d'un employeur de référents pour sa seule vue ; format=json, csv, xlsx, html ou pdf).");
        api.MapGet("/lettre-mensuelle", MonthlyLetter).WithName("GetMonthlyLetter")
            .WithSummary("Lettre mensuelle d'information du PLIE d'un mois (month=AAAA-MM ; format=json, csv, xlsx, html ou pdf).");
    }

    private static async Task<IResult> MonthlyLetter(ParcoursDbContext db, TimeProvider clock, string? month, string? format, CancellationToken ct)
    {
        if (!TryParseMonth(month, out var first))
            return TypedResults.Problem("Le paramètre month (mois au format AAAA-MM, par exemple 2024-06) est obligatoire.", statusCode: StatusCodes.Status400BadRequest);
        var result = await new MonthlyLetterReport(db).ComputeAsync(first.Year, first.Month, null, ct);
        var status = result.Passed ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
        return Render(result, clock, format, $"lettre-mensuelle-{first:yyyy-MM}", $"Lettre mensuelle d'information — {first:MM/yyyy}", status);
    }

    private static async Task<IResult> Dashboard(ParcoursDbContext db, TimeProvider clock, string? month, string? format, CancellationToken ct)
    {
        if (!TryParseMonth(month, out var first))
            return TypedResults.Problem("Le paramètre month (mois au format AAAA-MM, par exemple 2024-06) est obligatoire.", statusCode: StatusCodes.Status400BadRequest);
        var result = await new CoordinatorDashboardReport(db).ComputeAsync(first.Year, first.Month, null, ct);
        var status = result.Passed ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
        return Render(result, clock, format, $"tableau-de-bord-{first:yyyy-MM}", $"Tableau de bord — {first:MM/yyyy}", status);
    }

    private static async Task<IResult> FseIndicators(ParcoursDbContext db, TimeProvider clock, int? year, string? format, CancellationToken ct)
    {
        if (year is not { } y || y < 1900 || y > 2099)
            return TypedResults.Problem("Le paramètre year (année, par exemple 2024) est obligatoire.", statusCode: StatusCodes.Status400BadRequest);
        var result = await new FseIndicatorsReport(db).ComputeAsync(y, null, ct);
        var status = result.Passed ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
        return Render(result, clock, format, $"indicateurs-fse-{y}", $"Indicateurs FSE {y}", status);
    }

    private static async Task<IResult> Referents(ParcoursDbContext db, TimeProvider clock, PathwayPolicies policies, string? month, long? employer, string? format, CancellationToken ct)
    {
        if (!TryParseMonth(month, out var first))
            return TypedResults.Problem("Le paramètre month (mois au format AAAA-MM, par exemple 2024-06) est obligatoire.", statusCode: StatusCodes.Status400BadRequest);
        var selection = employer is { } id ? new ReferentDashboardReport.ReferentSelection(EmployerOrganisationId: id) : null;
        var result = await new ReferentDashboardReport(db, clock, policies).ComputeAsync(first.Year, first.Month, null, selection, ct);
        var status = result.Passed ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
        return Render(result, clock, format, $"tableau-referents-{first:yyyy-MM}", $"Tableau de bord des référents — {first:MM/yyyy}", status);
    }

    private static async Task<IResult> MultiYear(ParcoursDbContext db, TimeProvider clock, int? year, int? years, string? format, CancellationToken ct)
    {
        if (year is not { } y || y < 1900 || y > 2099 || years is < 1 or > 10)
            return TypedResults.Problem("Les paramètres year (dernière année) et years (1 à 10) sont attendus.", statusCode: StatusCodes.Status400BadRequest);
        var result = await new MultiYearFlowsReport(db).ComputeAsync(y, years ?? 4, null, ct);
        var status = result.Passed ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
        return Render(result, clock, format, $"consolidation-pluriannuelle-{y}", $"Flux pluriannuels PLIE jusqu'à {y}", status);
    }

    internal static bool TryParseMonth(string? month, out DateOnly first) =>
        DateOnly.TryParseExact((month ?? "") + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out first);

    private static async Task<IResult> Consolidation(ParcoursDbContext db, TimeProvider clock, int? year, string? format, CancellationToken ct)
    {
        if (year is not { } y || y < 1900 || y > 2099)
            return TypedResults.Problem("Le paramètre year (année, par exemple 2024) est obligatoire.", statusCode: StatusCodes.Status400BadRequest);
        var result = await new ConsolidationReport(db).ComputeAsync(y, null, ct);
        var status = result.Passed ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
        return Render(result, clock, format, $"consolidation-{y}", $"Consolidation PLIE {y}", status);
    }

    internal static IResult Render(ReportResult result, TimeProvider clock, string? format, string fileName, string title, int status) => format switch
    {
        "pdf" => new ReportFile(ReportPdf.Build(result, title, clock), PdfRenderer.ContentType, fileName + ".pdf", status),
        "csv" => new ReportFile(ReportRendering.CsvBytes(result), "text/csv; charset=utf-8", fileName + ".csv", status),
        "xlsx" => new ReportFile(ReportXlsx.Build(result), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName + ".xlsx", status),
        "html" => new ReportFile(Encoding.UTF8.GetBytes(ReportRendering.HtmlDocument(result, title)), "text/html; charset=utf-8", null, status),
        _ => new ReportFile(Encoding.UTF8.GetBytes(ReportRendering.Json(result)), "application/json; charset=utf-8", null, status),
    };

    private sealed class ReportFile(byte[] bytes, string contentType, string? downloadName, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            if (downloadName is not null) context.Response.Headers.ContentDisposition = $"attachment; filename=\"{downloadName}\"";
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }
}
