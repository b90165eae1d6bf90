using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Fse;

namespace Parcours.Core.Reporting;

/// <summary>
/// National tables 6, 6BIS and 7 (reports.md RPT-06, RPT-07; rules R-216, R-407, R-408, R-409, R-811): funding
/// mobilised by funder kind, direct and indirect, by ESF axis, for year Y (table 6) and for the k years to Y
/// (table 6BIS, k = <see cref="MultiYearFlowsReport.DefaultYears"/>, the years of table 1BIS); funds allocated by
/// kind of recipient with their FSE part (table 7); and the derived indicators (leverage, funding per participant,
/// additional money raised). Figures are the programmed amounts (R-811) of the financing lines of the retained
/// programming lines (<see cref="NationalFundingRows.IsRetained"/>) whose programme is selected and whose
/// programming year is in the period. One grouped query (financings × operation × operator kind, summed in the
/// database); the rows are mapped in C# with <see cref="NationalFundingRows"/>. The subtotals and totals are summed
/// from the lines directly, not from the rows, so the checks catch a line that falls in no row.
/// </summary>
internal static class FundingTables
{
    public const string MobilisedId = "funding";
    public const string MultiYearId = "funding_multiyear";
    public const string AllocatedId = "funds_allocated";
    public const string IndicatorsId = "funding_indicators";

    public static readonly IReadOnlyList<string> Columns = ["TOTAL", "DIRECT", "INDIRECT"];

    private static readonly string[] InclusionRows =
    [
        nameof(FundingRow.INCLUSION_COLLECTIVITES_LOCALES), nameof(FundingRow.INCLUSION_DEPARTEMENT), nameof(FundingRow.INCLUSION_REGION),
        nameof(FundingRow.INCLUSION_ETAT), nameof(FundingRow.INCLUSION_AUTRES_PUBLICS), nameof(FundingRow.INCLUSION_AUTRES_PRIVES),
        nameof(FundingRow.INCLUSION_FSE),
    ];

    private static readonly string[] AssistanceRows =
        [nameof(FundingRow.AT_COLLECTIVITES_LOCALES), nameof(FundingRow.AT_FSE), nameof(FundingRow.AT_AUTRES)];

    private static readonly string[] NotMobilisedRows = [nameof(FundingRow.NON_MOBILISE_PRIVES), nameof(FundingRow.NON_MOBILISE_AUTRES)];

    /// <summary>Rows of tables 6 and 6BIS, in the order of the national table.</summary>
    public static readonly IReadOnlyList<string> Rows =
    [
        "AXE_INCLUSION", .. InclusionRows, "AXE_ASSISTANCE_TECHNIQUE", .. AssistanceRows, "SOUS_TOTAL_MOBILISE",
        .. NotMobilisedRows, "SOUS_TOTAL_NON_MOBILISE", "TOTAL_GENERAL", "DONT_FSE",
    ];

    /// <summary>Rows with only the Total column (R-408: not-mobilised lines are not split into direct and indirect).</summary>
    private static bool TotalOnly(string row) => row is "SOUS_TOTAL_NON_MOBILISE" or "TOTAL_GENERAL" || NotMobilisedRows.Contains(row);

    public static readonly IReadOnlyList<string> AllocationColumns = ["TOTAL", "FSE", "PART_TOTAL", "PART_FSE"];

    /// <summary>Rows of table 7: the SIAE block, its subtotal, the other recipients, the total.</summary>
    public static readonly IReadOnlyList<string> AllocationRows =
    [
        .. Enum.GetValues<AllocationRow>().Where(NationalFundingRows.IsSiae).Select(r => r.ToString()), "TOTAL_SIAE",
        .. Enum.GetValues<AllocationRow>().Where(r => !NationalFundingRows.IsSiae(r)).Select(r => r.ToString()), "TOTAL",
    ];

    /// <summary>One row of the grouped query: the amount of the financings sharing these codes.</summary>
    internal sealed record Line(int Year, long Programme, FseSpecificObjective? Objective, FunderKind Kind, FinancingNature Nature,
        bool Mobilised, OrganisationKind OperatorKind, bool Internal, decimal Amount);

