using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Domain.CodeLists;

namespace Parcours.Core.Reporting;

/// <summary>
/// The PLIE monthly information letter of month M (reports.md RPT-13; rules R-201, R-202, R-203, R-204, R-211 to
/// R-213, R-217). Every table has two columns: MOIS (month M) and ANNEE (year to date, 1 January to the end of M).
/// Three set-based queries (pathways grouped by exit and non-entry reasons, steps grouped by type, active pathways
/// on a step at the end of M); the code-list mappings are applied to the grouped result in C#.
/// </summary>
public sealed class MonthlyLetterReport(ParcoursDbContext db)
{
    public const string Name = "lettre-mensuelle";

    public static readonly IReadOnlyList<string> PeriodColumns = ["MOIS", "ANNEE"];

    public async Task<ReportResult> ComputeAsync(int year, int month, IReadOnlyCollection<string>? organisationCodes = null, CancellationToken ct = default)
    {
        if (month is < 1 or > 12) throw new ArgumentException("Le mois doit être compris entre 1 et 12.");
        var monthStart = new DateOnly(year, month, 1);
        var end = monthStart.AddMonths(1).AddDays(-1);
        var yearStart = new DateOnly(year, 1, 1);
        var organisations = await ConsolidationReport.ResolveOrganisationsAsync(db, organisationCodes, ct);
        var orgIds = organisations.Select(o => o.Id).ToList();
        var result = new ReportResult
        {
            Report = Name,
            Year = year,
            Month = monthStart.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            Organisations = organisations.Select(o => o.Code).ToList(),
        };
        result.Definitions.AddRange(
        [
            $"Mois : du {monthStart:dd/MM/yyyy} au {end:dd/MM/yyyy} ; année : du 01/01/{year} au {end:dd/MM/yyyy} (cumul).",
            "Taux d'entrée = entrées ÷ prescriptions de la période (R-211). Délai de pré-affectation = date de décision (entrée ou non-entrée) − date de pré-affectation, en jours, pour les décisions de la période (R-212).",
            "File active au dernier jour du mois : entrés au plus tard ce jour et non sortis ce jour-là (R-202) ; « sur une étape » : une étape en cours ce jour ; « en veille » : statut actuel en veille.",
            "Étapes : étapes dont la période chevauche la période (R-217). Taux de sortie positive = positives ÷ sorties ; neutralisé : hors déménagements, décès, retraites.",
        ]);

        var groups = await db.Pathways.AsNoTracking()
            .Where(p => p.Scheme == Scheme.PLIE && orgIds.Contains(p.OrganisationId))
            .Where(p => (p.PrescriptionDate >= yearStart && p.PrescriptionDate <= end)
                || (p.EntryDate != null && p.EntryDate <= end && (p.ExitDate == null || p.ExitDate >= yearStart))
                || (p.NonEntryDate >= yearStart && p.NonEntryDate <= end)
                || (p.ExitDate >= yearStart && p.ExitDate <= end))
            .Select(p => new
            {
                p.ExitReason,
                p.NonEntryReason,
                PrescM = p.PrescriptionDate >= monthStart && p.PrescriptionDate <= end ? 1 : 0,
                PrescY = p.PrescriptionDate >= yearStart && p.PrescriptionDate <= end ? 1 : 0,
                EntryM = p.EntryDate >= monthStart && p.EntryDate <= end ? 1 : 0,
                EntryY = p.EntryDate >= yearStart && p.EntryDate <= end ? 1 : 0,
                NonEntryM = p.NonEntryDate >= monthStart && p.NonEntryDate <= end ? 1 : 0,
                NonEntryY = p.NonEntryDate >= yearStart && p.NonEntryDate <= end ? 1 : 0,
                InM = p.EntryDate <= end && (p.ExitDate == null || p.ExitDate >= monthStart) ? 1 : 0,
                InY = p.EntryDate <= end && (p.ExitDate == null || p.ExitDate >= yearStart) ? 1 : 0,
                ExitM = p.ExitDate >= monthStart && p.ExitDate <= end ? 1 : 0,
                ExitY = p.ExitDate >= yearStart && p.ExitDate <= end ? 1 : 0,
                Active = p.EntryDate <= end && (p.ExitDate == null || p.ExitDate > end) ? 1 : 0,
                OnHold = p.EntryDate <= end && (p.ExitDate == null || p.ExitDate > end) && p.Status == PathwayStatus.EN_VEILLE ? 1 : 0,
                // Decision of the entry procedure (entry or non-entry) and the pre-assignment date it follows.
                DecisionM = p.PreAssignmentDate != null && ((p.EntryDate >= monthStart && p.EntryDate <= end) || (p.EntryDate == null && p.NonEntryDate >= monthStart && p.NonEntryDate <= end)) ? 1 : 0,
                DecisionY = p.PreAssignmentDate != null && ((p.EntryDate >= yearStart && p.EntryDate <= end) || (p.EntryDate == null && p.NonEntryDate >= yearStart && p.NonEntryDate <= end)) ? 1 : 0,
                DelayDays = p.PreAssignmentDate == null ? 0 : p.EntryDate != null ? p.EntryDate!.Value.DayNumber - p.PreAssignmentDate!.Value.DayNumber
                    : p.NonEntryDate != null ? p.NonEntryDate!.Value.DayNumber - p.PreAssignmentDate!.Value.DayNumber : 0,
            })
            .GroupBy(p => new { p.ExitReason, p.NonEntryReason })
            .Select(g => new
            {
                g.Key,
                PrescM = g.Sum(p => p.PrescM), PrescY = g.Sum(p => p.PrescY),
                EntryM = g.Sum(p => p.EntryM), EntryY = g.Sum(p => p.EntryY),
                NonEntryM = g.Sum(p => p.NonEntryM), NonEntryY = g.Sum(p => p.NonEntryY),
                InM = g.Sum(p => p.InM), InY = g.Sum(p => p.InY),
                ExitM = g.Sum(p => p.ExitM), ExitY = g.Sum(p => p.ExitY),
                Active = g.Sum(p => p.Active), OnHold = g.Sum(p => p.OnHold),
                DecisionM = g.Sum(p => p.DecisionM), DecisionY = g.Sum(p => p.DecisionY),
                DelayM = g.Sum(p => p.DecisionM == 1 ? (long)p.DelayDays : 0L),
                DelayY = g.Sum(p => p.DecisionY == 1 ? (long)p.DelayDays : 0L),
            })
            .ToListAsync(ct);

        var onStep = await db.Pathways.AsNoTracking()
            .Where(p => p.Scheme == Scheme.PLIE && orgIds.Contains(p.OrganisationId)
                && p.EntryDate <= end && (p.ExitDate == null || p.ExitDate > end)
                && p.Steps.Any(s => s.StartDate <= end && (s.EndDate == null || s.EndDate >= end)))
            .CountAsync(ct);

        var stepGroups = await db.Steps.AsNoTracking()
            .Where(s => s.StartDate <= end && (s.EndDate == null || s.EndDate >= yearStart))
            .Where(s => s.Pathway!.Scheme == Scheme.PLIE && orgIds.Contains(s.Pathway.OrganisationId))
            .GroupBy(s => s.StepType)
            .Select(g => new
            {
                Type = g.Key,
                M = g.Sum(s => s.EndDate == null || s.EndDate >= monthStart ? 1 : 0),
                Y = g.Count(),
            })
            .ToListAsync(ct);

        // Activity
        var activity = new ReportTable("activity", "Prescriptions, entrées et sorties", PeriodColumns);
        void Row(ReportTable t, string key, double m, double y, CellKind? kind = null)
        {
            var row = t.Add(key, kind);
            row["MOIS"] = m;
            row["ANNEE"] = y;
        }
        void RowN(ReportTable t, string key, double? m, double? y, CellKind kind)
        {
            var row = t.Add(key, kind);
            row["MOIS"] = m;
            row["ANNEE"] = y;
        }
        static double? Ratio(double a, double b) => b == 0 ? null : a / b;

        double Sum(Func<(ExitReason? Exit, NonEntryReason? NonEntry, long[] V), long> f) => groups.Sum(g => f((g.Key.ExitReason, g.Key.NonEntryReason,
            [g.PrescM, g.PrescY, g.EntryM, g.EntryY, g.NonEntryM, g.NonEntryY, g.InM, g.InY, g.ExitM, g.ExitY, g.Active, g.OnHold, g.DecisionM, g.DecisionY, g.DelayM, g.DelayY])));

        double prescM = Sum(x => x.V[0]), prescY = Sum(x => x.V[1]);
        double entryM = Sum(x => x.V[2]), entryY = Sum(x => x.V[3]);
        double nonEntryM = Sum(x => x.V[4]), nonEntryY = Sum(x => x.V[5]);
        double inM = Sum(x => x.V[6]), inY = Sum(x => x.V[7]);
        double exitM = Sum(x => x.V[8]), exitY = Sum(x => x.V[9]);
        double active = Sum(x => x.V[10]), onHold = Sum(x => x.V[11]);
        double decM = Sum(x => x.V[12]), decY = Sum(x => x.V[13]);
        double delayM = Sum(x => x.V[14]), delayY = Sum(x => x.V[15]);
        bool IsPositive(ExitReason? r) => r is { } reason && ExitReasons.Category(reason) == ExitCategory.POSITIVE;
        bool IsWithout(ExitReason? r) => r is { } reason && ExitReasons.Category(reason) == ExitCategory.SANS_SUITE;
        bool IsNeutral(ExitReason? r) => r is { } reason && ExitReasons.IsNeutralisable(reason);
        double posM = Sum(x => IsPositive(x.Exit) ? x.V[8] : 0), posY = Sum(x => IsPositive(x.Exit) ? x.V[9] : 0);
        double ssM = Sum(x => IsWithout(x.Exit) ? x.V[8] : 0), ssY = Sum(x => IsWithout(x.Exit) ? x.V[9] : 0);
        double neutM = Sum(x => IsNeutral(x.Exit) ? x.V[8] : 0), neutY = Sum(x => IsNeutral(x.Exit) ? x.V[9] : 0);

        Row(activity, "PRESCRIPTIONS", prescM, prescY);
        Row(activity, "ENTREES", entryM, entryY);
        RowN(activity, "TAUX_ENTREE", Ratio(entryM, prescM), Ratio(entryY, prescY), CellKind.Rate);
        Row(activity, "NON_ENTREES", nonEntryM, nonEntryY);
        RowN(activity, "DELAI_PRE_AFFECTATION_JOURS", decM == 0 ? null : delayM / decM, decY == 0 ? null : delayY / decY, CellKind.Mean);
        Row(activity, "ACCOMPAGNES", inM, inY);
        Row(activity, "SORTIES_POSITIVES", posM, posY);
        Row(activity, "SORTIES_SANS_SUITE", ssM, ssY);
        Row(activity, "TOTAL_SORTIES", exitM, exitY);
        RowN(activity, "TAUX_SORTIES_POSITIVES", Ratio(posM, exitM), Ratio(posY, exitY), CellKind.Rate);
        RowN(activity, "TAUX_SORTIES_POSITIVES_NEUTRALISE", Ratio(posM, exitM - neutM), Ratio(posY, exitY - neutY), CellKind.Rate);

        var fileActive = new ReportTable("file_active", $"File active au {end:dd/MM/yyyy}", ["NOMBRE"]);
        fileActive.Add("FILE_ACTIVE")["NOMBRE"] = active;
        fileActive.Add("SUR_UNE_ETAPE")["NOMBRE"] = onStep;
        fileActive.Add("EN_VEILLE")["NOMBRE"] = onHold;

        var nonEntries = new ReportTable("non_entries", "Non-entrées par motif", PeriodColumns)
        {
            RowLabel = k => Enum.TryParse<NonEntryReason>(k, out var r) ? CodeListRegistry.Label(r) : ReportLabels.Of(k),
        };
        foreach (var reason in Enum.GetValues<NonEntryReason>())
            Row(nonEntries, reason.ToString(), Sum(x => x.NonEntry == reason ? x.V[4] : 0), Sum(x => x.NonEntry == reason ? x.V[5] : 0));
        Row(nonEntries, "NON_RENSEIGNE", Sum(x => x.NonEntry is null ? x.V[4] : 0), Sum(x => x.NonEntry is null ? x.V[5] : 0));
        Row(nonEntries, "TOTAL", nonEntryM, nonEntryY);

        var steps = new ReportTable("steps", "Étapes par famille", PeriodColumns)
        {
            RowLabel = k => Enum.TryParse<StepFamily>(k, out var f) ? CodeListRegistry.Label(f) : ReportLabels.Of(k),
        };
        foreach (var family in Enum.GetValues<StepFamily>())
            Row(steps, family.ToString(), stepGroups.Where(g => StepTypes.Family(g.Type) == family).Sum(g => g.M),
                stepGroups.Where(g => StepTypes.Family(g.Type) == family).Sum(g => g.Y));
        Row(steps, "TOTAL", stepGroups.Sum(g => g.M), stepGroups.Sum(g => g.Y));

        var exits = new ReportTable("exits", "Sorties par motif", PeriodColumns)
        {
            RowLabel = k => Enum.TryParse<ExitReason>(k, out var r) ? $"{CodeListRegistry.Label(r)} ({(ExitReasons.Category(r) == ExitCategory.POSITIVE ? "positive" : "sans suite")})" : ReportLabels.Of(k),
        };
        foreach (var category in new[] { ExitCategory.POSITIVE, ExitCategory.SANS_SUITE })
        {
            foreach (var reason in Enum.GetValues<ExitReason>().Where(r => ExitReasons.Category(r) == category))
                Row(exits, reason.ToString(), Sum(x => x.Exit == reason ? x.V[8] : 0), Sum(x => x.Exit == reason ? x.V[9] : 0));
        }
        Row(exits, "TOTAL", exitM, exitY);

        result.Tables.AddRange([activity, fileActive, nonEntries, steps, exits]);

        string F(double v) => v.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"));
        result.Checks.Add(new ReportCheck("letter.on_step", onStep <= active, $"Sur une étape ≤ file active : {F(onStep)} ≤ {F(active)}."));
        result.Checks.Add(new ReportCheck("letter.on_hold", onHold <= active, $"En veille ≤ file active : {F(onHold)} ≤ {F(active)}."));
        foreach (var col in PeriodColumns)
        {
            var reasons = exits.Rows.Where(r => r.Key != "TOTAL").Sum(r => r[col]!.Value);
            result.Checks.Add(new ReportCheck($"letter.exits.{col}", reasons == exits["TOTAL", col] && posM + ssM == exitM && posY + ssY == exitY,
                $"Somme des motifs de sortie = total ({col}) : {F(reasons)} = {F(exits["TOTAL", col]!.Value)}."));
            var nonEntryReasons = nonEntries.Rows.Where(r => r.Key != "TOTAL").Sum(r => r[col]!.Value);
            result.Checks.Add(new ReportCheck($"letter.non_entries.{col}", nonEntryReasons == nonEntries["TOTAL", col],
                $"Somme des motifs de non-entrée = total ({col}) : {F(nonEntryReasons)} = {F(nonEntries["TOTAL", col]!.Value)}."));
        }
        result.Checks.Add(new ReportCheck("letter.month_within_year", PeriodColumns.Count == 2
            && activity.Rows.Where(r => r.Kind == CellKind.Count).All(r => r["MOIS"] <= r["ANNEE"]),
            "Chaque compte du mois ≤ le compte de l'année."));
        return result;
    }
}
