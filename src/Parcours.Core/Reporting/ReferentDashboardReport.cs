using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Core.Pathways;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Pathways;

namespace Parcours.Core.Reporting;

/// <summary>
/// Monthly dashboard per référent and per employer of référents (reports.md RPT-14), as at the end of month M:
/// one row per référent grouped by employer, a subtotal per employer, pathways without a référent, and TOTAL.
/// Pathways are attributed to their current référent (no assignment history is kept by day). Four grouped queries.
/// A <see cref="ReferentSelection"/> restricts the rows to some référents (a référent's own dashboard, the view sent to
/// one employer of référents, R-705): the pathways without a référent are then left out and the TOTAL is checked
/// against a direct count of the selected référents' file active instead of the monthly letter. The table
/// <c>alerts</c> counts the alerts of the caseload today per référent, with the rules of the caseload page
/// (<see cref="CaseloadAlerts"/>, one definition).
/// </summary>
public sealed class ReferentDashboardReport(ParcoursDbContext db, TimeProvider? clock = null, PathwayPolicies? policies = null)
{
    public const string Name = "tableau-referents";

    public static readonly IReadOnlyList<string> Columns =
    [
        "ETP", "ENTREES_MOIS", "ENTREES_ANNEE", "ACCOMPAGNES_ANNEE", "FILE_ACTIVE", "SUR_UNE_ETAPE", "EN_VEILLE",
        "FILE_ACTIVE_PAR_ETP", "ECART_NORME", "ETAPES_COMMENCEES_MOIS", "SORTIES_MOIS", "SORTIES_POSITIVES_ANNEE",
        "SORTIES_SANS_SUITE_ANNEE", "TAUX_SORTIES_POSITIVES_ANNEE", "ALERTE_SANS_ETAPE_3_MOIS", "ALERTE_18_MOIS",
    ];

    private static readonly string[] Summed =
    [
        "ETP", "ENTREES_MOIS", "ENTREES_ANNEE", "ACCOMPAGNES_ANNEE", "FILE_ACTIVE", "SUR_UNE_ETAPE", "EN_VEILLE",
        "ETAPES_COMMENCEES_MOIS", "SORTIES_MOIS", "SORTIES_POSITIVES_ANNEE", "SORTIES_SANS_SUITE_ANNEE",
        "ALERTE_SANS_ETAPE_3_MOIS", "ALERTE_18_MOIS",
    ];

    /// <summary>The référents a view is restricted to: given ids, or the référents employed by one organisation.</summary>
    public sealed record ReferentSelection(IReadOnlyCollection<long>? ReferentIds = null, long? EmployerOrganisationId = null);

    public static readonly IReadOnlyList<CaseloadAlertKind> AlertKinds = Enum.GetValues<CaseloadAlertKind>();

    public Task<ReportResult> ComputeAsync(int year, int month, IReadOnlyCollection<string>? organisationCodes = null, CancellationToken ct = default) =>
        ComputeAsync(year, month, organisationCodes, null, ct);