    public static async Task<(List<ReportTable> Tables, List<ReportCheck> Checks)> ComputeAsync(ParcoursDbContext db, List<long> orgIds,
        int year, ReportTable flows, CancellationToken ct)
    {
        var first = year - MultiYearFlowsReport.DefaultYears + 1;
        var lines = await LinesAsync(db, orgIds, first, year, ct);
        var ofYear = lines.Where(l => l.Year == year).ToList();

        var funding = FundingTable(MobilisedId, $"Financements mobilisés {year} (tableau 6)", Columns, Sum(ofYear), null);
        var years = Enumerable.Range(first, year - first + 1).ToList();
        var yearKeys = years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList();
        var multiYear = FundingTable(MultiYearId, $"Financements mobilisés {first}-{year} (tableau 6 bis)", [.. yearKeys, .. Columns], Sum(lines),
            years.ToDictionary(y => y.ToString(CultureInfo.InvariantCulture), y => Sum(lines.Where(l => l.Year == y))));
        var allocated = AllocationTable(year, ofYear);

        var respondents = ofYear.Select(l => l.Programme).Distinct().ToList();
        var inPathway = flows["EN_PARCOURS", "TOTAL"]!.Value;
        var denominator = respondents.Count == orgIds.Count ? inPathway : await InPathwayAsync(db, respondents, year, ct);
        var indicators = IndicatorTable(funding, respondents.Count, denominator);

        var checks = new List<ReportCheck>();
        checks.AddRange(FundingChecks(funding));
        checks.AddRange(FundingChecks(multiYear));
        checks.Add(PerRow($"{MultiYearId}.years", $"Total = somme des années {first} à {year}", Rows, row =>
        {
            var sum = yearKeys.Sum(y => multiYear[row, y]!.Value);
            return (Same(sum, multiYear[row, "TOTAL"]), $"{string.Join(" + ", yearKeys.Select(y => F(multiYear[row, y])))} = {F(sum)}, Total = {F(multiYear[row, "TOTAL"])}");
        }));
        var last = year.ToString(CultureInfo.InvariantCulture);
        checks.Add(PerRow($"{MultiYearId}.last_year", $"Colonne {year} = total du tableau 6", Rows, row =>
            (Same(multiYear[row, last], funding[row, "TOTAL"]), $"{F(multiYear[row, last])}, tableau 6 : {F(funding[row, "TOTAL"])}")));
        checks.AddRange(AllocationChecks(allocated, funding));
        checks.Add(new ReportCheck($"{IndicatorsId}.denominator", denominator <= inPathway && (respondents.Count != orgIds.Count || denominator == inPathway),
            $"Participants en parcours des PLIE ayant fourni des financements ({respondents.Count} sur {orgIds.Count}) : {N(denominator)} ≤ EN_PARCOURS = {N(inPathway)}" +
            (respondents.Count == orgIds.Count ? ", égaux puisque tous les PLIE ont répondu." : ".")));
        return ([funding, multiYear, allocated, indicators], checks);
    }

    // ------------------------------------------------------------------ query

    private static async Task<List<Line>> LinesAsync(ParcoursDbContext db, List<long> orgIds, int first, int year, CancellationToken ct)
    {
        var retained = Enum.GetValues<ProgrammingLineStatus>().Where(NationalFundingRows.IsRetained).ToList();
        var rows = await (
            from f in db.Financings.AsNoTracking()
            join o in db.Operations.AsNoTracking() on f.OperationId equals o.Id
            join op in db.Organisations.AsNoTracking() on o.OperatorOrganisationId equals op.Id
            join pr in db.Organisations.AsNoTracking() on o.ProgrammeOrganisationId equals pr.Id
            where orgIds.Contains(o.ProgrammeOrganisationId) && o.Year >= first && o.Year <= year && retained.Contains(o.Status)
            group f.Amount by new
            {
                o.Year,
                o.ProgrammeOrganisationId,
                o.FseSpecificObjective,
                f.FunderKind,
                f.Nature,
                f.Mobilised,
                OperatorKind = op.Kind,
                // An internal operation: bought as such, or run by the programme itself or by its host structure.
                Internal = o.ProcurementMode == ProcurementMode.OPERATION_INTERNE || o.OperatorOrganisationId == o.ProgrammeOrganisationId
                    || o.OperatorOrganisationId == pr.ParentOrganisationId,
            } into g
            select new { g.Key, Amount = g.Sum() }).ToListAsync(ct);
        return rows.Select(r => new Line(r.Key.Year, r.Key.ProgrammeOrganisationId, r.Key.FseSpecificObjective, r.Key.FunderKind, r.Key.Nature,
            r.Key.Mobilised, r.Key.OperatorKind, r.Key.Internal, r.Amount)).ToList();
    }

    /// <summary>Pathways in pathway in Y (EN_PARCOURS) of the programmes given: the denominator of R-216 when some PLIE gave no funding.</summary>
    private static async Task<double> InPathwayAsync(ParcoursDbContext db, List<long> programmes, int year, CancellationToken ct)
    {
        if (programmes.Count == 0) return 0;
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        return await db.Pathways.AsNoTracking()
            .Where(p => p.Scheme == Scheme.PLIE && programmes.Contains(p.OrganisationId)
                && p.EntryDate <= end && (p.ExitDate == null || p.ExitDate >= start))
            .CountAsync(ct);
    }

