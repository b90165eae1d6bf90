using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Reporting;

namespace Parcours.Core.Reporting;

/// <summary>
/// The PLIE monthly information letter of month M (reports.md RPT-13; rules R-201, R-202, R-203, R-204, R-211 to
/// R-213, R-217). Every table has two columns: MOIS (month M) and ANNEE (year to date, 1 January to the end of M).
/// Three set-based queries (pathways grouped by exit and non-entry reasons and prescriber kind, steps grouped by type,
/// active pathways on a step at the end of M); the code-list mappings are applied to the grouped result in C#. Block 2
/// gives the prescriptions and entries of the year to date by prescriber group (France Travail, Département, others,
/// not recorded), this year and last year. The same queries run
/// for the same month of the previous year (columns MOIS_N1 and ANNEE_N1, R-221), and the activity table carries the
/// year-on-year change of the year to date (EVOLUTION_ANNEE). The editorial blocks written by the coordination team
/// for the month (blocks 3 and 6) are attached as texts.
/// </summary>
public sealed class MonthlyLetterReport(ParcoursDbContext db)
{
    public const string Name = "lettre-mensuelle";

    public static readonly IReadOnlyList<string> PeriodColumns = ["MOIS", "ANNEE", "MOIS_N1", "ANNEE_N1"];

    public static readonly IReadOnlyList<string> ActivityColumns = ["MOIS", "ANNEE", "MOIS_N1", "ANNEE_N1", "EVOLUTION_ANNEE"];

    /// <summary>The figures of one letter period: month M and 1 January to the end of M.</summary>
    private sealed record Figures(List<(ExitReason? Exit, NonEntryReason? NonEntry, PrescriberKind? Prescriber, long[] V)> Groups, int OnStep, List<(StepType Type, int M, int Y)> Steps);

    private async Task<Figures> FiguresAsync(List<long> orgIds, DateOnly monthStart, DateOnly end, DateOnly yearStart, CancellationToken ct)
    {


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
                p.PrescriberKind,
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
            .GroupBy(p => new { p.ExitReason, p.NonEntryReason, p.PrescriberKind })
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

        return new Figures(
            groups.Select(g => (g.Key.ExitReason, g.Key.NonEntryReason, g.Key.PrescriberKind, new long[] { g.PrescM, g.PrescY, g.EntryM, g.EntryY, g.NonEntryM, g.NonEntryY, g.InM, g.InY, g.ExitM, g.ExitY, g.Active, g.OnHold, g.DecisionM, g.DecisionY, g.DelayM, g.DelayY })).ToList(),
            onStep,
            stepGroups.Select(g => (g.Type, g.M, g.Y)).ToList());
    }