    public async Task<ReportResult> ComputeAsync(int year, int month, IReadOnlyCollection<string>? organisationCodes, ReferentSelection? selection, CancellationToken ct = default)
    {
        var monthStart = new DateOnly(year, month, 1);
        var end = monthStart.AddMonths(1).AddDays(-1);
        var yearStart = new DateOnly(year, 1, 1);
        var threeMonths = end.AddMonths(-3);
        var eighteenMonths = end.AddMonths(-18);
        var organisations = await ConsolidationReport.ResolveOrganisationsAsync(db, organisationCodes, ct);
        var orgIds = organisations.Select(o => o.Id).ToList();
        var plie = db.Pathways.AsNoTracking().Where(p => p.Scheme == Scheme.PLIE && orgIds.Contains(p.OrganisationId));

        var groups = await plie
            .Where(p => p.EntryDate != null && p.EntryDate <= end && (p.ExitDate == null || p.ExitDate >= yearStart))
            .GroupBy(p => new { p.ReferentId, p.ExitReason })
            .Select(g => new
            {
                g.Key.ReferentId,
                g.Key.ExitReason,
                EntriesM = g.Sum(p => p.EntryDate >= monthStart ? 1 : 0),
                EntriesY = g.Sum(p => p.EntryDate >= yearStart ? 1 : 0),
                InY = g.Count(),
                Active = g.Sum(p => p.ExitDate == null || p.ExitDate > end ? 1 : 0),
                OnHold = g.Sum(p => (p.ExitDate == null || p.ExitDate > end) && p.Status == PathwayStatus.EN_VEILLE ? 1 : 0),
                ExitsM = g.Sum(p => p.ExitDate >= monthStart && p.ExitDate <= end ? 1 : 0),
                ExitsY = g.Sum(p => p.ExitDate >= yearStart && p.ExitDate <= end ? 1 : 0),
                Long = g.Sum(p => (p.ExitDate == null || p.ExitDate > end) && p.EntryDate <= eighteenMonths ? 1 : 0),
            })
            .ToListAsync(ct);
        var active = plie.Where(p => p.EntryDate <= end && (p.ExitDate == null || p.ExitDate > end));
        var onStep = await active.Where(p => p.Steps.Any(s => s.StartDate <= end && (s.EndDate == null || s.EndDate >= end)))
            .GroupBy(p => p.ReferentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key ?? 0, g => g.Count, ct);
        var noStep = await active.Where(p => !p.Steps.Any(s => s.StartDate <= end && (s.EndDate == null || s.EndDate >= threeMonths)))
            .GroupBy(p => p.ReferentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key ?? 0, g => g.Count, ct);
        var started = await db.Steps.AsNoTracking()
            .Where(s => s.StartDate >= monthStart && s.StartDate <= end && s.Pathway!.Scheme == Scheme.PLIE && orgIds.Contains(s.Pathway.OrganisationId))
            .GroupBy(s => s.Pathway!.ReferentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key ?? 0, g => g.Count, ct);
        var referents = await db.Referents.AsNoTracking().Where(r => orgIds.Contains(r.OrganisationId))
            .Select(r => new { r.Id, r.FirstName, r.LastName, r.FteHundredths, r.EmployerOrganisationId, Employer = r.Employer!.Name, Norm = 70 })
            .ToListAsync(ct);
        if (selection?.ReferentIds is { } ids) referents = referents.Where(r => ids.Contains(r.Id)).ToList();
        if (selection?.EmployerOrganisationId is { } employerId) referents = referents.Where(r => r.EmployerOrganisationId == employerId).ToList();
        var norms = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).Select(o => o.CaseloadNorm).ToListAsync(ct);
        var norm = norms.Count > 0 ? norms.Max() : 70;

        var labels = new Dictionary<string, string> { ["SANS_REFERENT"] = "Parcours sans référent", ["TOTAL"] = "Total" };
        var table = new ReportTable("referents", $"Tableau de bord des référents au {end:dd/MM/yyyy}", Columns)
        {
            RowLabel = k => labels.TryGetValue(k, out var l) ? l : k,
            ColumnKinds = new Dictionary<string, CellKind>
            {
                ["ETP"] = CellKind.Mean, ["FILE_ACTIVE_PAR_ETP"] = CellKind.Mean, ["ECART_NORME"] = CellKind.Mean,
                ["TAUX_SORTIES_POSITIVES_ANNEE"] = CellKind.Rate,
            },
        };

        void Fill(ReportRow row, long referentId, double fte)
        {
            var mine = groups.Where(g => (g.ReferentId ?? 0) == referentId).ToList();
            row["ETP"] = fte;
            row["ENTREES_MOIS"] = mine.Sum(g => g.EntriesM);
            row["ENTREES_ANNEE"] = mine.Sum(g => g.EntriesY);
            row["ACCOMPAGNES_ANNEE"] = mine.Sum(g => g.InY);
            row["FILE_ACTIVE"] = mine.Sum(g => g.Active);
            row["SUR_UNE_ETAPE"] = onStep.GetValueOrDefault(referentId);
            row["EN_VEILLE"] = mine.Sum(g => g.OnHold);
            row["ETAPES_COMMENCEES_MOIS"] = started.GetValueOrDefault(referentId);
            row["SORTIES_MOIS"] = mine.Sum(g => g.ExitsM);
            row["SORTIES_POSITIVES_ANNEE"] = mine.Where(g => g.ExitReason is { } r && ExitReasons.Category(r) == ExitCategory.POSITIVE).Sum(g => g.ExitsY);
            row["SORTIES_SANS_SUITE_ANNEE"] = mine.Where(g => g.ExitReason is { } r && ExitReasons.Category(r) == ExitCategory.SANS_SUITE).Sum(g => g.ExitsY);
            row["ALERTE_SANS_ETAPE_3_MOIS"] = noStep.GetValueOrDefault(referentId);
            row["ALERTE_18_MOIS"] = mine.Sum(g => g.Long);
        }

