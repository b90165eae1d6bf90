using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;

namespace Parcours.Core.Reporting;

/// <summary>
/// National PLIE consolidation of a year (reports.md RPT-01, RPT-03, RPT-04, RPT-10; rules R-201 to R-210, R-217,
/// R-219, R-220): flows, rates, durations and steps, with their identity checks. Every figure comes from two
/// set-based queries (one over pathways, one over steps) grouped by the raw codes of the profile at entry; the small
/// grouped result is mapped to the national rows and columns in C# with the code-list functions of the domain, so
/// each mapping has one definition. The queries go through the <see cref="ParcoursDbContext"/>, so the access scope
/// of the caller applies (a coordinator sees their programme only).
/// </summary>
public sealed class ConsolidationReport(ParcoursDbContext db)
{
    public const string Name = "consolidation";

    public static readonly IReadOnlyList<string> CategoryColumns =
    [
        "TOTAL", "FEMME", "HOMME", "NON_BINAIRE", "MOINS_26", "PLUS_26", "AGE_NON_RENSEIGNE", "TH",
        "DELD", "RSA", "AUTRE", "PUBLIC_NON_RENSEIGNE",
        "NIV_VI", "NIV_V_BIS", "NIV_V", "NIV_IV_ET_PLUS", "NIV_INDETERMINE",
    ];

    public static readonly IReadOnlyList<string> StepColumns = ["TOTAL", "FEMME", "HOMME", "NON_BINAIRE", "FINANCED"];

    public static readonly IReadOnlyList<string> ExitRows =
        Enum.GetValues<ConsolidationExitRow>().Select(r => "SORTIES_" + r).ToList();

    public static readonly IReadOnlyList<string> FlowRows =
    [
        "ENTREES", "REPORT", "EN_PARCOURS", "SORTIES_POSITIVES", "SORTIES_EMPLOI", "SORTIES_FORMATION",
        "SORTIES_AUTRES_POSITIVES", "SORTIES_ABANDON", "SORTIES_DEMENAGEMENT_DECES_RETRAITE",
        "SORTIES_AUTRES_SANS_SUITE", "SORTIES_SANS_SUITE", "TOTAL_SORTIES", "EN_PARCOURS_FIN",
    ];

    public static readonly IReadOnlyList<string> RateRows =
        ["POSITIVE_OVER_EXITS", "POSITIVE_OVER_EXITS_NEUTRALISED", "POSITIVE_OVER_ENTRIES", "ABANDON_OVER_EXITS"];

    public static readonly IReadOnlyList<string> DurationRows = ["POSITIVE", "SANS_SUITE", "TOTAL"];

    /// <summary>Days to months for durations: days × 12 ÷ 365.25, that is days ÷ 30.4375 (R-210).</summary>
    public const double DaysPerMonth = 365.25 / 12;

    /// <summary>
    /// Computes the consolidation of <paramref name="year"/> for the PLIE whose codes are given (all visible PLIE
    /// when none). Throws <see cref="ArgumentException"/> with a French message for an unknown code.
    /// </summary>
    public async Task<ReportResult> ComputeAsync(int year, IReadOnlyCollection<string>? organisationCodes = null, CancellationToken ct = default)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        await using var snapshot = await ReportSnapshot.BeginAsync(db, ct);
        var organisations = await ResolveOrganisationsAsync(db, organisationCodes, ct);
        var orgIds = organisations.Select(o => o.Id).ToList();

        var result = new ReportResult { Report = Name, Year = year, Organisations = organisations.Select(o => o.Code).ToList() };
        result.Definitions.AddRange(Definitions(year));

