using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Domain.Reporting;

namespace Parcours.Core.Reporting;

/// <summary>
/// Reads and writes the editorial blocks of the monthly letter (RPT-13 blocks 3 and 6) of a programme. The texts go
/// through the <see cref="ParcoursDbContext"/>: the caller's scope applies (a coordinator reads and writes those of
/// their organisation only) and every write is audited.
/// </summary>
public sealed class LetterEditorialService(ParcoursDbContext db, TimeProvider clock)
{
    public static bool IsMonth(string? month) =>
        month is { Length: 7 } && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public async Task<Dictionary<LetterBlock, string>> GetAsync(long organisationId, string month, CancellationToken ct = default)
    {
        var texts = await db.LetterEditorials.AsNoTracking()
            .Where(t => t.OrganisationId == organisationId && t.Month == month)
            .Select(t => new { t.Block, t.Text })
            .ToListAsync(ct);
        return Enum.GetValues<LetterBlock>().ToDictionary(b => b, b => texts.FirstOrDefault(t => t.Block == b)?.Text ?? "");
    }

    /// <summary>
    /// Stores the texts of a month (an empty text removes the block). Returns the French errors, empty when saved.
    /// Only texts that changed are written, so the audit log holds real changes only.
    /// </summary>
    public async Task<List<string>> SaveAsync(long organisationId, string month, IReadOnlyDictionary<LetterBlock, string?> texts, CancellationToken ct = default)
    {
        var errors = new List<string>();
        if (!IsMonth(month)) errors.Add("Le mois doit être au format AAAA-MM.");
        var normalised = new Dictionary<LetterBlock, string>();
        foreach (var (block, text) in texts)
        {
            if (LetterEditorial.Validate(text, out var clean) is { } error) errors.Add($"{LetterEditorial.Label(block)} : {error}");
            normalised[block] = clean;
        }
        if (errors.Count > 0) return errors;

        var existing = await db.LetterEditorials.Where(t => t.OrganisationId == organisationId && t.Month == month).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (block, text) in normalised)
        {
            var row = existing.FirstOrDefault(t => t.Block == block);
            if (text.Length == 0)
            {
                if (row is not null) db.LetterEditorials.Remove(row);
            }
            else if (row is null)
            {
                db.LetterEditorials.Add(new LetterEditorial
                {
                    OrganisationId = organisationId, Month = month, Block = block, Text = text, UpdatedAtUtc = now, UpdatedBy = db.Scope.Actor,
                });
            }
            else if (row.Text != text)
            {
                row.Text = text;
                row.UpdatedAtUtc = now;
                row.UpdatedBy = db.Scope.Actor;
            }
        }
        await db.SaveChangesAsync(ct);
        return errors;
    }
}
