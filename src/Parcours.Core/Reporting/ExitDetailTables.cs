using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Domain.CodeLists;

namespace Parcours.Core.Reporting;

/// <summary>
/// National tables 8 and 9 (reports.md RPT-08, RPT-09; R-218): the positive exits of Y to employment and to training,
/// described by the step that justified the exit (<c>exit_step_id</c>). Counts per block row, columns TOTAL, FEMME,
/// HOMME, NON_BINAIRE, and a row N (the population); the shares of the published table are count ÷ N. Every block has its
/// «non connu» row, so each block sums to N (checked).
/// </summary>
internal static class ExitDetailTables
{
    public static readonly IReadOnlyList<string> Columns = ["TOTAL", "FEMME", "HOMME", "NON_BINAIRE"];

    public static async Task<(List<ReportTable> Tables, List<ReportCheck> Checks)> ComputeAsync(
        ParcoursDbContext db, List<long> orgIds, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var exits = db.Pathways.AsNoTracking()
            .Where(p => p.Scheme == Scheme.PLIE && orgIds.Contains(p.OrganisationId) && p.ExitDate >= start && p.ExitDate <= end
                && p.ExitReason != null);
        var employmentReasons = Enum.GetValues<ExitReason>()
            .Where(r => ExitReasons.Category(r) == ExitCategory.POSITIVE && ExitReasons.ConsolidationRow(r) == ConsolidationExitRow.EMPLOI).ToList();
        var trainingReasons = Enum.GetValues<ExitReason>()
            .Where(r => ExitReasons.Category(r) == ExitCategory.POSITIVE && ExitReasons.ConsolidationRow(r) == ConsolidationExitRow.FORMATION).ToList();

        // One pass over the exits of the year to employment or training, joined to the step that justified each; the
        // attributes of the other kind are nulled so that the groups stay few.
        var detailReasons = employmentReasons.Concat(trainingReasons).ToList();
        var groups = await (
                from p in exits.Where(p => detailReasons.Contains(p.ExitReason!.Value))
                join s in db.Steps.AsNoTracking() on p.ExitStepId equals (long?)s.Id into steps
                from s in steps.DefaultIfEmpty()
                let isTraining = trainingReasons.Contains(p.ExitReason!.Value)
                select new
                {
                    Sex = p.ParticipantSex,
                    Training = isTraining,
                    Naf = s == null || isTraining ? null : s.EmployerNafSection,
                    Kind = s == null || isTraining ? null : s.EmployerKind,
                    Size = s == null || isTraining ? null : s.EmployerSize,
                    Contract = s == null || isTraining ? null : s.ContractType,
                    Long = s != null && !isTraining && s.ContractMonths > 6m,
                    Open = s != null && !isTraining && s.OpenEnded == true,
                    Domain = s == null || !isTraining ? null : s.TrainingDomain,
                    Level = s == null || !isTraining ? null : s.TrainingLevel,
                    Validation = s == null || !isTraining ? null : s.ValidationNature,
                    Days = s == null || !isTraining ? (int?)null
                        : s.PlannedEndDate != null ? s.PlannedEndDate.Value.DayNumber - s.StartDate.DayNumber
                        : s.EndDate != null ? s.EndDate.Value.DayNumber - s.StartDate.DayNumber : (int?)null,
                })
            .GroupBy(x => new { x.Sex, x.Training, x.Naf, x.Kind, x.Size, x.Contract, x.Long, x.Open, x.Domain, x.Level, x.Validation, x.Days })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var employment = groups.Where(g => !g.Key.Training).ToList();
        var training = groups.Where(g => g.Key.Training).ToList();

        var employmentTable = new ReportTable("exits_employment", "Sorties sur emploi de 6 mois : caractéristiques de l'emploi", Columns);
        var rowsE = new List<(string Block, string[] Keys, Func<(NafSection? Naf, EmployerKind? Kind, EstablishmentSize? Size, ContractType? Contract, bool Long, bool Open), string> Of)>
        {
            ("NAF", Enum.GetValues<NafSection>().Where(n => n != NafSection.C).Select(n => n == NafSection.B ? "NAF_B_C" : $"NAF_{n}").Append("NAF_NON_CONNU").ToArray(),
                x => x.Naf switch { null => "NAF_NON_CONNU", NafSection.B or NafSection.C => "NAF_B_C", { } n => $"NAF_{n}" }),
            ("EMPLOYEUR", Enum.GetValues<EmployerKind>().Select(k => $"EMPLOYEUR_{k}").Append("EMPLOYEUR_NON_CONNU").ToArray(),
                x => x.Kind is { } k ? $"EMPLOYEUR_{k}" : "EMPLOYEUR_NON_CONNU"),
            ("TAILLE", Enum.GetValues<EstablishmentSize>().Select(k => $"{k}").Append("TAILLE_NON_CONNUE").ToArray(),
                x => x.Size is { } k ? $"{k}" : "TAILLE_NON_CONNUE"),
            ("CONTRAT", ["CONTRAT_CDI", "CONTRAT_CDD_6_MOIS_ET_PLUS", "CONTRAT_CREATION", "CONTRAT_INTERIM", "CONTRAT_NON_CONNU"],
                x => x.Contract switch
                {
                    ContractType.CDI => "CONTRAT_CDI",
                    ContractType.CREATION_ENTREPRISE => "CONTRAT_CREATION",
                    ContractType.INTERIM => "CONTRAT_INTERIM",
                    { } c when ContractRules.IsDurable(c, x.Long ? 7m : null, x.Open) => "CONTRAT_CDD_6_MOIS_ET_PLUS",
                    _ => "CONTRAT_NON_CONNU",
                }),
            ("MESURE", ["MESURE_CUI_CIE", "MESURE_CUI_CAE", "MESURE_PROFESSIONNALISATION", "MESURE_APPRENTISSAGE", "MESURE_AUCUNE", "MESURE_NON_CONNUE"],
                x => x.Contract switch
                {
                    ContractType.CUI_CIE => "MESURE_CUI_CIE",
                    ContractType.CUI_CAE => "MESURE_CUI_CAE",
                    ContractType.PROFESSIONNALISATION => "MESURE_PROFESSIONNALISATION",
                    ContractType.APPRENTISSAGE => "MESURE_APPRENTISSAGE",
                    null => "MESURE_NON_CONNUE",
                    _ => "MESURE_AUCUNE",
                }),
        };
        var checks = new List<ReportCheck>();
        Fill(employmentTable, rowsE.Select(b => (b.Block, b.Keys)).ToList(),
            employment.Select(g => (g.Key.Sex, g.Count, Keys: rowsE.Select(b => b.Of((g.Key.Naf, g.Key.Kind, g.Key.Size, g.Key.Contract, g.Key.Long, g.Key.Open))).ToArray())), checks);

        var trainingTable = new ReportTable("exits_training", "Sorties sur formation : caractéristiques de la formation", Columns);
        var rowsT = new List<(string Block, string[] Keys, Func<(TrainingDomain? Domain, CertificationLevel2019? Level, ValidationNature? Validation, int? Days), string> Of)>
        {
            ("DOMAINE", Enum.GetValues<TrainingDomain>().Select(d => $"DOMAINE_{d}").Append("DOMAINE_NON_CONNU").ToArray(),
                x => x.Domain is { } d ? $"DOMAINE_{d}" : "DOMAINE_NON_CONNU"),
            ("NIVEAU", ["NIVEAU_VI", "NIVEAU_V_BIS", "NIVEAU_V", "NIVEAU_IV", "NIVEAU_III", "NIVEAU_II", "NIVEAU_I", "NIVEAU_9", "NIVEAU_NON_CONNU"],
                x => x.Level is not { } l ? "NIVEAU_NON_CONNU"
                    : Education.TrainingLevelTo1969Row(l) is var row && row == EducationLevel1969.INDETERMINE ? "NIVEAU_9" : $"NIVEAU_{row}"),
            ("VALIDATION", Enum.GetValues<ValidationNature>().Select(v => $"VALIDATION_{v}").Append("VALIDATION_NON_CONNUE").ToArray(),
                x => x.Validation is { } v ? $"VALIDATION_{v}" : "VALIDATION_NON_CONNUE"),
            ("DUREE", Enum.GetValues<TrainingDuration>().Select(d => $"DUREE_{d}").Append("DUREE_NON_CONNUE").ToArray(),
                x => x.Days is not { } d ? "DUREE_NON_CONNUE"
                    : d < 3 * ConsolidationReport.DaysPerMonth ? "DUREE_MOINS_3_MOIS"
                    : d < 6 * ConsolidationReport.DaysPerMonth ? "DUREE_DE_3_A_6_MOIS"
                    : d <= 12 * ConsolidationReport.DaysPerMonth ? "DUREE_DE_6_A_12_MOIS" : "DUREE_PLUS_12_MOIS"),
        };
        Fill(trainingTable, rowsT.Select(b => (b.Block, b.Keys)).ToList(),
            training.Select(g => (g.Key.Sex, g.Count, Keys: rowsT.Select(b => b.Of((g.Key.Domain, g.Key.Level, g.Key.Validation, g.Key.Days))).ToArray())), checks);
        return ([employmentTable, trainingTable], checks);
    }

