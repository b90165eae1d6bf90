using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Domain.CodeLists;

namespace Parcours.Core.Reporting;

/// <summary>
/// National tables 4 and 5 (reports.md RPT-05; codelists.md §5.4 rule 3): the participants with at least one step
/// of a structure kind (ACI, EI, ETTI, AI, régie de quartier, EITI, and GEIQ from step type GEIQ) overlapping Y, on the
/// pathways counted in EN_PARCOURS; table 5 keeps the steps financed by the programme. A clause step counts in the
/// IAE row of its contract (§5.4 rule 2). Counts of distinct persons per row; the TOTAL row is the sum of the rows
/// (person × structure-kind pairs) and the row PARTICIPANTS_DISTINCTS counts each person once. Columns TOTAL, FEMME,
/// HOMME, NON_BINAIRE (so that the sex partition always sums to TOTAL, R-005). The published shares are count ÷ the
/// TOTAL row of the column.
/// </summary>
internal static class SiaeTables
{
    public const string AllId = "siae_participants";
    public const string FinancedId = "siae_participants_financed";

    public static readonly IReadOnlyList<string> Columns = ["TOTAL", "FEMME", "HOMME", "NON_BINAIRE"];

    public static readonly IReadOnlyList<string> KindRows = ["SIAE_ACI", "SIAE_EI", "SIAE_ETTI", "SIAE_AI", "SIAE_RQ", "SIAE_EITI", "SIAE_GEIQ"];

    /// <summary>The step types that may count in tables 4 and 5 (clause steps by their contract).</summary>
    internal static readonly StepType[] StepTypes =
        [StepType.ACI, StepType.EI, StepType.ETTI, StepType.AI, StepType.RQ, StepType.EITI, StepType.GEIQ, StepType.CLAUSE_SOCIALE];

    /// <summary>The row of a step in tables 4 and 5, or null when it counts in none.</summary>
    internal static string? KindRow(ConsolidationReport.StepGroup step, IReadOnlyDictionary<long, OrganisationKind> providers)
    {
        if (step.Type == StepType.GEIQ) return "SIAE_GEIQ";
        return ConsolidationReport.StepRow(step, providers) switch
        {
            ConsolidationStepRow.IAE_ACI => "SIAE_ACI",
            ConsolidationStepRow.IAE_EI => "SIAE_EI",
            ConsolidationStepRow.IAE_ETTI => "SIAE_ETTI",
            ConsolidationStepRow.IAE_AI => "SIAE_AI",
            ConsolidationStepRow.IAE_RQ => "SIAE_RQ",
            ConsolidationStepRow.IAE_EITI => "SIAE_EITI",
            _ => null,
        };
    }

    /// <summary>
    /// Tables 4 and 5 from the groups of the step query, which carry the person for the step types of
    /// <see cref="StepTypes"/>: the steps themselves never leave the database, and no second pass reads them.
    /// </summary>
    public static (List<ReportTable> Tables, List<ReportCheck> Checks) Compute(
        IReadOnlyList<ConsolidationReport.StepGroup> stepGroups, IReadOnlyDictionary<long, OrganisationKind> providers, ReportTable flows, ReportTable steps)
    {
        // Per person: the structure kinds of their steps as bits, among all steps and among the financed ones (one
        // dictionary entry per person; the groups carry about 100,000 persons at 1,000,000 pathways).
        var persons = new Dictionary<long, (Sex Sex, int All, int Financed)>(stepGroups.Count);
        // The kind of a group depends on its step type and, for a clause step, on its contract and provider: a few
        // dozen distinct signatures among the 100,000 groups, each mapped once.
        var bits = new Dictionary<(StepType, ContractType?, bool, bool, long?), int>();
        foreach (var g in stepGroups)
        {
            if (g.Person is not { } person) continue;
            ref var bit = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(bits,
                (g.Type, g.Contract, g.LongerThanSixMonths, g.OpenEnded, g.Provider), out var known);
            if (!known) bit = KindRow(g, providers) is { } kind ? 1 << KindIndex[kind] : 0;
            if (bit == 0) continue;
            ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(persons, person, out _);
            entry.Sex = g.Sex;
            entry.All |= bit;
            if (g.Financed) entry.Financed |= bit;
        }

        var allTable = Build(AllId, "Participants en étapes d'IAE et de GEIQ, financées ou non par le PLIE (tableau 4)", persons, financedOnly: false);
        var financedTable = Build(FinancedId, "Participants en étapes d'IAE et de GEIQ financées par le PLIE (tableau 5)", persons, financedOnly: true);
        var checks = new List<ReportCheck>();
        foreach (var table in new[] { allTable, financedTable }) checks.AddRange(Checks(table, flows, steps));
        checks.Add(Within(allTable, financedTable));
        return ([allTable, financedTable], checks);
    }