    // ------------------------------------------------------------------ tables 6 and 6BIS

    /// <summary>Sums per row key of Total, Direct and Indirect. Subtotals and totals are summed from the lines, not from the rows.</summary>
    private static Dictionary<string, decimal[]> Sum(IEnumerable<Line> lines)
    {
        var sums = Rows.ToDictionary(r => r, _ => new decimal[3]);
        void Add(string key, Line l)
        {
            var s = sums[key];
            s[0] += l.Amount;
            if (l.Nature == FinancingNature.DIRECT) s[1] += l.Amount;
            if (l.Nature == FinancingNature.INDIRECT) s[2] += l.Amount;
        }
        foreach (var l in lines)
        {
            var axis = NationalFundingRows.Axis(l.Objective);
            Add("TOTAL_GENERAL", l);
            if (l.Mobilised)
            {
                Add("SOUS_TOTAL_MOBILISE", l);
                Add(axis == FundingAxis.INCLUSION ? "AXE_INCLUSION" : "AXE_ASSISTANCE_TECHNIQUE", l);
                if (l.Kind == FunderKind.FSE) Add("DONT_FSE", l);
            }
            else Add("SOUS_TOTAL_NON_MOBILISE", l);
            Add(NationalFundingRows.Row(l.Kind, axis, l.Mobilised, l.OperatorKind).ToString(), l);
        }
        return sums;
    }

    private static ReportTable FundingTable(string id, string title, IReadOnlyList<string> columns, Dictionary<string, decimal[]> sums,
        Dictionary<string, Dictionary<string, decimal[]>>? perYear)
    {
        var table = new ReportTable(id, title, columns) { Kind = CellKind.Amount };
        foreach (var key in Rows)
        {
            var row = table.Add(key);
            row["TOTAL"] = (double)sums[key][0];
            row["DIRECT"] = TotalOnly(key) ? null : (double)sums[key][1];
            row["INDIRECT"] = TotalOnly(key) ? null : (double)sums[key][2];
            if (perYear is null) continue;
            foreach (var (y, s) in perYear) row[y] = (double)s[key][0];
        }
        return table;
    }

    private static IEnumerable<ReportCheck> FundingChecks(ReportTable t)
    {
        var amountColumns = new[] { "TOTAL", "DIRECT", "INDIRECT" };
        yield return PerRow($"{t.Id}.direct_indirect", "Direct + indirect = total sur chaque ligne mobilisée", Rows.Where(r => !TotalOnly(r)), row =>
        {
            var sum = t[row, "DIRECT"]!.Value + t[row, "INDIRECT"]!.Value;
            return (Same(sum, t[row, "TOTAL"]), $"{F(t[row, "DIRECT"])} + {F(t[row, "INDIRECT"])} = {F(sum)}, total = {F(t[row, "TOTAL"])}");
        }, summary: "SOUS_TOTAL_MOBILISE");
        var subtotals = new (string Subtotal, string[] Parts)[]
        {
            ("AXE_INCLUSION", InclusionRows), ("AXE_ASSISTANCE_TECHNIQUE", AssistanceRows), ("SOUS_TOTAL_NON_MOBILISE", NotMobilisedRows),
        };
        yield return PerRow($"{t.Id}.subtotals", "Chaque sous-total = somme de ses lignes", subtotals.Select(s => s.Subtotal), sub =>
        {
            var parts = subtotals.First(s => s.Subtotal == sub).Parts;
            var bad = amountColumns.Where(c => t[sub, c] is not null && !Same(parts.Sum(p => t[p, c]!.Value), t[sub, c])).ToList();
            var sum = parts.Sum(p => t[p, "TOTAL"]!.Value);
            return (bad.Count == 0, $"{string.Join(" + ", parts.Select(p => F(t[p, "TOTAL"])))} = {F(sum)}, sous-total = {F(t[sub, "TOTAL"])}"
                + (bad.Count == 0 ? "" : $" (colonnes en écart : {string.Join(", ", bad)})"));
        }, summary: "AXE_INCLUSION");
        var totals = new (string Total, string[] Parts)[]
        {
            ("SOUS_TOTAL_MOBILISE", ["AXE_INCLUSION", "AXE_ASSISTANCE_TECHNIQUE"]),
            ("TOTAL_GENERAL", ["SOUS_TOTAL_MOBILISE", "SOUS_TOTAL_NON_MOBILISE"]),
            ("DONT_FSE", [nameof(FundingRow.INCLUSION_FSE), nameof(FundingRow.AT_FSE)]),
        };
        yield return PerRow($"{t.Id}.totals", "Sous-total mobilisé = axe inclusion + axe assistance technique ; total général = mobilisé + non mobilisé ; dont FSE = FSE des deux axes",
            totals.Select(x => x.Total), total =>
            {
                var parts = totals.First(x => x.Total == total).Parts;
                var bad = amountColumns.Where(c => t[total, c] is not null && parts.All(p => t[p, c] is not null)
                    && !Same(parts.Sum(p => t[p, c]!.Value), t[total, c])).ToList();
                var sum = parts.Sum(p => t[p, "TOTAL"]!.Value);
                return (bad.Count == 0, $"{string.Join(" + ", parts.Select(p => F(t[p, "TOTAL"])))} = {F(sum)}, {total} = {F(t[total, "TOTAL"])}"
                    + (bad.Count == 0 ? "" : $" (colonnes en écart : {string.Join(", ", bad)})"));
            }, summary: "TOTAL_GENERAL");
        yield return PerRow($"{t.Id}.fse_direct", "Le FSE est toujours direct : FSE direct = FSE total",
            [nameof(FundingRow.INCLUSION_FSE), nameof(FundingRow.AT_FSE), "DONT_FSE"], row =>
                (Same(t[row, "DIRECT"], t[row, "TOTAL"]), $"direct {F(t[row, "DIRECT"])}, total {F(t[row, "TOTAL"])}"), summary: "DONT_FSE");
    }