        // The three large queries (pathways, steps, exits with their exit steps) run at the same time on PostgreSQL,
        // each on a connection of its own reading the report's snapshot; one after the other on SQLite.
        var flowTask = snapshot.RunAsync(c => FlowGroupsAsync(c, orgIds, start, end, ct), OneProcess, ct);
        var stepTask = snapshot.RunAsync(c => StepGroupsAsync(c, orgIds, start, end, ct), OneWorker, ct);
        // The 50,000 exits of a year read their exit steps by primary key; priced with the default random-page cost
        // (4, for spinning disks), the join would read all the steps instead (a third slower on cached data). Each
        // exit has its own exit step, so a memo of the lookups never hits: it is turned off (a fifth less CPU).
        var exitTask = snapshot.RunAsync(c => ExitDetailTables.ComputeAsync(c, orgIds, start, end, ct), ExitSettings, ct);
        await Task.WhenAll(flowTask, stepTask, exitTask);
        var flows = BuildFlows(await flowTask, out var hidden);
        var rates = BuildRates(flows, hidden);
        var durations = BuildDurations(hidden);
        var stepGroups = await stepTask;
        var providerKinds = await ProviderKindsAsync(stepGroups, ct);
        // The step table does not count persons: the groups that differ only by person are added up first
        // (about 100,000 groups become a few hundred at 1,000,000 pathways).
        var byKey = new Dictionary<(StepType, Sex, bool, ContractType?, bool, bool, long?), int>();
        foreach (var g in stepGroups)
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byKey,
                (g.Type, g.Sex, g.Financed, g.Contract, g.LongerThanSixMonths, g.OpenEnded, g.Provider), out _) += g.Count;
        var stepTotals = byKey.Select(e => new StepGroup(e.Key.Item1, e.Key.Item2, e.Key.Item3, e.Key.Item4, e.Key.Item5, e.Key.Item6, e.Key.Item7, e.Value)).ToList();
        var steps = BuildSteps(stepTotals, providerKinds, flows, hidden, out var stepHidden);

        var (exitTables, exitChecks) = await exitTask;
        var (siaeTables, siaeChecks) = SiaeTables.Compute(stepGroups, providerKinds, flows, steps);
        var (fundingTables, fundingChecks) = await FundingTables.ComputeAsync(db, orgIds, year, flows, ct);
        result.Tables.AddRange([flows, rates, durations, steps, .. siaeTables, .. exitTables, .. fundingTables]);
        result.Checks.AddRange(FlowChecks(flows, hidden));
        result.Checks.AddRange(DurationChecks(flows, hidden));
        result.Checks.AddRange(StepChecks(steps, stepHidden));
        result.Checks.AddRange(siaeChecks);
        result.Checks.AddRange(exitChecks);
        result.Checks.AddRange(ExitDetailTables.FlowChecks(exitTables, flows));
        result.Checks.AddRange(fundingChecks);
        return result;
    }

    // The three queries share the cores: the pathway and exit queries in one process each, the steps query (the
    // longest) with one parallel worker. Measured on 2 cores: 1.5–1.7 s, against 1.85 s with the planner's two workers
    // and 1.96 s with none (docs/reporting.md).
    private const string OneProcess = "SET LOCAL max_parallel_workers_per_gather = 0";
    private const string OneWorker = "SET LOCAL max_parallel_workers_per_gather = 1";
    private const string ExitSettings = "SET LOCAL random_page_cost = 1.1; SET LOCAL enable_memoize = off; " + OneProcess;

    private static IEnumerable<string> Definitions(int year) =>
    [
        $"Parcours du dispositif PLIE ; période du 01/01/{year} au 31/12/{year}.",
        "Entrées : date d'entrée dans l'année. Report : entrée avant le 1er janvier et pas de sortie avant le 1er janvier. En parcours = entrées + report.",
        "Sorties : date de sortie dans l'année ; une sortie en emploi durable prend la date de validation, 6 mois après le début de l'emploi (R-119).",
        "Catégories à l'entrée (R-219) ; taux = rapports de sommes ; motifs neutralisés : déménagement, décès, retraite.",
        "Durées : (date de sortie − date d'entrée) en jours × 12 ÷ 365,25, temps en veille inclus.",
        "Étapes : étapes dont la période chevauche l'année, des parcours en parcours dans l'année (R-217).",
        $"Financements (tableaux 6, 6 bis et 7) : montants programmés (prévisionnels, R-811) des lignes de programmation de l'année (6 bis : {year - MultiYearFlowsReport.DefaultYears + 1} à {year}) votées ou à un statut ultérieur, hors lignes abandonnées ou intégrées (R-407). Axe assistance technique : objectif spécifique AXE4_AT ; toute autre ligne relève de l'axe inclusion. Autofinancement : autres financements publics si l'opérateur est un organisme public, privés sinon.",
        "Fonds alloués (tableau 7) : financements mobilisés des lignes de l'année, par nature de l'opérateur ; opération interne : mode d'achat OPERATION_INTERNE ou ligne portée par le PLIE ou sa structure porteuse.",
        "Indicateurs de financement : base « direct + indirect » (méthode du réseau) et base « direct seul » (R-409) ; financement par participant = financements ÷ participants en parcours dans l'année des PLIE ayant fourni des financements (R-216).",
    ];

    // ------------------------------------------------------------------ organisations

    internal static async Task<List<(long Id, string Code)>> ResolveOrganisationsAsync(ParcoursDbContext db, IReadOnlyCollection<string>? codes, CancellationToken ct)
    {
        if (codes is { Count: > 0 })
        {
            var found = await db.Organisations.AsNoTracking().Where(o => codes.Contains(o.Code))
                .OrderBy(o => o.Code).Select(o => new { o.Id, o.Code }).ToListAsync(ct);
            var missing = codes.Except(found.Select(f => f.Code), StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
                throw new ArgumentException($"Organisation inconnue : {string.Join(", ", missing)}.");
            return found.Select(f => (f.Id, f.Code)).ToList();
        }
        // Every programme organisation that runs at least one visible PLIE pathway: one index probe per organisation
        // (a DISTINCT over the pathways would read them all).
        var orgs = await db.Organisations.AsNoTracking()
            .Where(o => db.Pathways.Any(p => p.OrganisationId == o.Id && p.Scheme == Scheme.PLIE))
            .OrderBy(o => o.Code).Select(o => new { o.Id, o.Code }).ToListAsync(ct);
        return orgs.Select(f => (f.Id, f.Code)).ToList();
    }

    // ------------------------------------------------------------------ pathways query

    /// <summary>One row of the grouped pathway query: a combination of raw codes at entry and its counts.</summary>
    internal sealed record FlowGroup(
        Sex Sex, int AgeClass, bool? Th, PublicCategory? Public, EducationLevel1969? Level1969, EducationLevelFt? LevelFt,
        ExitReason? Reason, int Entries, int CarryOver, int InPathway, int StillIn, int Exits, int ExitsWithEntry,
        long ExitDays, int ExitBeforeEntry);

    internal static async Task<List<FlowGroup>> FlowGroupsAsync(ParcoursDbContext db, List<long> orgIds, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var query = db.Pathways.AsNoTracking()
            .Where(p => p.Scheme == Scheme.PLIE && orgIds.Contains(p.OrganisationId))
            .Where(p => (p.EntryDate != null && p.EntryDate <= end && (p.ExitDate == null || p.ExitDate >= start))
                || (p.EntryDate >= start && p.EntryDate <= end)
                || (p.ExitDate >= start && p.ExitDate <= end))
            .Select(p => new
            {
                Sex = p.ParticipantSex,
                AgeClass = p.AgeAtEntry == null ? 0 : p.AgeAtEntry < 26 ? 1 : 2,
                p.ThRqth,
                p.PublicCategory,
                p.EducationLevel1969,
                p.EducationLevel,
                p.ExitReason,
                p.EntryDate,
                p.ExitDate,
                Entry = p.EntryDate >= start && p.EntryDate <= end ? 1 : 0,
                Carry = p.EntryDate < start && (p.ExitDate == null || p.ExitDate >= start) ? 1 : 0,
                In = p.EntryDate <= end && (p.ExitDate == null || p.ExitDate >= start) ? 1 : 0,
                Still = p.EntryDate <= end && (p.ExitDate == null || p.ExitDate > end) ? 1 : 0,
                Exit = p.ExitDate >= start && p.ExitDate <= end ? 1 : 0,
                ExitWithEntry = p.ExitDate >= start && p.ExitDate <= end && p.EntryDate != null ? 1 : 0,
                Days = p.ExitDate >= start && p.ExitDate <= end && p.EntryDate != null
                    ? p.ExitDate!.Value.DayNumber - p.EntryDate!.Value.DayNumber : 0,
                Reversed = p.ExitDate != null && p.EntryDate != null && p.ExitDate < p.EntryDate ? 1 : 0,
            })
            .GroupBy(p => new { p.Sex, p.AgeClass, p.ThRqth, p.PublicCategory, p.EducationLevel1969, p.EducationLevel, p.ExitReason })
            .Select(g => new
            {
                g.Key,
                Entries = g.Sum(p => p.Entry),
                Carry = g.Sum(p => p.Carry),
                In = g.Sum(p => p.In),
                Still = g.Sum(p => p.Still),
                Exits = g.Sum(p => p.Exit),
                ExitsWithEntry = g.Sum(p => p.ExitWithEntry),
                Days = g.Sum(p => (long)p.Days),
                Reversed = g.Sum(p => p.Reversed),
            });
        var rows = await query.ToListAsync(ct);
        return rows.Select(r => new FlowGroup(r.Key.Sex, r.Key.AgeClass, r.Key.ThRqth, r.Key.PublicCategory, r.Key.EducationLevel1969,
            r.Key.EducationLevel, r.Key.ExitReason, r.Entries, r.Carry, r.In, r.Still, r.Exits, r.ExitsWithEntry, r.Days, r.Reversed)).ToList();
    }

    /// <summary>
    /// The category columns a pathway counts in, from its profile at entry (R-219). TOTAL always, and exactly one
    /// column of each partition: a sex other than FEMME and HOMME counts in NON_BINAIRE, a missing age at entry in
    /// AGE_NON_RENSEIGNE, a missing public category in PUBLIC_NON_RENSEIGNE (the «Non renseigné» of R-005).
    /// </summary>
    internal static IEnumerable<string> ColumnsOf(Sex sex, int ageClass, bool? th, PublicCategory? category,
        EducationLevel1969? level1969, EducationLevelFt? levelFt)
    {
        yield return "TOTAL";
        if (sex == Sex.FEMME) yield return "FEMME";
        else if (sex == Sex.HOMME) yield return "HOMME";
        else yield return "NON_BINAIRE";
        if (ageClass == 1) yield return "MOINS_26";
        else if (ageClass == 2) yield return "PLUS_26";
        else yield return "AGE_NON_RENSEIGNE";
        if (th == true) yield return "TH";
        yield return category is { } c ? c.ToString() : "PUBLIC_NON_RENSEIGNE";
        yield return "NIV_" + EducationGroup(level1969, levelFt);
    }

    /// <summary>The 1969 level when recorded, else the one of the France Travail code; neither gives INDETERMINE (§3.5).</summary>
    internal static ConsolidationEducationGroup EducationGroup(EducationLevel1969? level1969, EducationLevelFt? levelFt) =>
        level1969 is not null ? Education.ConsolidationGroup(level1969)
        : levelFt is { } ft ? Education.ConsolidationGroup(ft)
        : ConsolidationEducationGroup.INDETERMINE;

    /// <summary>Figures used by checks and derived tables but not published as rows.</summary>
    internal sealed class Hidden
    {
        public readonly Dictionary<string, double> InPathway = [];
        public readonly Dictionary<string, double> StillIn = [];
        public readonly Dictionary<string, double> Neutralised = [];
        public readonly Dictionary<string, double> OtherSex = [];
        public readonly Dictionary<string, double> UnknownAge = [];
        public readonly Dictionary<string, double> UnknownCategory = [];
        public readonly Dictionary<string, double> NoReason = [];
        public readonly Dictionary<string, (double N, double Days)> DurationPositive = [];
        public readonly Dictionary<string, (double N, double Days)> DurationWithout = [];
        public readonly Dictionary<string, (double N, double Days)> DurationTotal = [];
        public int ExitBeforeEntry;
    }

    private static void Add(Dictionary<string, double> d, string key, double n) => d[key] = d.GetValueOrDefault(key) + n;

    private static void Add(Dictionary<string, (double N, double Days)> d, string key, double n, double days)
    {
        var (a, b) = d.GetValueOrDefault(key);
        d[key] = (a + n, b + days);
    }

    /// <summary>
    /// The tables flows and rates from the groups of <see cref="FlowGroupsAsync"/>, with the checks of the flows and
    /// durations: what the coordinator's dashboard shows of the consolidation, without its other queries.
    /// </summary>
    internal static (ReportTable Flows, ReportTable Rates, List<ReportCheck> Checks) FlowsAndRates(List<FlowGroup> groups)
    {
        var flows = BuildFlows(groups, out var hidden);
        return (flows, BuildRates(flows, hidden), [.. FlowChecks(flows, hidden), .. DurationChecks(flows, hidden)]);
    }

    private static ReportTable BuildFlows(List<FlowGroup> groups, out Hidden hidden)
    {
        hidden = new Hidden();
        var counts = FlowRows.ToDictionary(r => r, _ => CategoryColumns.ToDictionary(c => c, _ => 0d));
        foreach (var g in groups)
        {
            hidden.ExitBeforeEntry += g.ExitBeforeEntry;
            foreach (var col in ColumnsOf(g.Sex, g.AgeClass, g.Th, g.Public, g.Level1969, g.LevelFt))
            {
                counts["ENTREES"][col] += g.Entries;
                counts["REPORT"][col] += g.CarryOver;
                counts["TOTAL_SORTIES"][col] += g.Exits;
                Add(hidden.InPathway, col, g.InPathway);
                Add(hidden.StillIn, col, g.StillIn);
                if (col == "TOTAL")
                {
                    if (g.Sex is not (Sex.FEMME or Sex.HOMME)) Add(hidden.OtherSex, "TOTAL", g.Entries + g.CarryOver);
                    if (g.AgeClass == 0) Add(hidden.UnknownAge, "TOTAL", g.Entries + g.CarryOver);
                    if (g.Public is null) Add(hidden.UnknownCategory, "TOTAL", g.Entries + g.CarryOver);
                }
                Add(hidden.DurationTotal, col, g.ExitsWithEntry, g.ExitDays);
                if (g.Reason is not { } reason)
                {
                    Add(hidden.NoReason, col, g.Exits);
                    continue;
                }
                var positive = ExitReasons.Category(reason) == ExitCategory.POSITIVE;
                counts["SORTIES_" + ExitReasons.ConsolidationRow(reason)][col] += g.Exits;
                counts[positive ? "SORTIES_POSITIVES" : "SORTIES_SANS_SUITE"][col] += g.Exits;
                Add(positive ? hidden.DurationPositive : hidden.DurationWithout, col, g.ExitsWithEntry, g.ExitDays);
                if (ExitReasons.IsNeutralisable(reason)) Add(hidden.Neutralised, col, g.Exits);
            }
        }
        foreach (var col in CategoryColumns)
        {
            counts["EN_PARCOURS"][col] = counts["ENTREES"][col] + counts["REPORT"][col];
            counts["EN_PARCOURS_FIN"][col] = counts["EN_PARCOURS"][col] - counts["TOTAL_SORTIES"][col];
        }
        var table = new ReportTable("flows", "Flux d'entrées et de sorties", CategoryColumns);
        foreach (var rowKey in FlowRows)
        {
            var row = table.Add(rowKey);
            foreach (var col in CategoryColumns) row[col] = counts[rowKey][col];
        }
        return table;
    }

    private static double? Ratio(double numerator, double denominator) => denominator == 0 ? null : numerator / denominator;

    private static ReportTable BuildRates(ReportTable flows, Hidden hidden)
    {
        var table = new ReportTable("rates", "Taux de sortie", CategoryColumns) { Kind = CellKind.Rate };
        var overExits = table.Add("POSITIVE_OVER_EXITS");
        var neutralised = table.Add("POSITIVE_OVER_EXITS_NEUTRALISED");
        var overEntries = table.Add("POSITIVE_OVER_ENTRIES");
        var abandon = table.Add("ABANDON_OVER_EXITS");
        foreach (var col in CategoryColumns)
        {
            var positive = flows["SORTIES_POSITIVES", col]!.Value;
            var exits = flows["TOTAL_SORTIES", col]!.Value;
            overExits[col] = Ratio(positive, exits);
            neutralised[col] = Ratio(positive, exits - hidden.Neutralised.GetValueOrDefault(col));
            overEntries[col] = Ratio(positive, flows["ENTREES", col]!.Value);
            abandon[col] = Ratio(flows["SORTIES_ABANDON", col]!.Value, exits);
        }
        return table;
    }

    private static ReportTable BuildDurations(Hidden hidden)
    {
        var table = new ReportTable("durations", "Durée moyenne des parcours (mois)", CategoryColumns) { Kind = CellKind.Mean };
        foreach (var (key, source) in new[] { ("POSITIVE", hidden.DurationPositive), ("SANS_SUITE", hidden.DurationWithout), ("TOTAL", hidden.DurationTotal) })
        {
            var row = table.Add(key);
            foreach (var col in CategoryColumns)
            {
                var (n, days) = source.GetValueOrDefault(col);
                row[col] = n == 0 ? null : days / n / DaysPerMonth;
            }
        }
        return table;
    }

    // ------------------------------------------------------------------ steps query

    /// <summary>
    /// One row of the grouped step query. <see cref="Person"/> is the participant for the steps that tables 4 and 5
    /// count by person (<see cref="SiaeTables.StepTypes"/>), null for the others: one pass over the steps serves the
    /// step table and tables 4 and 5.
    /// </summary>
    internal sealed record StepGroup(StepType Type, Sex Sex, bool Financed, ContractType? Contract, bool LongerThanSixMonths,
        bool OpenEnded, long? Provider, int Count, long? Person = null);

    private static readonly List<StepType> SiaeTypes = [.. SiaeTables.StepTypes];

    private static async Task<List<StepGroup>> StepGroupsAsync(ParcoursDbContext db, List<long> orgIds, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var rows = await db.Steps.AsNoTracking()
            .Where(s => s.StartDate <= end && (s.EndDate == null || s.EndDate >= start))
            .Where(s => s.Pathway!.Scheme == Scheme.PLIE && orgIds.Contains(s.Pathway.OrganisationId)
                && s.Pathway.EntryDate != null && s.Pathway.EntryDate <= end
                && (s.Pathway.ExitDate == null || s.Pathway.ExitDate >= start))
            .Select(s => new
            {
                s.StepType,
                Sex = s.Pathway!.ParticipantSex,
                Person = SiaeTypes.Contains(s.StepType) ? (long?)s.Pathway.ParticipantId : null,
                Financed = s.FinancedByProgramme == true,
                // Contract data matter only for clause steps (codelists.md §5.4 rule 2); null elsewhere keeps the groups few.
                Contract = s.StepType == StepType.CLAUSE_SOCIALE ? s.ContractType : null,
                Long = s.StepType == StepType.CLAUSE_SOCIALE && s.ContractMonths > 6m,
                Open = s.StepType == StepType.CLAUSE_SOCIALE && s.OpenEnded == true,
                Provider = s.StepType == StepType.CLAUSE_SOCIALE ? s.ProviderOrganisationId : null,
            })
            .GroupBy(s => new { s.StepType, s.Sex, s.Person, s.Financed, s.Contract, s.Long, s.Open, s.Provider })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => new StepGroup(r.Key.StepType, r.Key.Sex, r.Key.Financed, r.Key.Contract, r.Key.Long, r.Key.Open, r.Key.Provider, r.Count, r.Key.Person)).ToList();
    }

    private async Task<Dictionary<long, OrganisationKind>> ProviderKindsAsync(List<StepGroup> groups, CancellationToken ct)
    {
        var ids = groups.Where(g => g.Provider is not null).Select(g => g.Provider!.Value).Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Kind, ct);
    }

    /// <summary>Row of a step in the national table: by type, or by contract for a clause step (§5.4 rule 2).</summary>
    internal static ConsolidationStepRow StepRow(StepGroup g, IReadOnlyDictionary<long, OrganisationKind> providers) =>
        StepTypes.ConsolidationRow(g.Type) ?? (g.Contract is { } contract
            ? ContractRules.ClauseStepRow(contract, g.LongerThanSixMonths ? 7m : null, g.OpenEnded,
                g.Provider is { } id && providers.TryGetValue(id, out var kind) ? kind : null)
            : ConsolidationStepRow.AUTRES_CONTRATS);

    internal sealed class StepHidden
    {
        public readonly Dictionary<string, double> Counted = [];
    }

    private static ReportTable BuildSteps(List<StepGroup> groups, IReadOnlyDictionary<long, OrganisationKind> providers,
        ReportTable flows, Hidden hidden, out StepHidden stepHidden)
    {
        stepHidden = new StepHidden();
        var rowKeys = Enum.GetValues<ConsolidationStepRow>().Select(r => r.ToString()).Append("TOTAL").ToList();
        var counts = rowKeys.ToDictionary(r => r, _ => StepColumns.ToDictionary(c => c, _ => 0d));
        foreach (var g in groups)
        {
            var leaf = StepRow(g, providers);
            var cols = new List<string> { "TOTAL" };
            if (g.Sex == Sex.FEMME) cols.Add("FEMME");
            else if (g.Sex == Sex.HOMME) cols.Add("HOMME");
            else cols.Add("NON_BINAIRE");
            if (g.Financed) cols.Add("FINANCED");
            foreach (var col in cols)
            {
                // Each step counted once in TOTAL, independently of the hierarchy, so the checks below mean something.
                counts["TOTAL"][col] += g.Count;
                Add(stepHidden.Counted, col, g.Count);
                for (ConsolidationStepRow? row = leaf; row is { } r; row = ConsolidationStepRows.Parent(r))
                    counts[r.ToString()][col] += g.Count;
            }
        }
        var table = new ReportTable("steps", "Étapes de parcours", StepColumns);
        foreach (var key in rowKeys)
        {
            var row = table.Add(key);
            foreach (var col in StepColumns) row[col] = counts[key][col];
        }
        var mean = table.Add("MOYENNE_PAR_PARTICIPANT", CellKind.Mean);
        mean["TOTAL"] = Ratio(counts["TOTAL"]["TOTAL"], flows["EN_PARCOURS", "TOTAL"]!.Value);
        mean["FEMME"] = Ratio(counts["TOTAL"]["FEMME"], flows["EN_PARCOURS", "FEMME"]!.Value);
        mean["HOMME"] = Ratio(counts["TOTAL"]["HOMME"], flows["EN_PARCOURS", "HOMME"]!.Value);
        mean["NON_BINAIRE"] = Ratio(counts["TOTAL"]["NON_BINAIRE"], flows["EN_PARCOURS", "NON_BINAIRE"]!.Value);
        mean["FINANCED"] = Ratio(counts["TOTAL"]["FINANCED"], flows["EN_PARCOURS", "TOTAL"]!.Value);
        return table;
    }

    // ------------------------------------------------------------------ checks (R-220)

    private static string F(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.GetCultureInfo("fr-FR")) : "—";

    /// <summary>
    /// Runs an equality per column and reports it as one check: the figures of TOTAL when every column holds, the
    /// figures of each failing column otherwise.
    /// </summary>
    private static ReportCheck PerColumn(string id, string label, IEnumerable<string> columns, Func<string, (bool Ok, string Figures)> test,
        string summary = "TOTAL", string unit = "colonnes")
    {
        var failures = new List<string>();
        string? total = null;
        var n = 0;
        foreach (var col in columns)
        {
            n++;
            var (ok, figures) = test(col);
            if (col == summary) total = figures;
            if (!ok) failures.Add($"{col} : {figures}");
        }
        return failures.Count == 0
            ? new ReportCheck(id, true, $"{label} : vérifié sur {n} {unit} ({summary} : {total}).")
            : new ReportCheck(id, false, $"{label} : en échec — {string.Join(" ; ", failures)}.");
    }

    private static IEnumerable<ReportCheck> FlowChecks(ReportTable flows, Hidden hidden)
    {
        double V(string row, string col) => flows[row, col]!.Value;
        yield return hidden.ExitBeforeEntry == 0
            ? new ReportCheck("flows.exit_after_entry", true, "Aucun parcours retenu n'a une date de sortie antérieure à sa date d'entrée.")
            : new ReportCheck("flows.exit_after_entry", false, $"{hidden.ExitBeforeEntry} parcours ont une date de sortie antérieure à leur date d'entrée.");
        yield return PerColumn("flows.in_pathway", "ENTREES + REPORT = parcours présents dans l'année", CategoryColumns, c =>
        {
            var direct = hidden.InPathway.GetValueOrDefault(c);
            return (V("EN_PARCOURS", c) == direct, $"{F(V("ENTREES", c))} + {F(V("REPORT", c))} = {F(V("EN_PARCOURS", c))}, comptés directement : {F(direct)}");
        });
        yield return PerColumn("flows.identity", "EN_PARCOURS − TOTAL_SORTIES = file active au 31 décembre", CategoryColumns, c =>
        {
            var stock = hidden.StillIn.GetValueOrDefault(c);
            return (V("EN_PARCOURS_FIN", c) == stock, $"{F(V("EN_PARCOURS", c))} − {F(V("TOTAL_SORTIES", c))} = {F(V("EN_PARCOURS_FIN", c))}, file active comptée : {F(stock)}");
        });
        yield return PerColumn("flows.end_not_negative", "EN_PARCOURS_FIN ≥ 0", CategoryColumns, c =>
            (V("EN_PARCOURS_FIN", c) >= 0, $"EN_PARCOURS_FIN = {F(V("EN_PARCOURS_FIN", c))}"));
        yield return PerColumn("flows.positive_exits", "SORTIES_POSITIVES = EMPLOI + FORMATION + AUTRES_POSITIVES", CategoryColumns, c =>
        {
            var sum = V("SORTIES_EMPLOI", c) + V("SORTIES_FORMATION", c) + V("SORTIES_AUTRES_POSITIVES", c);
            return (sum == V("SORTIES_POSITIVES", c), $"{F(V("SORTIES_EMPLOI", c))} + {F(V("SORTIES_FORMATION", c))} + {F(V("SORTIES_AUTRES_POSITIVES", c))} = {F(sum)}, SORTIES_POSITIVES = {F(V("SORTIES_POSITIVES", c))}");
        });
        yield return PerColumn("flows.exits_without_follow_on", "SORTIES_SANS_SUITE = ABANDON + DEMENAGEMENT_DECES_RETRAITE + AUTRES_SANS_SUITE", CategoryColumns, c =>
        {
            var sum = V("SORTIES_ABANDON", c) + V("SORTIES_DEMENAGEMENT_DECES_RETRAITE", c) + V("SORTIES_AUTRES_SANS_SUITE", c);
            return (sum == V("SORTIES_SANS_SUITE", c), $"{F(V("SORTIES_ABANDON", c))} + {F(V("SORTIES_DEMENAGEMENT_DECES_RETRAITE", c))} + {F(V("SORTIES_AUTRES_SANS_SUITE", c))} = {F(sum)}, SORTIES_SANS_SUITE = {F(V("SORTIES_SANS_SUITE", c))}");
        });
        yield return PerColumn("flows.total_exits", "TOTAL_SORTIES = SORTIES_POSITIVES + SORTIES_SANS_SUITE", CategoryColumns, c =>
        {
            var sum = V("SORTIES_POSITIVES", c) + V("SORTIES_SANS_SUITE", c);
            return (sum == V("TOTAL_SORTIES", c), $"{F(V("SORTIES_POSITIVES", c))} + {F(V("SORTIES_SANS_SUITE", c))} = {F(sum)}, TOTAL_SORTIES = {F(V("TOTAL_SORTIES", c))} (dont sans motif : {F(hidden.NoReason.GetValueOrDefault(c))})");
        });
        foreach (var (id, label, parts) in new[]
        {
            ("flows.partition.sex", "FEMME + HOMME + NON_BINAIRE = TOTAL", new[] { "FEMME", "HOMME", "NON_BINAIRE" }),
            ("flows.partition.age", "MOINS_26 + PLUS_26 + AGE_NON_RENSEIGNE = TOTAL", new[] { "MOINS_26", "PLUS_26", "AGE_NON_RENSEIGNE" }),
            ("flows.partition.public", "DELD + RSA + AUTRE + PUBLIC_NON_RENSEIGNE = TOTAL", new[] { "DELD", "RSA", "AUTRE", "PUBLIC_NON_RENSEIGNE" }),
            ("flows.partition.education", "NIV_VI + NIV_V_BIS + NIV_V + NIV_IV_ET_PLUS + NIV_INDETERMINE = TOTAL",
                new[] { "NIV_VI", "NIV_V_BIS", "NIV_V", "NIV_IV_ET_PLUS", "NIV_INDETERMINE" }),
        })
        {
            // One check per partition, on every row of the flow table.
            yield return PerColumn(id, label, FlowRows, row =>
            {
                var sum = parts.Sum(p => V(row, p));
                return (sum == V(row, "TOTAL"), $"{string.Join(" + ", parts.Select(p => F(V(row, p))))} = {F(sum)}, TOTAL = {F(V(row, "TOTAL"))}");
            }, summary: "EN_PARCOURS", unit: "lignes") is var check && check.Passed
                ? check
                : check with { Detail = check.Detail + PartitionHint(id, hidden) };
        }
    }

    private static string PartitionHint(string id, Hidden hidden) => id switch
    {
        "flows.partition.sex" when hidden.OtherSex.GetValueOrDefault("TOTAL") > 0 => $" ({F(hidden.OtherSex["TOTAL"])} parcours d'une personne d'un autre sexe)",
        "flows.partition.age" when hidden.UnknownAge.GetValueOrDefault("TOTAL") > 0 => $" ({F(hidden.UnknownAge["TOTAL"])} parcours sans âge à l'entrée)",
        "flows.partition.public" when hidden.UnknownCategory.GetValueOrDefault("TOTAL") > 0 => $" ({F(hidden.UnknownCategory["TOTAL"])} parcours sans catégorie de public)",
        _ => "",
    };

    private static IEnumerable<ReportCheck> DurationChecks(ReportTable flows, Hidden hidden)
    {
        yield return PerColumn("durations.counts", "Parcours mesurés = sorties de l'année ayant une date d'entrée", CategoryColumns, c =>
        {
            var (pos, _) = hidden.DurationPositive.GetValueOrDefault(c);
            var (without, _) = hidden.DurationWithout.GetValueOrDefault(c);
            var (total, _) = hidden.DurationTotal.GetValueOrDefault(c);
            return (pos + without == total && total == flows["TOTAL_SORTIES", c], $"{F(pos)} positives + {F(without)} sans suite = {F(pos + without)}, toutes sorties mesurées {F(total)}, TOTAL_SORTIES {F(flows["TOTAL_SORTIES", c])}");
        });
    }

    private static IEnumerable<ReportCheck> StepChecks(ReportTable steps, StepHidden hidden)
    {
        var top = Enum.GetValues<ConsolidationStepRow>().Where(r => ConsolidationStepRows.Parent(r) is null).ToList();
        yield return PerColumn("steps.total", "TOTAL = " + string.Join(" + ", top), StepColumns, c =>
        {
            var sum = top.Sum(r => steps[r.ToString(), c]!.Value);
            return (sum == steps["TOTAL", c], $"{F(sum)}, TOTAL = {F(steps["TOTAL", c])}");
        });
        var subtotals = Enum.GetValues<ConsolidationStepRow>().Where(ConsolidationStepRows.IsSubtotal).ToList();
        yield return PerColumn("steps.subtotals", "Chaque sous-total = somme de ses lignes", StepColumns, c =>
        {
            var bad = subtotals.Where(s => steps[s.ToString(), c] != Enum.GetValues<ConsolidationStepRow>()
                .Where(r => ConsolidationStepRows.Parent(r) == s).Sum(r => steps[r.ToString(), c]!.Value)).ToList();
            return (bad.Count == 0, bad.Count == 0 ? $"{subtotals.Count} sous-totaux" : "sous-totaux faux : " + string.Join(", ", bad));
        });
        var women = steps["TOTAL", "FEMME"]!.Value;
        var men = steps["TOTAL", "HOMME"]!.Value;
        var other = steps["TOTAL", "NON_BINAIRE"]!.Value;
        var all = steps["TOTAL", "TOTAL"]!.Value;
        yield return new ReportCheck("steps.partition.sex", women + men + other == all,
            $"FEMME + HOMME + NON_BINAIRE = TOTAL : {F(women)} + {F(men)} + {F(other)} = {F(women + men + other)}, TOTAL = {F(all)}.");
    }
}
