using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Domain.CodeLists;

namespace Parcours.Core.Reporting;

/// <summary>
/// National Table 1BIS (reports.md RPT-02; R-215): for each year of Y−k+1..Y and for the k years together, the
/// entries, positive exits, exits to employment and exits without follow-on, by category at entry (the columns of
/// the consolidation). Counts only; the published shares are count ÷ the TOTAL column. One query grouped by the raw
/// codes, the entry year, the exit year and the exit reason; the categories and exit rows are mapped with the same
/// functions as the consolidation.
/// </summary>
public sealed class MultiYearFlowsReport(ParcoursDbContext db)
{
    public const string Name = "consolidation-pluriannuelle";

    public static readonly IReadOnlyList<string> Metrics = ["ENTREES", "SORTIES_POSITIVES", "SORTIES_EMPLOI", "SORTIES_SANS_SUITE"];

    /// <summary>The number of years of the multi-year tables when none is given (tables 1BIS and 6BIS).</summary>
    public const int DefaultYears = 4;

    public async Task<ReportResult> ComputeAsync(int year, int years = DefaultYears, IReadOnlyCollection<string>? organisationCodes = null, CancellationToken ct = default)
    {
        if (years is < 1 or > 10) throw new ArgumentException("Le nombre d'années doit être compris entre 1 et 10.");
        var first = year - years + 1;
        var start = new DateOnly(first, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var organisations = await ConsolidationReport.ResolveOrganisationsAsync(db, organisationCodes, ct);
        var orgIds = organisations.Select(o => o.Id).ToList();

        var groups = await db.Pathways.AsNoTracking()
            .Where(p => p.Scheme == Scheme.PLIE && orgIds.Contains(p.OrganisationId))
            .Where(p => (p.EntryDate >= start && p.EntryDate <= end) || (p.ExitDate >= start && p.ExitDate <= end))
            .GroupBy(p => new
            {
                p.Participant!.Sex,
                AgeClass = p.AgeAtEntry == null ? 0 : p.AgeAtEntry < 26 ? 1 : 2,
                p.ThRqth,
                p.PublicCategory,
                p.EducationLevel1969,
                p.EducationLevel,
                p.ExitReason,
                EntryYear = p.EntryDate == null ? 0 : p.EntryDate.Value.Year,
                ExitYear = p.ExitDate == null ? 0 : p.ExitDate.Value.Year,
            })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);

        var yearKeys = Enumerable.Range(first, years).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("TOTAL").ToList();
        var table = new ReportTable("flows_multi_year", $"Flux de {first} à {year}", ConsolidationReport.CategoryColumns)
        {
            RowLabel = k => k.Split('.') is [var y, var m] ? $"{ReportLabels.Of(m)} — {(y == "TOTAL" ? $"{first}-{year}" : y)}" : k,
        };
        var counts = yearKeys.SelectMany(y => Metrics.Select(m => $"{y}.{m}")).ToDictionary(k => k, _ => ConsolidationReport.CategoryColumns.ToDictionary(c => c, _ => 0d));
        foreach (var g in groups)
        {
            var k = g.Key;
            foreach (var col in ConsolidationReport.ColumnsOf(k.Sex, k.AgeClass, k.ThRqth, k.PublicCategory, k.EducationLevel1969, k.EducationLevel))
            {
                if (k.EntryYear >= first && k.EntryYear <= year)
                {
                    counts[$"{k.EntryYear}.ENTREES"][col] += g.Count;
                    counts["TOTAL.ENTREES"][col] += g.Count;
                }
                if (k.ExitYear >= first && k.ExitYear <= year && k.ExitReason is { } reason)
                {
                    var positive = ExitReasons.Category(reason) == ExitCategory.POSITIVE;
                    foreach (var y in new[] { k.ExitYear.ToString(System.Globalization.CultureInfo.InvariantCulture), "TOTAL" })
                    {
                        counts[$"{y}.{(positive ? "SORTIES_POSITIVES" : "SORTIES_SANS_SUITE")}"][col] += g.Count;
                        if (ExitReasons.ConsolidationRow(reason) == ConsolidationExitRow.EMPLOI) counts[$"{y}.SORTIES_EMPLOI"][col] += g.Count;
                    }
                }
            }
        }
        foreach (var (key, values) in counts)
        {
            var row = table.Add(key);
            foreach (var c in ConsolidationReport.CategoryColumns) row[c] = values[c];
        }

        var result = new ReportResult { Report = Name, Year = year, Organisations = organisations.Select(o => o.Code).ToList() };
        result.Tables.Add(table);
        result.Definitions.Add($"Années {first} à {year} ; entrées par date d'entrée, sorties par date de sortie, catégories à l'entrée ; les totaux sont les sommes des années (R-215).");
        foreach (var metric in Metrics)
        {
            var bad = ConsolidationReport.CategoryColumns.Where(c =>
                yearKeys.Take(years).Sum(y => table[$"{y}.{metric}", c]!.Value) != table[$"TOTAL.{metric}", c]).ToList();
            result.Checks.Add(new ReportCheck($"multi_year.total.{metric}", bad.Count == 0,
                $"Le total {metric} est la somme des {years} années" + (bad.Count == 0 ? $" (TOTAL : {table[$"TOTAL.{metric}", "TOTAL"]})." : $" : en échec pour {string.Join(", ", bad)}.")));
        }
        var sexBad = table.Rows.Where(r => r["FEMME"] + r["HOMME"] != r["TOTAL"]).Select(r => r.Key).ToList();
        result.Checks.Add(new ReportCheck("multi_year.partition.sex", sexBad.Count == 0,
            sexBad.Count == 0 ? "FEMME + HOMME = TOTAL sur toutes les lignes." : $"FEMME + HOMME ≠ TOTAL : {string.Join(", ", sexBad)}."));
        return result;
    }
}
