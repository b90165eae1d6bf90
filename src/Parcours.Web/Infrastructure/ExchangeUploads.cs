using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Core.Exchange;
using Parcours.Domain.Access;

namespace Parcours.Web.Infrastructure;

/// <summary>
/// An uploaded dataset (.zip) imported for the signed-in user, shared by <c>POST /api/v1/imports</c> and the page
/// «Échanges de données»: a coordinator imports for the producer code of their own organisation only, an
/// administrator for any producer.
/// </summary>
public static class ExchangeUploads
{
    /// <summary>Largest dataset accepted over HTTP (the request body): a zip of about 3 million participants.</summary>
    public const long MaxUploadBytes = 1L << 30;

    public static bool MayExchange(ClaimsPrincipal user) => user.Has(Role.Coordinator | Role.Administrator);

    public static async Task<ImportResult> ImportAsync(ClaimsPrincipal user, ParcoursDbContext db, IFormFile upload, CancellationToken ct)
    {
        var temp = Path.GetTempFileName();
        try
        {
            await using (var file = File.Create(temp)) await upload.CopyToAsync(file, ct);
            IReadOnlySet<string>? producers = null;
            if (!user.Has(Role.Administrator))
            {
                var organisationId = UserClaims.Long(user, UserClaims.OrganisationId);
                var code = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Code).SingleOrDefaultAsync(ct);
                producers = new HashSet<string> { code ?? "" };
            }
            using var source = DatasetSource.Open(temp);
            return await new DatasetImporter(db).ImportAsync(source, new ImportOptions { AllowedProducers = producers }, null, ct);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}

/// <summary>
/// The error reports of imports made from the page, kept a day so that the user can download the whole CSV
/// (the page lists the first rows). A report is only given back to the user who made the import.
/// </summary>
public sealed class ImportReportStore(string folder)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public static ImportReportStore Default() => new(Path.Combine(Path.GetTempPath(), "parcours-import-reports"));

    /// <summary>Writes the report and returns its id (32 hexadecimal characters).</summary>
    public string Save(long userId, ImportReport report)
    {
        Directory.CreateDirectory(folder);
        // Reports older than a day go (wall clock, not the business «today» that tests move).
        foreach (var old in Directory.EnumerateFiles(folder, "*.csv"))
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(old) > KeptFor) File.Delete(old);
        var id = Guid.NewGuid().ToString("N");
        using var stream = File.Create(PathOf(userId, id));
        report.WriteCsv(stream);
        return id;
    }

    /// <summary>The CSV of a report of this user, or null (unknown, expired, another user's or a malformed id).</summary>
    public byte[]? Load(long userId, string? id)
    {
        if (id is null || id.Length != 32 || !id.All(char.IsAsciiHexDigitLower)) return null;
        var path = PathOf(userId, id);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    private string PathOf(long userId, string id) => Path.Combine(folder, $"{userId.ToString(CultureInfo.InvariantCulture)}-{id}.csv");
}