    private static readonly Dictionary<string, int> KindIndex = KindRows.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i);

    private static int SexColumn(Sex sex) => sex switch { Sex.FEMME => 1, Sex.HOMME => 2, _ => 3 };

    /// <summary>
    /// Each (person, structure kind) pair counts once in its kind's row and in TOTAL; each person with at least one
    /// kind counts once in PARTICIPANTS_DISTINCTS; in TOTAL and in the column of the person's sex.
    /// </summary>
    private static ReportTable Build(string id, string title, Dictionary<long, (Sex Sex, int All, int Financed)> persons, bool financedOnly)
    {
        int total = KindRows.Count, distinct = KindRows.Count + 1;
        var counts = new double[KindRows.Count + 2, Columns.Count];
        foreach (var (sex, all, financed) in persons.Values)
        {
            var mask = financedOnly ? financed : all;
            if (mask == 0) continue;
            var column = SexColumn(sex);
            for (var k = 0; k < KindRows.Count; k++)
            {
                if ((mask & (1 << k)) == 0) continue;
                counts[k, 0]++;
                counts[k, column]++;
                counts[total, 0]++;
                counts[total, column]++;
            }
            counts[distinct, 0]++;
            counts[distinct, column]++;
        }
        var table = new ReportTable(id, title, Columns);
        var keys = KindRows.Append("TOTAL").Append("PARTICIPANTS_DISTINCTS").ToList();
        for (var r = 0; r < keys.Count; r++)
        {
            var row = table.Add(keys[r]);
            for (var c = 0; c < Columns.Count; c++) row[Columns[c]] = counts[r, c];
        }
        return table;
    }

    private static string N(double v) => v.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<ReportCheck> Checks(ReportTable t, ReportTable flows, ReportTable steps)
    {
        double V(string row, string col) => t[row, col]!.Value;
        var rowsOk = Columns.Where(c => KindRows.Sum(r => V(r, c)) != V("TOTAL", c)).ToList();
        yield return new ReportCheck($"{t.Id}.total", rowsOk.Count == 0,
            "TOTAL = somme des lignes par type de structure : " + string.Join(" ; ", Columns.Select(c => $"{c} {N(KindRows.Sum(r => V(r, c)))} = {N(V("TOTAL", c))}")) + ".");
        var sexBad = KindRows.Append("TOTAL").Append("PARTICIPANTS_DISTINCTS")
            .Where(r => V(r, "FEMME") + V(r, "HOMME") + V(r, "NON_BINAIRE") != V(r, "TOTAL")).ToList();
        yield return new ReportCheck($"{t.Id}.partition.sex", sexBad.Count == 0, sexBad.Count == 0
            ? $"FEMME + HOMME + NON_BINAIRE = TOTAL sur chaque ligne (TOTAL : {N(V("TOTAL", "FEMME"))} + {N(V("TOTAL", "HOMME"))} + {N(V("TOTAL", "NON_BINAIRE"))} = {N(V("TOTAL", "TOTAL"))})."
            : "FEMME + HOMME + NON_BINAIRE ≠ TOTAL sur les lignes " + string.Join(", ", sexBad) + ".");
        // Each person is counted once at most per row, and in at least one row: max(row) ≤ distinct ≤ Σ rows, and the
        // persons are among the pathways in pathway of the year (a person has at least one pathway).
        var distinct = V("PARTICIPANTS_DISTINCTS", "TOTAL");
        var max = KindRows.Max(r => V(r, "TOTAL"));
        var inPathway = flows["EN_PARCOURS", "TOTAL"]!.Value;
        yield return new ReportCheck($"{t.Id}.distinct", max <= distinct && distinct <= V("TOTAL", "TOTAL") && distinct <= inPathway,
            $"Plus grande ligne {N(max)} ≤ participants distincts {N(distinct)} ≤ TOTAL {N(V("TOTAL", "TOTAL"))} ; participants distincts ≤ EN_PARCOURS {N(inPathway)}.");
        // A participant counted in a row has at least one step in the matching row of the table of steps.
        var stepRows = new Dictionary<string, string>
        {
            ["SIAE_ACI"] = "IAE_ACI", ["SIAE_EI"] = "IAE_EI", ["SIAE_ETTI"] = "IAE_ETTI", ["SIAE_AI"] = "IAE_AI",
            ["SIAE_RQ"] = "IAE_RQ", ["SIAE_EITI"] = "IAE_EITI", ["SIAE_GEIQ"] = "AIDE_GEIQ",
        };
        var stepColumn = t.Id == FinancedId ? "FINANCED" : "TOTAL";
        var over = KindRows.Where(r => V(r, "TOTAL") > steps[stepRows[r], stepColumn]!.Value).ToList();
        yield return new ReportCheck($"{t.Id}.steps", over.Count == 0, over.Count == 0
            ? $"Chaque ligne compte au plus autant de participants que d'étapes du tableau des étapes (colonne {stepColumn})."
            : "Plus de participants que d'étapes sur les lignes " + string.Join(", ", over.Select(r => $"{r} ({N(V(r, "TOTAL"))} > {N(steps[stepRows[r], stepColumn]!.Value)})")) + ".");
    }

    private static ReportCheck Within(ReportTable all, ReportTable financed)
    {
        var bad = all.Rows.SelectMany(r => Columns.Where(c => financed[r.Key, c] > r[c]).Select(c => $"{r.Key} {c}")).ToList();
        return new ReportCheck($"{FinancedId}.within_all", bad.Count == 0, bad.Count == 0
            ? $"Tableau 5 ≤ tableau 4 sur chaque ligne et chaque colonne (TOTAL : {N(financed["TOTAL", "TOTAL"]!.Value)} ≤ {N(all["TOTAL", "TOTAL"]!.Value)})."
            : "Tableau 5 > tableau 4 : " + string.Join(", ", bad) + ".");
    }
}
