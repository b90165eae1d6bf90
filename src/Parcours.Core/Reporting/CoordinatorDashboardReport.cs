using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Domain.CodeLists;

namespace Parcours.Core.Reporting;

/// <summary>
/// The coordinator's dashboard as at the end of month M: entries, exits and the file active at the end of each of
/// the 24 months up to M, and the positive-exit rates by category of the consolidation of M's year (the same
/// definition as the national table, computed by <see cref="ConsolidationReport"/>).
/// Two grouped queries (pathways by entry month, by exit month and category); the file active at the end of a month
/// is the running difference, checked against a direct count at the end of M.
/// </summary>
public sealed class CoordinatorDashboardReport(ParcoursDbContext db)
{
    public const string Name = "tableau-de-bord";
    public const int Months = 24;

    public static readonly IReadOnlyList<string> MonthlyColumns = ["ENTREES", "SORTIES", "SORTIES_POSITIVES", "FILE_ACTIVE_FIN"];

    public async Task<ReportResult> ComputeAsync(int year, int month, IReadOnlyCollection<string>? organisationCodes = null, CancellationToken ct = default)
    {
        var first = new DateOnly(year, month, 1);
        var end = first.AddMonths(1).AddDays(-1);
        var windowStart = first.AddMonths(-(Months - 1));
        await using var snapshot = await ReportSnapshot.BeginAsync(db, ct);
        var organisations = await ConsolidationReport.ResolveOrganisationsAsync(db, organisationCodes, ct);
        var orgIds = organisations.Select(o => o.Id).ToList();
        IQueryable<Domain.Pathways.Pathway> Plie(ParcoursDbContext c) =>
            c.Pathways.AsNoTracking().Where(p => p.Scheme == Scheme.PLIE && orgIds.Contains(p.OrganisationId) && p.EntryDate != null);

        // Four queries in one snapshot, at the same time on PostgreSQL (ReportSnapshot.RunAsync).
        var entriesTask = snapshot.RunAsync(c => Plie(c).Where(p => p.EntryDate <= end)
            .GroupBy(p => new { p.EntryDate!.Value.Year, p.EntryDate!.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct), ct);
        var exitsTask = snapshot.RunAsync(c => Plie(c).Where(p => p.ExitDate != null && p.ExitDate <= end)
            .GroupBy(p => new { p.ExitDate!.Value.Year, p.ExitDate!.Value.Month, p.ExitReason })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.ExitReason, Count = g.Count() }).ToListAsync(ct), ct);
        var activeTask = snapshot.RunAsync(c => Plie(c).CountAsync(p => p.EntryDate <= end && (p.ExitDate == null || p.ExitDate > end), ct), ct);
        var flowTask = snapshot.RunAsync(c => ConsolidationReport.FlowGroupsAsync(c, orgIds, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), ct), ct);
        await Task.WhenAll(entriesTask, exitsTask, activeTask, flowTask);
        var (entries, exits, activeAtEnd) = (await entriesTask, await exitsTask, await activeTask);

        static int Index(int y, int m) => y * 12 + m - 1;
        var windowFirst = Index(windowStart.Year, windowStart.Month);
        var monthly = new ReportTable("monthly", $"Entrées, sorties et file active des {Months} derniers mois", MonthlyColumns)
        {
            RowLabel = k => DateOnly.ParseExact(k + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMM yyyy", CultureInfo.GetCultureInfo("fr-FR")),
        };
        // File active before the window: every entry before it minus every exit before it.
        double running = entries.Where(e => Index(e.Year, e.Month) < windowFirst).Sum(e => e.Count)
            - exits.Where(e => Index(e.Year, e.Month) < windowFirst).Sum(e => e.Count);
        for (var i = 0; i < Months; i++)
        {
            var m = windowStart.AddMonths(i);
            var k = Index(m.Year, m.Month);
            double ent = entries.Where(e => Index(e.Year, e.Month) == k).Sum(e => e.Count);
            double ex = exits.Where(e => Index(e.Year, e.Month) == k).Sum(e => e.Count);
            double pos = exits.Where(e => Index(e.Year, e.Month) == k && e.ExitReason is { } r && ExitReasons.Category(r) == ExitCategory.POSITIVE).Sum(e => e.Count);
            running += ent - ex;
            var row = monthly.Add(m.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            row["ENTREES"] = ent;
            row["SORTIES"] = ex;
            row["SORTIES_POSITIVES"] = pos;
            row["FILE_ACTIVE_FIN"] = running;
        }

        var (_, consolidationRates, consolidationChecks) = ConsolidationReport.FlowsAndRates(await flowTask);
        var rates = new ReportTable("rates_by_category", $"Taux de sorties positives {year} par catégorie (consolidation)", ["POSITIVE_OVER_EXITS", "POSITIVE_OVER_EXITS_NEUTRALISED"])
        {
            Kind = CellKind.Rate,
        };
        foreach (var col in ConsolidationReport.CategoryColumns)
        {
            var row = rates.Add(col);
            row["POSITIVE_OVER_EXITS"] = consolidationRates["POSITIVE_OVER_EXITS", col];
            row["POSITIVE_OVER_EXITS_NEUTRALISED"] = consolidationRates["POSITIVE_OVER_EXITS_NEUTRALISED", col];
        }

        var result = new ReportResult
        {
            Report = Name,
            Year = year,
            Month = first.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            Organisations = organisations.Select(o => o.Code).ToList(),
        };
        result.Tables.AddRange([monthly, rates]);
        result.Definitions.Add($"File active en fin de mois : entrés au plus tard le dernier jour du mois et non sortis ce jour-là (R-202). Taux : consolidation {year}, année civile.");
        var last = monthly.Rows[^1]["FILE_ACTIVE_FIN"]!.Value;
        result.Checks.Add(new ReportCheck("dashboard.file_active", last == activeAtEnd,
            $"File active au {end:dd/MM/yyyy} : cumul des entrées − sorties = {last.ToString(CultureInfo.InvariantCulture)}, comptée directement : {activeAtEnd}."));
        result.Checks.AddRange(consolidationChecks.Select(c => c with { Id = "consolidation." + c.Id }));
        return result;
    }
}