        void Derive(ReportRow row)
        {
            var fte = row["ETP"] ?? 0;
            row["FILE_ACTIVE_PAR_ETP"] = fte > 0 ? row["FILE_ACTIVE"] / fte : null;
            row["ECART_NORME"] = row["FILE_ACTIVE_PAR_ETP"] is { } perFte ? perFte - norm : null;
            var exits = (row["SORTIES_POSITIVES_ANNEE"] ?? 0) + (row["SORTIES_SANS_SUITE_ANNEE"] ?? 0);
            row["TAUX_SORTIES_POSITIVES_ANNEE"] = exits > 0 ? row["SORTIES_POSITIVES_ANNEE"] / exits : null;
        }

        ReportRow Add(string key)
        {
            var row = new ReportRow(key, CellKind.Count);
            table.Rows.Add(row);
            return row;
        }

        var referentRows = new List<ReportRow>();
        foreach (var employer in referents.GroupBy(r => (r.EmployerOrganisationId, r.Employer)).OrderBy(g => g.Key.Employer))
        {
            var employerRows = new List<ReportRow>();
            foreach (var r in employer.OrderBy(r => r.LastName).ThenBy(r => r.FirstName))
            {
                var key = $"REF_{r.Id}";
                labels[key] = $"{r.FirstName} {r.LastName}";
                var row = Add(key);
                Fill(row, r.Id, r.FteHundredths / 100.0);
                Derive(row);
                employerRows.Add(row);
            }
            // A référent's own view has no employer subtotal: it would be a subtotal of the visible référents only.
            if (selection?.ReferentIds is null)
            {
                var subKey = $"EMPLOYEUR_{employer.Key.EmployerOrganisationId ?? 0}";
                labels[subKey] = $"Sous-total {employer.Key.Employer ?? "employeur non renseigné"}";
                var sub = Add(subKey);
                foreach (var c in Summed) sub[c] = employerRows.Sum(x => x[c] ?? 0);
                Derive(sub);
            }
            referentRows.AddRange(employerRows);
        }
        ReportRow? none = null;
        if (selection is null)
        {
            none = Add("SANS_REFERENT");
            Fill(none, 0, 0);
            Derive(none);
        }
        var total = Add("TOTAL");
        foreach (var c in Summed) total[c] = referentRows.Sum(x => x[c] ?? 0) + (none?[c] ?? 0);
        Derive(total);

        var result = new ReportResult
        {
            Report = Name,
            Year = year,
            Month = monthStart.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            Organisations = organisations.Select(o => o.Code).ToList(),
        };
        result.Tables.Add(table);
        result.Definitions.Add($"Parcours rattachés à leur référent actuel. Norme : {norm} parcours par ETP (R-110). Alertes : parcours actifs sans étape depuis 3 mois (R-113), parcours de 18 mois et plus (R-114).");