    /// <summary>
    /// Consistency with the flow table: the population N of table 8 (resp. 9) is the SORTIES_EMPLOI (resp.
    /// SORTIES_FORMATION) row of <c>flows</c>, per sex column, computed by a different query.
    /// </summary>
    public static IEnumerable<ReportCheck> FlowChecks(IReadOnlyList<ReportTable> tables, ReportTable flows)
    {
        foreach (var (table, row) in new[] { (tables[0], "SORTIES_EMPLOI"), (tables[1], "SORTIES_FORMATION") })
        {
            var bad = Columns.Where(c => table["N", c] != flows[row, c]).ToList();
            yield return new ReportCheck($"{table.Id}.flows", bad.Count == 0,
                $"N = {row} du tableau des flux : " + string.Join(" ; ", Columns.Select(c =>
                    $"{c} {table["N", c]!.Value.ToString(CultureInfo.InvariantCulture)} = {flows[row, c]!.Value.ToString(CultureInfo.InvariantCulture)}")) + ".");
        }
    }

    private static void Fill(ReportTable table, List<(string Block, string[] Keys)> blocks,
        IEnumerable<(Sex Sex, int Count, string[] Keys)> groups, List<ReportCheck> checks)
    {
        var counts = new Dictionary<string, Dictionary<string, double>>();
        void Add(string row, string col, double n)
        {
            if (!counts.TryGetValue(row, out var r)) counts[row] = r = Columns.ToDictionary(c => c, _ => 0d);
            r[col] += n;
        }
        foreach (var g in groups)
        {
            var cols = g.Sex switch { Sex.FEMME => new[] { "TOTAL", "FEMME" }, Sex.HOMME => ["TOTAL", "HOMME"], _ => ["TOTAL", "NON_BINAIRE"] };
            foreach (var col in cols)
            {
                Add("N", col, g.Count);
                foreach (var key in g.Keys) Add(key, col, g.Count);
            }
        }
        foreach (var key in blocks.SelectMany(b => b.Keys).Prepend("N"))
        {
            var row = table.Add(key);
            foreach (var col in Columns) row[col] = counts.GetValueOrDefault(key)?[col] ?? 0;
        }
        foreach (var (block, keys) in blocks)
        {
            var bad = Columns.Where(c => keys.Sum(k => table[k, c]!.Value) != table["N", c]).ToList();
            checks.Add(new ReportCheck($"{table.Id}.{block.ToLowerInvariant()}", bad.Count == 0,
                $"Le bloc {block} somme à N (non connu compris) : " + string.Join(" ; ", Columns.Select(c =>
                    $"{c} {keys.Sum(k => table[k, c]!.Value).ToString(CultureInfo.InvariantCulture)} = {table["N", c]!.Value.ToString(CultureInfo.InvariantCulture)}")) + "."));
        }
    }
}