    // ------------------------------------------------------------------ table 7

    private static ReportTable AllocationTable(int year, List<Line> ofYear)
    {
        var sums = AllocationRows.ToDictionary(r => r, _ => new decimal[2]);
        foreach (var l in ofYear.Where(l => l.Mobilised))
        {
            var fse = l.Kind == FunderKind.FSE ? l.Amount : 0;
            var row = NationalFundingRows.AllocationRowOf(l.OperatorKind, l.Internal);
            sums[row.ToString()][0] += l.Amount;
            sums[row.ToString()][1] += fse;
            if (NationalFundingRows.IsSiae(row))
            {
                sums["TOTAL_SIAE"][0] += l.Amount;
                sums["TOTAL_SIAE"][1] += fse;
            }
            // The total is summed from the lines, independently of the rows.
            sums["TOTAL"][0] += l.Amount;
            sums["TOTAL"][1] += fse;
        }
        var table = new ReportTable(AllocatedId, $"Financements alloués {year} (tableau 7)", AllocationColumns)
        {
            Kind = CellKind.Amount,
            ColumnKinds = new Dictionary<string, CellKind> { ["PART_TOTAL"] = CellKind.Rate, ["PART_FSE"] = CellKind.Rate },
        };
        var total = sums["TOTAL"][0];
        foreach (var key in AllocationRows)
        {
            var row = table.Add(key);
            row["TOTAL"] = (double)sums[key][0];
            row["FSE"] = (double)sums[key][1];
            row["PART_TOTAL"] = total == 0 ? null : (double)(sums[key][0] / total);
            row["PART_FSE"] = sums[key][0] == 0 ? null : (double)(sums[key][1] / sums[key][0]);
        }
        return table;
    }

    private static IEnumerable<ReportCheck> AllocationChecks(ReportTable t, ReportTable funding)
    {
        var siae = Enum.GetValues<AllocationRow>().Where(NationalFundingRows.IsSiae).Select(r => r.ToString()).ToList();
        var others = Enum.GetValues<AllocationRow>().Where(r => !NationalFundingRows.IsSiae(r)).Select(r => r.ToString()).ToList();
        yield return PerRow($"{AllocatedId}.siae", "Total SIAE = somme des lignes SIAE", ["TOTAL", "FSE"], c =>
        {
            var sum = siae.Sum(r => t[r, c]!.Value);
            return (Same(sum, t["TOTAL_SIAE", c]), $"{F(sum)}, Total SIAE = {F(t["TOTAL_SIAE", c])}");
        }, unit: "colonnes");
        yield return PerRow($"{AllocatedId}.total", "Total = Total SIAE + somme des autres lignes", ["TOTAL", "FSE"], c =>
        {
            var sum = t["TOTAL_SIAE", c]!.Value + others.Sum(r => t[r, c]!.Value);
            return (Same(sum, t["TOTAL", c]), $"{F(t["TOTAL_SIAE", c])} + {F(others.Sum(r => t[r, c]!.Value))} = {F(sum)}, Total = {F(t["TOTAL", c])}");
        }, unit: "colonnes");
        yield return new ReportCheck($"{AllocatedId}.funding",
            Same(t["TOTAL", "TOTAL"], funding["SOUS_TOTAL_MOBILISE", "TOTAL"]) && Same(t["TOTAL", "FSE"], funding["DONT_FSE", "TOTAL"]),
            $"Fonds alloués = financements mobilisés du tableau 6 : total {F(t["TOTAL", "TOTAL"])} = {F(funding["SOUS_TOTAL_MOBILISE", "TOTAL"])}, " +
            $"FSE {F(t["TOTAL", "FSE"])} = {F(funding["DONT_FSE", "TOTAL"])}.");
    }