        // Alerts of the caseload today (the rules of the caseload page), counted per référent and kind.
        var today = Today.From(clock ?? TimeProvider.System);
        var caseload = await new CaseloadQueries(db, clock ?? TimeProvider.System, policies ?? new PathwayPolicies(PathwayPolicies.WorkspaceDefault))
            .RowsAsync(new CaseloadFilter(), ct);
        var alertColumns = AlertKinds.Select(k => k.ToString()).Append("PARCOURS_EN_ALERTE").ToList();
        var alerts = new ReportTable("alerts", $"Alertes du portefeuille au {today:dd/MM/yyyy}", alertColumns)
        {
            RowLabel = table.RowLabel,
        };
        var shown = referentRows.Select(r => long.Parse(r.Key.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var byReferent = caseload.Where(c => c.ReferentId is { } id ? shown.Contains(id) : selection is null)
            .GroupBy(c => c.ReferentId ?? 0).ToDictionary(g => g.Key, g => g.ToList());
        void AlertRow(string key, IEnumerable<CaseloadRow> rows)
        {
            var list = rows.ToList();
            var row = alerts.Add(key);
            foreach (var kind in AlertKinds) row[kind.ToString()] = list.Count(c => c.Alerts.Any(a => a.Kind == kind));
            row["PARCOURS_EN_ALERTE"] = list.Count(c => c.Alerts.Count > 0);
        }
        foreach (var row in table.Rows)
        {
            if (row.Key.StartsWith("REF_", StringComparison.Ordinal))
                AlertRow(row.Key, byReferent.GetValueOrDefault(long.Parse(row.Key.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture)) ?? []);
            else if (row.Key.StartsWith("EMPLOYEUR_", StringComparison.Ordinal))
            {
                var employer = row.Key[10..] is var e && e == "0" ? (long?)null : long.Parse(row.Key.AsSpan(10), System.Globalization.CultureInfo.InvariantCulture);
                var members = referents.Where(r => r.EmployerOrganisationId == employer).Select(r => r.Id).ToHashSet();
                AlertRow(row.Key, members.SelectMany(id => byReferent.GetValueOrDefault(id) ?? []));
            }
            else if (row.Key == "SANS_REFERENT") AlertRow(row.Key, byReferent.GetValueOrDefault(0) ?? []);
        }
        AlertRow("TOTAL", byReferent.Values.SelectMany(v => v));
        result.Tables.Add(alerts);
        result.Definitions.Add($"Alertes au {today:dd/MM/yyyy} (statut actuel des parcours, règles de la page « Portefeuille ») : une colonne par alerte, et les parcours ayant au moins une alerte.");
        var alertSum = alerts.Rows.Where(r => r.Key.StartsWith("REF_", StringComparison.Ordinal) || r.Key == "SANS_REFERENT").Sum(r => r["PARCOURS_EN_ALERTE"] ?? 0);
        result.Checks.Add(new ReportCheck("referents.alerts.total", alertSum == alerts["TOTAL", "PARCOURS_EN_ALERTE"],
            $"Parcours en alerte : somme des lignes {alertSum} = TOTAL {alerts["TOTAL", "PARCOURS_EN_ALERTE"]}."));

        if (selection is not null)
        {
            // A restricted view: the TOTAL against a direct count of the selected référents' file active.
            var selectedIds = referents.Select(r => (long?)r.Id).ToList();
            var direct = await plie.CountAsync(p => p.EntryDate <= end && (p.ExitDate == null || p.ExitDate > end) && selectedIds.Contains(p.ReferentId), ct);
            result.Checks.Add(new ReportCheck("referents.file_active", total["FILE_ACTIVE"] == direct,
                $"TOTAL FILE_ACTIVE des référents affichés = {total["FILE_ACTIVE"]}, compté directement : {direct}."));
            return result;
        }
        var letter = await new MonthlyLetterReport(db).ComputeAsync(year, month, organisations.Select(o => o.Code).ToList(), ct);
        foreach (var (column, letterTable, letterRow, letterColumn) in new[]
        {
            ("FILE_ACTIVE", "file_active", "FILE_ACTIVE", "NOMBRE"), ("SUR_UNE_ETAPE", "file_active", "SUR_UNE_ETAPE", "NOMBRE"),
            ("ENTREES_MOIS", "activity", "ENTREES", "MOIS"), ("ENTREES_ANNEE", "activity", "ENTREES", "ANNEE"),
            ("SORTIES_MOIS", "activity", "TOTAL_SORTIES", "MOIS"),
        })
        {
            var mine = total[column];
            var theirs = letter.Table(letterTable)[letterRow, letterColumn];
            result.Checks.Add(new ReportCheck($"referents.letter.{column}", mine == theirs,
                $"TOTAL {column} = lettre mensuelle {letterRow} ({letterColumn}) : {mine} = {theirs}."));
        }
        return result;
    }
}
