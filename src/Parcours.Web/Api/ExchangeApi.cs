using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Core.Exchange;
using Parcours.Domain.Access;
using Parcours.Web.Infrastructure;

namespace Parcours.Web.Api;

/// <summary>
/// Exchange format v1 over the API: <c>POST /api/v1/imports</c> (multipart, a .zip dataset in the field «dataset») and
/// <c>GET /api/v1/exports</c> (a .zip dataset of the caller's organisation). Coordinators and administrators only.
/// </summary>
public static class ExchangeApi
{
    public sealed record ImportSummary(bool Imported, bool AlreadyImported, long Rows, int Created, int Updated, int Deleted, IReadOnlyList<ImportIssueDto> Issues);

    public sealed record ImportIssueDto(string Severity, string File, int? Line, string Column, string RecordId, string Code, string Message);

    public static void MapExchangeApi(this RouteGroupBuilder api)
    {
        api.MapPost("/imports", ImportAsync).WithName("ImportDataset").DisableAntiforgery()
            .WithSummary("Importe un jeu de données au format d'échange (zip, champ « dataset »), tout ou rien ; en cas d'erreur, renvoie le rapport CSV (422).");
        api.MapGet("/exports", ExportAsync).WithName("ExportDataset")
            .WithSummary("Exporte les données de l'organisation au format d'échange (zip) ; anonymised=true pour le flux de consolidation nationale, excel=true pour des fichiers lisibles par un tableur (BOM et « ; »).");
    }

    private static bool Allowed(HttpContext http) => ExchangeUploads.MayExchange(http.User);

    private static async Task<IResult> ImportAsync(HttpContext http, ParcoursDbContext db, CancellationToken ct)
    {
        if (!Allowed(http)) return Results.StatusCode(StatusCodes.Status403Forbidden);
        if (!http.Request.HasFormContentType) return Results.Problem("Envoyez le jeu de données en multipart/form-data, champ « dataset ».", statusCode: 400);
        // A dataset may be larger than the server's default limits of a request body (30 MB) and of a form (128 MB).
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = ExchangeUploads.MaxUploadBytes;
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = ExchangeUploads.MaxUploadBytes }));
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return Results.Problem($"Le jeu de données dépasse la taille admise ({ExchangeUploads.MaxUploadBytes / (1024 * 1024)} Mo) ou le formulaire est mal formé.", statusCode: 413);
        }
        var upload = form.Files.GetFile("dataset") ?? form.Files.FirstOrDefault();
        if (upload is null) return Results.Problem("Aucun fichier reçu : joignez le jeu de données (.zip) dans le champ « dataset ».", statusCode: 400);
        var result = await ExchangeUploads.ImportAsync(http.User, db, upload, ct);
        if (!result.Imported && !result.AlreadyImported)
        {
            var report = new MemoryStream();
            result.Report.WriteCsv(report);
            return Results.Extensions.WithStatus(Results.File(report.ToArray(), "text/csv; charset=utf-8", "import-report.csv"), StatusCodes.Status422UnprocessableEntity);
        }
        return Results.Ok(new ImportSummary(result.Imported, result.AlreadyImported, result.Rows, result.Created, result.Updated, result.Deleted,
            result.Report.Sorted().Select(i => new ImportIssueDto(i.Severity.ToString().ToUpperInvariant(), i.File, i.Line, i.Column, i.RecordId, i.Code, i.MessageFr)).ToList()));
    }

    /// <summary>A date of the query (yyyy-MM-dd); empty as a form sends a date field left blank.</summary>
    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)) return false;
        date = d;
        return true;
    }

    private static async Task<IResult> ExportAsync(HttpContext http, ParcoursDbContext db, DatabaseTarget target, bool? anonymised,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "from")] string? fromText, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "to")] string? toText, bool? excel, CancellationToken ct)
    {
        if (!Allowed(http)) return Results.StatusCode(StatusCodes.Status403Forbidden);
        if (!TryDate(fromText, out var from) || !TryDate(toText, out var to))
            return Results.Problem("Les dates de début et de fin s'écrivent AAAA-MM-JJ (par exemple 2025-01-31).", statusCode: 400);
        if (from is { } f && to is { } t && f > t)
            return Results.Problem("La date de début est postérieure à la date de fin.", statusCode: 400);
        var organisationId = UserClaims.Long(http.User, UserClaims.OrganisationId);
        var code = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Code).SingleOrDefaultAsync(ct);
        if (code is null) return Results.NotFound();
        var options = new ExportOptions { OrganisationCode = code, From = from, To = to, Anonymised = anonymised == true, ExcelFriendly = excel == true };
        if (options.Anonymised) options = options with { PseudonymKey = PseudonymKeyStore.LoadOrCreate(PseudonymKeyStore.DefaultPath(target)) };
        var folder = Directory.CreateTempSubdirectory("parcours-export-").FullName;
        try
        {
            await new DatasetExporter(db).ExportAsync(folder, options, null, ct);
            var zip = new MemoryStream();
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
                foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
                    await archive.CreateEntryFromFileAsync(file, Path.GetFileName(file), CompressionLevel.Fastest, ct);
            zip.Position = 0;
            var name = $"parcours-{code}-{(options.Anonymised ? "flux-anonymise" : "export")}-{DateTime.UtcNow:yyyyMMdd}.zip";
            return Results.File(zip, "application/zip", name);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}

internal static class ResultStatusExtensions
{
    /// <summary>A file result with another status code than 200.</summary>
    public static IResult WithStatus(this IResultExtensions _, IResult inner, int status) => new StatusResult(inner, status);

    private sealed class StatusResult(IResult inner, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