    // ------------------------------------------------------------------ derived indicators

    private static ReportTable IndicatorTable(ReportTable funding, int respondents, double participants)
    {
        static double? Ratio(double a, double b) => b == 0 ? null : a / b;
        double V(string row, string col) => funding[row, col]!.Value;
        var mobilised = V("SOUS_TOTAL_MOBILISE", "TOTAL");
        var mobilisedDirect = V("SOUS_TOTAL_MOBILISE", "DIRECT");
        var fse = V("DONT_FSE", "TOTAL");
        var local = V("INCLUSION_COLLECTIVITES_LOCALES", "TOTAL") + V("AT_COLLECTIVITES_LOCALES", "TOTAL");
        var localDirect = V("INCLUSION_COLLECTIVITES_LOCALES", "DIRECT") + V("AT_COLLECTIVITES_LOCALES", "DIRECT");
        var table = new ReportTable(IndicatorsId, "Indicateurs de financement", ["VALEUR"]) { Kind = CellKind.Amount };
        void Row(string key, double? value, CellKind kind = CellKind.Amount) => table.Add(key, kind)["VALEUR"] = value;
        Row("PLIE_REPONDANTS", respondents, CellKind.Count);
        Row("PARTICIPANTS_EN_PARCOURS_REPONDANTS", participants, CellKind.Count);
        Row("FINANCEMENT_PAR_PARTICIPANT_TOTAL", Ratio(mobilised, participants));
        Row("FINANCEMENT_PAR_PARTICIPANT_DIRECT", Ratio(mobilisedDirect, participants));
        Row("FINANCEMENT_PAR_PARTICIPANT_FSE", Ratio(fse, participants));
        Row("COLLECTIVITES_LOCALES", local);
        Row("COLLECTIVITES_LOCALES_DIRECT", localDirect);
        Row("LEVIER_FSE", Ratio(fse, local), CellKind.Mean);
        Row("LEVIER_FSE_DIRECT", Ratio(fse, localDirect), CellKind.Mean);
        Row("LEVIER_TOTAL", Ratio(mobilised, local), CellKind.Mean);
        Row("LEVIER_TOTAL_DIRECT", Ratio(mobilised, localDirect), CellKind.Mean);
        Row("FONDS_SUPPLEMENTAIRES", fse + local + V("INCLUSION_DEPARTEMENT", "TOTAL") + V("INCLUSION_REGION", "TOTAL"));
        Row("FONDS_SUPPLEMENTAIRES_DIRECT", fse + localDirect + V("INCLUSION_DEPARTEMENT", "DIRECT") + V("INCLUSION_REGION", "DIRECT"));
        return table;
    }

    // ------------------------------------------------------------------ helpers

    /// <summary>Equal to the cent (the cells are sums of decimal amounts held as doubles).</summary>
    private static bool Same(double? a, double? b) => a is { } x && b is { } y && Math.Abs(x - y) < 0.005;

    private static string F(double? value) => value is { } v ? v.ToString("N2", CultureInfo.GetCultureInfo("fr-FR")) : "—";

    private static string N(double value) => value.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"));

    /// <summary>An equality per row (or column) reported as one check: the figures of <paramref name="summary"/> when all hold, of each failure otherwise.</summary>
    private static ReportCheck PerRow(string id, string label, IEnumerable<string> keys, Func<string, (bool Ok, string Figures)> test,
        string summary = "TOTAL_GENERAL", string unit = "lignes")
    {
        var failures = new List<string>();
        string? shown = null;
        var n = 0;
        foreach (var key in keys)
        {
            n++;
            var (ok, figures) = test(key);
            if (key == summary || shown is null) shown = $"{key} : {figures}";
            if (!ok) failures.Add($"{key} : {figures}");
        }
        return failures.Count == 0
            ? new ReportCheck(id, true, $"{label} : vérifié sur {n} {unit} ({shown}).")
            : new ReportCheck(id, false, $"{label} : en échec — {string.Join(" ; ", failures)}.");
    }
}