    public async Task<ReportResult> ComputeAsync(int year, int month, IReadOnlyCollection<string>? organisationCodes = null, CancellationToken ct = default)
    {
        if (month is < 1 or > 12) throw new ArgumentException("Le mois doit être compris entre 1 et 12.");
        var monthStart = new DateOnly(year, month, 1);
        var end = monthStart.AddMonths(1).AddDays(-1);
        var yearStart = new DateOnly(year, 1, 1);
        var previousMonthStart = monthStart.AddYears(-1);
        var previousEnd = previousMonthStart.AddMonths(1).AddDays(-1);
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
            $"Colonnes N-1 : les mêmes périodes un an plus tôt (mois du {previousMonthStart:dd/MM/yyyy} au {previousEnd:dd/MM/yyyy}, cumul depuis le 01/01/{year - 1}). Évolution (R-221) : (année − année N-1) ÷ année N-1 pour les comptes et les durées, différence en points pour les taux ; « — » quand la base est nulle.",
            "Taux d'entrée = entrées ÷ prescriptions de la période (R-211). Délai de pré-affectation = date de décision (entrée ou non-entrée) − date de pré-affectation, en jours, pour les décisions de la période (R-212).",
            "File active au dernier jour du mois : entrés au plus tard ce jour et non sortis ce jour-là (R-202) ; « sur une étape » : une étape en cours ce jour ; « en veille » : statut actuel en veille (non reconstitué pour l'année N-1).",
            "Étapes : étapes dont la période chevauche la période (R-217). Taux de sortie positive = positives ÷ sorties ; neutralisé : hors déménagements, décès, retraites.",
            "Groupes de prescripteurs (cumul de l'année) : France Travail, Département, autres prescripteurs, non renseigné (type de prescripteur non saisi) ; une entrée compte dans le groupe du prescripteur de son parcours. Part = groupe ÷ total ; évolution de la part en points.",
        ]);

        var current = await FiguresAsync(orgIds, monthStart, end, yearStart, ct);
        var previous = await FiguresAsync(orgIds, previousMonthStart, previousEnd, yearStart.AddYears(-1), ct);

        var activity = new ReportTable("activity", "Prescriptions, entrées et sorties", ActivityColumns)
        {
            ColumnKinds = new Dictionary<string, CellKind> { ["EVOLUTION_ANNEE"] = CellKind.Rate },
        };
        var cur = Activity(current);
        var prev = Activity(previous);
        foreach (var (key, kind) in ActivityRows)
        {
            var row = activity.Add(key, kind);
            row["MOIS"] = cur[key].M;
            row["ANNEE"] = cur[key].Y;
            row["MOIS_N1"] = prev[key].M;
            row["ANNEE_N1"] = prev[key].Y;
            row["EVOLUTION_ANNEE"] = Change(cur[key].Y, prev[key].Y, kind);
        }

        double Sum(Figures f, Func<(ExitReason? Exit, NonEntryReason? NonEntry, PrescriberKind? Prescriber, long[] V), long> selector) => f.Groups.Sum(selector);
        var active = Sum(current, x => x.V[10]);
        var onHold = Sum(current, x => x.V[11]);
        var fileActive = new ReportTable("file_active", $"File active au {end:dd/MM/yyyy}", ["NOMBRE", "NOMBRE_N1"]);
        var fa = fileActive.Add("FILE_ACTIVE");
        fa["NOMBRE"] = active;
        fa["NOMBRE_N1"] = Sum(previous, x => x.V[10]);
        var os = fileActive.Add("SUR_UNE_ETAPE");
        os["NOMBRE"] = current.OnStep;
        os["NOMBRE_N1"] = previous.OnStep;
        var oh = fileActive.Add("EN_VEILLE");
        oh["NOMBRE"] = onHold;
        oh["NOMBRE_N1"] = null; // only the current status is kept: the hold of a past date cannot be rebuilt

        void Row(ReportTable t, string key, Func<Figures, (double M, double Y)> of)
        {
            var row = t.Add(key);
            var (m, y) = of(current);
            var (m1, y1) = of(previous);
            row["MOIS"] = m;
            row["ANNEE"] = y;
            row["MOIS_N1"] = m1;
            row["ANNEE_N1"] = y1;
        }

        var nonEntries = new ReportTable("non_entries", "Non-entrées par motif", PeriodColumns)
        {
            RowLabel = k => Enum.TryParse<NonEntryReason>(k, out var r) ? CodeListRegistry.Label(r) : ReportLabels.Of(k),
        };
        foreach (var reason in Enum.GetValues<NonEntryReason>())
            Row(nonEntries, reason.ToString(), f => (Sum(f, x => x.NonEntry == reason ? x.V[4] : 0), Sum(f, x => x.NonEntry == reason ? x.V[5] : 0)));
        Row(nonEntries, "NON_RENSEIGNE", f => (Sum(f, x => x.NonEntry is null ? x.V[4] : 0), Sum(f, x => x.NonEntry is null ? x.V[5] : 0)));
        Row(nonEntries, "TOTAL", f => (Sum(f, x => x.V[4]), Sum(f, x => x.V[5])));

        var steps = new ReportTable("steps", "Étapes par famille", PeriodColumns)
        {
            RowLabel = k => Enum.TryParse<StepFamily>(k, out var f) ? CodeListRegistry.Label(f) : ReportLabels.Of(k),
        };
        foreach (var family in Enum.GetValues<StepFamily>())
            Row(steps, family.ToString(), f => (f.Steps.Where(g => StepTypes.Family(g.Type) == family).Sum(g => g.M),
                f.Steps.Where(g => StepTypes.Family(g.Type) == family).Sum(g => g.Y)));
        Row(steps, "TOTAL", f => (f.Steps.Sum(g => g.M), f.Steps.Sum(g => g.Y)));

        var exits = new ReportTable("exits", "Sorties par motif", PeriodColumns)
        {
            RowLabel = k => Enum.TryParse<ExitReason>(k, out var r) ? $"{CodeListRegistry.Label(r)} ({(ExitReasons.Category(r) == ExitCategory.POSITIVE ? "positive" : "sans suite")})" : ReportLabels.Of(k),
        };
        foreach (var category in new[] { ExitCategory.POSITIVE, ExitCategory.SANS_SUITE })
        {
            foreach (var reason in Enum.GetValues<ExitReason>().Where(r => ExitReasons.Category(r) == category))
                Row(exits, reason.ToString(), f => (Sum(f, x => x.Exit == reason ? x.V[8] : 0), Sum(f, x => x.Exit == reason ? x.V[9] : 0)));
        }
        Row(exits, "TOTAL", f => (Sum(f, x => x.V[8]), Sum(f, x => x.V[9])));

        var prescriptionsByGroup = PrescriberTable("prescriptions_by_prescriber", "Prescriptions de l'année par groupe de prescripteurs", current, previous, 1);
        var entriesByGroup = PrescriberTable("entries_by_prescriber", "Entrées de l'année par groupe de prescripteurs", current, previous, 3);

        result.Tables.AddRange([activity, prescriptionsByGroup, entriesByGroup, fileActive, nonEntries, steps, exits]);

        string F(double v) => v.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"));
        var onStep = (double)current.OnStep;
        result.Checks.Add(new ReportCheck("letter.on_step", onStep <= active, $"Sur une étape ≤ file active : {F(onStep)} ≤ {F(active)}."));
        result.Checks.Add(new ReportCheck("letter.on_hold", onHold <= active, $"En veille ≤ file active : {F(onHold)} ≤ {F(active)}."));
        foreach (var col in PeriodColumns)
        {
            var reasons = exits.Rows.Where(r => r.Key != "TOTAL").Sum(r => r[col]!.Value);
            var byCategory = activity["SORTIES_POSITIVES", col]!.Value + activity["SORTIES_SANS_SUITE", col]!.Value;
            result.Checks.Add(new ReportCheck($"letter.exits.{col}", reasons == exits["TOTAL", col] && byCategory == activity["TOTAL_SORTIES", col],
                $"Somme des motifs de sortie = total ({col}) : {F(reasons)} = {F(exits["TOTAL", col]!.Value)} ; positives + sans suite = {F(byCategory)}."));
            var nonEntryReasons = nonEntries.Rows.Where(r => r.Key != "TOTAL").Sum(r => r[col]!.Value);
            result.Checks.Add(new ReportCheck($"letter.non_entries.{col}", nonEntryReasons == nonEntries["TOTAL", col],
                $"Somme des motifs de non-entrée = total ({col}) : {F(nonEntryReasons)} = {F(nonEntries["TOTAL", col]!.Value)}."));
        }
        foreach (var (table, activityRow) in new[] { (prescriptionsByGroup, "PRESCRIPTIONS"), (entriesByGroup, "ENTREES") })
        {
            foreach (var col in new[] { "ANNEE", "ANNEE_N1" })
            {
                var groups = table.Rows.Where(r => r.Key != "TOTAL").Sum(r => r[col]!.Value);
                var shares = table.Rows.Where(r => r.Key != "TOTAL").Sum(r => r[col == "ANNEE" ? "PART_ANNEE" : "PART_ANNEE_N1"] ?? 0);
                var whole = activity[activityRow, col]!.Value;
                result.Checks.Add(new ReportCheck($"letter.{table.Id}.{col}",
                    groups == whole && table["TOTAL", col] == whole && (whole == 0 || Math.Abs(shares - 1) < 1e-9),
                    $"Somme des groupes de prescripteurs = {ReportLabels.Of(activityRow).ToLowerInvariant()} ({col}) : {F(groups)} = {F(whole)} ; parts : {F(shares * 100)} %."));
            }
        }
        result.Checks.Add(new ReportCheck("letter.month_within_year",
            activity.Rows.Where(r => r.Kind == CellKind.Count).All(r => r["MOIS"] <= r["ANNEE"] && r["MOIS_N1"] <= r["ANNEE_N1"]),
            "Chaque compte du mois ≤ le compte de l'année, pour l'année et pour l'année N-1."));

        // Editorial blocks 3 and 6 of the programme (one organisation: its texts; several: each text prefixed with its code).
        var texts = await db.LetterEditorials.AsNoTracking()
            .Where(t => orgIds.Contains(t.OrganisationId) && t.Month == result.Month)
            .Select(t => new { t.OrganisationId, t.Block, t.Text })
            .ToListAsync(ct);
        foreach (var block in Enum.GetValues<LetterBlock>())
        {
            var parts = organisations
                .Select(o => (o.Code, Text: texts.FirstOrDefault(t => t.OrganisationId == o.Id && t.Block == block)?.Text))
                .Where(x => !string.IsNullOrEmpty(x.Text))
                .Select(x => organisations.Count == 1 ? x.Text! : $"{x.Code} : {x.Text}")
                .ToList();
            result.Texts.Add(new ReportText(block.ToString(), LetterEditorial.Label(block), string.Join("\n\n", parts)));
        }
        return result;
    }

    public static readonly IReadOnlyList<string> PrescriberColumns = ["ANNEE", "PART_ANNEE", "ANNEE_N1", "PART_ANNEE_N1", "EVOLUTION_ANNEE", "EVOLUTION_PART"];

    /// <summary>
    /// Block 2 of the letter (RPT-13): the year-to-date count of column <paramref name="index"/> of the grouped query
    /// (1 prescriptions, 3 entries) by prescriber group of the pathway (<see cref="PrescriberKinds.LetterGroup"/>), with
    /// the share of each group this year and last year, the change of the count and the change of the share in points
    /// (R-221). The TOTAL row is summed from every pathway, independently of the groups.
    /// </summary>
    private static ReportTable PrescriberTable(string id, string title, Figures current, Figures previous, int index)
    {
        var table = new ReportTable(id, title, PrescriberColumns)
        {
            RowLabel = k => Enum.TryParse<PrescriberGroup>(k, out var g) ? GroupLabel(g) : ReportLabels.Of(k),
            ColumnKinds = new Dictionary<string, CellKind>
            {
                ["PART_ANNEE"] = CellKind.Rate, ["PART_ANNEE_N1"] = CellKind.Rate, ["EVOLUTION_ANNEE"] = CellKind.Rate, ["EVOLUTION_PART"] = CellKind.Rate,
            },
        };
        static double? Share(double part, double whole) => whole == 0 ? null : part / whole;
        var total = current.Groups.Sum(g => g.V[index]);
        var totalN1 = previous.Groups.Sum(g => g.V[index]);
        var keys = Enum.GetValues<PrescriberGroup>().Select(g => (PrescriberGroup?)g).Append(null);
        foreach (var group in keys)
        {
            double y = current.Groups.Where(g => PrescriberKinds.LetterGroup(g.Prescriber) == group).Sum(g => g.V[index]);
            double y1 = previous.Groups.Where(g => PrescriberKinds.LetterGroup(g.Prescriber) == group).Sum(g => g.V[index]);
            var row = table.Add(group?.ToString() ?? "NON_RENSEIGNE");
            row["ANNEE"] = y;
            row["PART_ANNEE"] = Share(y, total);
            row["ANNEE_N1"] = y1;
            row["PART_ANNEE_N1"] = Share(y1, totalN1);
            row["EVOLUTION_ANNEE"] = Change(y, y1, CellKind.Count);
            row["EVOLUTION_PART"] = Change(row["PART_ANNEE"], row["PART_ANNEE_N1"], CellKind.Rate);
        }
        var t = table.Add("TOTAL");
        t["ANNEE"] = total;
        t["PART_ANNEE"] = Share(total, total);
        t["ANNEE_N1"] = totalN1;
        t["PART_ANNEE_N1"] = Share(totalN1, totalN1);
        t["EVOLUTION_ANNEE"] = Change(total, totalN1, CellKind.Count);
        t["EVOLUTION_PART"] = null;
        return table;
    }

    private static string GroupLabel(PrescriberGroup group) => group switch
    {
        PrescriberGroup.FRANCE_TRAVAIL => "France Travail",
        PrescriberGroup.DEPARTEMENT => "Département",
        _ => "Autres prescripteurs",
    };

    private static readonly (string Key, CellKind Kind)[] ActivityRows =
    [
        ("PRESCRIPTIONS", CellKind.Count), ("ENTREES", CellKind.Count), ("TAUX_ENTREE", CellKind.Rate), ("NON_ENTREES", CellKind.Count),
        ("DELAI_PRE_AFFECTATION_JOURS", CellKind.Mean), ("ACCOMPAGNES", CellKind.Count), ("SORTIES_POSITIVES", CellKind.Count),
        ("SORTIES_SANS_SUITE", CellKind.Count), ("TOTAL_SORTIES", CellKind.Count), ("TAUX_SORTIES_POSITIVES", CellKind.Rate),
        ("TAUX_SORTIES_POSITIVES_NEUTRALISE", CellKind.Rate),
    ];

    /// <summary>Year-on-year change (R-221): relative for counts and means, difference in points for rates; null on a zero base.</summary>
    internal static double? Change(double? current, double? previous, CellKind kind) => (current, previous) switch
    {
        ({ } c, { } p) when kind == CellKind.Rate => c - p,
        ({ } c, { } p) when p != 0 => (c - p) / p,
        _ => null,
    };

    /// <summary>The activity rows of one period, month and year to date.</summary>
    private static Dictionary<string, (double? M, double? Y)> Activity(Figures f)
    {
        static double? Ratio(double a, double b) => b == 0 ? null : a / b;
        double Sum(Func<(ExitReason? Exit, NonEntryReason? NonEntry, PrescriberKind? Prescriber, long[] V), long> selector) => f.Groups.Sum(selector);
        bool IsPositive(ExitReason? r) => r is { } reason && ExitReasons.Category(reason) == ExitCategory.POSITIVE;
        bool IsWithout(ExitReason? r) => r is { } reason && ExitReasons.Category(reason) == ExitCategory.SANS_SUITE;
        bool IsNeutral(ExitReason? r) => r is { } reason && ExitReasons.IsNeutralisable(reason);
        double prescM = Sum(x => x.V[0]), prescY = Sum(x => x.V[1]);
        double entryM = Sum(x => x.V[2]), entryY = Sum(x => x.V[3]);
        double nonEntryM = Sum(x => x.V[4]), nonEntryY = Sum(x => x.V[5]);
        double inM = Sum(x => x.V[6]), inY = Sum(x => x.V[7]);
        double exitM = Sum(x => x.V[8]), exitY = Sum(x => x.V[9]);
        double decM = Sum(x => x.V[12]), decY = Sum(x => x.V[13]);
        double delayM = Sum(x => x.V[14]), delayY = Sum(x => x.V[15]);
        double posM = Sum(x => IsPositive(x.Exit) ? x.V[8] : 0), posY = Sum(x => IsPositive(x.Exit) ? x.V[9] : 0);
        double ssM = Sum(x => IsWithout(x.Exit) ? x.V[8] : 0), ssY = Sum(x => IsWithout(x.Exit) ? x.V[9] : 0);
        double neutM = Sum(x => IsNeutral(x.Exit) ? x.V[8] : 0), neutY = Sum(x => IsNeutral(x.Exit) ? x.V[9] : 0);
        return new()
        {
            ["PRESCRIPTIONS"] = (prescM, prescY),
            ["ENTREES"] = (entryM, entryY),
            ["TAUX_ENTREE"] = (Ratio(entryM, prescM), Ratio(entryY, prescY)),
            ["NON_ENTREES"] = (nonEntryM, nonEntryY),
            ["DELAI_PRE_AFFECTATION_JOURS"] = (decM == 0 ? null : delayM / decM, decY == 0 ? null : delayY / decY),
            ["ACCOMPAGNES"] = (inM, inY),
            ["SORTIES_POSITIVES"] = (posM, posY),
            ["SORTIES_SANS_SUITE"] = (ssM, ssY),
            ["TOTAL_SORTIES"] = (exitM, exitY),
            ["TAUX_SORTIES_POSITIVES"] = (Ratio(posM, exitM), Ratio(posY, exitY)),
            ["TAUX_SORTIES_POSITIVES_NEUTRALISE"] = (Ratio(posM, exitM - neutM), Ratio(posY, exitY - neutY)),
        };
    }
}
