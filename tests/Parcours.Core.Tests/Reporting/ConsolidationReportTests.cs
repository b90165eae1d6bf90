using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.Core.Reporting;
using Parcours.Core.Tests.Support;
using Parcours.TestCommon.Reporting;

namespace Parcours.Core.Tests.Reporting;

/// <summary>
/// Reference tests of the national consolidation on the hand-built dataset <c>Datasets/plie-2024</c>, run on SQLite
/// and PostgreSQL. Every expected figure is computed by hand below from the dataset.
///
/// The dataset, year Y = 2024, PLIE «PLIE-REF» (sex, age at entry, TH, public category, education → group):
///
/// | pw | sex | age | TH | public | education      | entry      | exit       | reason                | in 2024 |
/// |----|-----|-----|----|--------|----------------|------------|------------|-----------------------|---------|
/// | A  | F   | 30  |    | RSA    | 1969 V    → V  | 2024-01-01 |            |                       | entry on 1 January; still in |
/// | B  | H   | 22  | TH | DELD   | 1969 VI   → VI | 2023-05-10 | 2024-12-31 | ABANDON               | carried over; exit on 31 December |
/// | C  | F   | 40  |    | AUTRE  | 1969 IV   → IV+| 2024-02-15 | 2024-11-15 | FORMATION_QUALIFIANTE | entered and exited in 2024 |
/// | D  | H   | 45  |    | RSA    | 1969 V bis→ Vb | 2023-03-01 | 2025-01-02 | EMPLOI_DURABLE        | carried over; job from 2024-07-02 validated 2 Jan 2025: still in |
/// | E  | F   | 50  |    | DELD   | 1969 III  → IV+| 2022-06-01 | 2024-03-20 | DEMENAGEMENT          | carried over; neutralisable exit |
/// | F  | H   | 35  |    | AUTRE  | none      → IND| 2022-01-10 | 2023-12-31 | ABANDON               | left on 31 Dec 2023: not counted |
/// | G1 | H   | 24  |    | RSA    | 1969 V    → V  | 2023-01-05 | 2024-04-30 | EMPLOI_DURABLE        | carried over; positive (employment) |
/// | G2 | H   | 25  |    | RSA    | 1969 V    → V  | 2024-09-01 |            |                       | re-entry of G1's person; still in |
/// | H  | F   | 60  | TH | AUTRE  | FT CFG    → VI | 2024-10-01 |            |                       | entry; still in |
/// | I  | F   | 30  |    | DELD   | 1969 IV        | 2024-03-01 |            |                       | other PLIE (PLIE-AUTRE) |
/// | J  | H   |     |    |        |                | (non-entry 2024-03-01)  |  |                       | never entered: not counted |
/// | K  | H   | 37  |    | RSA    |                | 2024-01-15 |            |                       | scheme ACCOMPAGNEMENT_RSA: not counted |
/// | L  | F   | 41  |    | AUTRE  | 1969 IV        | 2025-01-01 |            |                       | entry in 2025: not counted |
/// | M  | H   | 28  |    | DELD   | 1969 V    → V  | 2024-03-01 | 2024-09-30 | REORIENTATION         | entered and exited; other without follow-on |
/// | N  | F   | 19  |    | AUTRE  | none      → IND| 2023-11-01 | 2024-06-30 | AUTRE_POSITIVE        | carried over; other positive |
///
/// Pathways of PLIE-REF in pathway in 2024: A, B, C, D, E, G1, G2, H, M, N (10).
/// Entries: A, C, G2, H, M (5). Carried over: B, D, E, G1, N (5). Exits: B, C, E, G1, M, N (6).
/// Positive: C (training), G1 (employment), N (other positive). Without follow-on: B (abandon), E (move), M (other).
/// Still in on 31 December: A, D, G2, H (4) = 10 − 6.
/// </summary>
public abstract class ConsolidationReportTests : IDisposable
{
    private readonly TestDatabase _databases;

    protected ConsolidationReportTests(TestDatabase databases) => _databases = databases;

    public void Dispose()
    {
        _databases.Dispose();
        GC.SuppressFinalize(this);
    }

    private static readonly string[] Columns =
        ["TOTAL", "FEMME", "HOMME", "NON_BINAIRE", "MOINS_26", "PLUS_26", "AGE_NON_RENSEIGNE", "TH", "DELD", "RSA", "AUTRE",
         "PUBLIC_NON_RENSEIGNE", "NIV_VI", "NIV_V_BIS", "NIV_V", "NIV_IV_ET_PLUS", "NIV_INDETERMINE"];

    /// <summary>
    /// Flows of PLIE-REF in 2024, one line per row, columns in the order of <see cref="Columns"/>. Per column, the
    /// pathways behind each figure:
    /// FEMME = A, C, E, H, N; HOMME = B, D, G1, G2, M; MOINS_26 = B (22), G1 (24), G2 (25), N (19); PLUS_26 = A, C, D,
    /// E, H, M; TH = B, H; DELD = B, E, M; RSA = A, D, G1, G2; AUTRE = C, H, N; NIV_VI = B, H (FT code CFG is 1969
    /// level VI); NIV_V_BIS = D; NIV_V = A, G1, G2, M; NIV_IV_ET_PLUS = C (IV), E (III); NIV_INDETERMINE = N.
    /// Example, FEMME: entries A, C, H = 3; carried over E, N = 2; positive C (training) + N (other) = 2;
    /// without follow-on E (move) = 1; exits 3; end 5 − 3 = 2 (A, H).
    /// </summary>
    private const string ExpectedFlows = """
        ENTREES                             5 3 2 0 1 4 0 1 1 2 2 0 1 0 3 1 0
        REPORT                              5 2 3 0 3 2 0 1 2 2 1 0 1 1 1 1 1
        EN_PARCOURS                        10 5 5 0 4 6 0 2 3 4 3 0 2 1 4 2 1
        SORTIES_POSITIVES                   3 2 1 0 2 1 0 0 0 1 2 0 0 0 1 1 1
        SORTIES_EMPLOI                      1 0 1 0 1 0 0 0 0 1 0 0 0 0 1 0 0
        SORTIES_FORMATION                   1 1 0 0 0 1 0 0 0 0 1 0 0 0 0 1 0
        SORTIES_AUTRES_POSITIVES            1 1 0 0 1 0 0 0 0 0 1 0 0 0 0 0 1
        SORTIES_ABANDON                     1 0 1 0 1 0 0 1 1 0 0 0 1 0 0 0 0
        SORTIES_DEMENAGEMENT_DECES_RETRAITE 1 1 0 0 0 1 0 0 1 0 0 0 0 0 0 1 0
        SORTIES_AUTRES_SANS_SUITE           1 0 1 0 0 1 0 0 1 0 0 0 0 0 1 0 0
        SORTIES_SANS_SUITE                  3 1 2 0 1 2 0 1 3 0 0 0 1 0 1 1 0
        TOTAL_SORTIES                       6 3 3 0 3 3 0 1 3 1 2 0 1 0 2 2 1
        EN_PARCOURS_FIN                     4 2 2 0 1 3 0 1 0 3 1 0 1 1 2 0 0
        """;

    /// <summary>
    /// Rates as fractions, "-" for a zero denominator (NIV_V_BIS has no exit; NIV_V_BIS and NIV_INDETERMINE no entry).
    /// Neutralised: E (DEMENAGEMENT: FEMME, PLUS_26, DELD, NIV_IV_ET_PLUS) leaves the denominator, e.g. TOTAL 3 ÷ (6 − 1).
    /// Positive over entries may exceed 1: MOINS_26 has 2 positive exits (G1, N, both carried over) for 1 entry (G2).
    /// </summary>
    private const string ExpectedRates = """
        POSITIVE_OVER_EXITS             3/6 2/3 1/3 - 2/3 1/3 - 0/1 0/3 1/1 2/2 - 0/1 - 1/2 1/2 1/1
        POSITIVE_OVER_EXITS_NEUTRALISED 3/5 2/2 1/3 - 2/3 1/2 - 0/1 0/2 1/1 2/2 - 0/1 - 1/2 1/1 1/1
        POSITIVE_OVER_ENTRIES           3/5 2/3 1/2 - 2/1 1/4 - 0/1 0/1 1/2 2/2 - 0/1 - 1/3 1/1 -
        ABANDON_OVER_EXITS              1/6 0/3 1/3 - 1/3 0/3 - 1/1 1/3 0/1 0/2 - 1/1 - 0/2 0/2 0/1
        """;

    [Fact]
    public async Task Flows_ReferenceDataset_EqualHandComputedFigures()
    {
        var result = await ComputeAsync(2024, "PLIE-REF");

        AssertTable(result.Table("flows"), ExpectedFlows, double.Parse);
    }

    [Fact]
    public async Task Rates_ReferenceDataset_EqualHandComputedRatios()
    {
        var result = await ComputeAsync(2024, "PLIE-REF");

        AssertTable(result.Table("rates"), ExpectedRates, text =>
        {
            var parts = text.Split('/');
            return double.Parse(parts[0], CultureInfo.InvariantCulture) / double.Parse(parts[1], CultureInfo.InvariantCulture);
        });
    }

    [Fact]
    public async Task Durations_ReferenceDataset_MeanMonthsOfTheExitsOfTheYear()
    {
        // Days from entry to exit (checked with a calendar, 2024 is a leap year):
        // B 2023-05-10 → 2024-12-31 = 366 + 235 = 601 (without follow-on; HOMME, MOINS_26, TH, DELD, NIV_VI)
        // C 2024-02-15 → 2024-11-15 = 274              (positive; FEMME, PLUS_26, AUTRE, NIV_IV_ET_PLUS)
        // E 2022-06-01 → 2024-03-20 = 365 + 274 + 19 = 658 (without follow-on; FEMME, PLUS_26, DELD, NIV_IV_ET_PLUS)
        // G1 2023-01-05 → 2024-04-30 = 365 + 91 + 25 = 481 (positive; HOMME, MOINS_26, RSA, NIV_V)
        // M 2024-03-01 → 2024-09-30 = 213              (without follow-on; HOMME, PLUS_26, DELD, NIV_V)
        // N 2023-11-01 → 2024-06-30 = 242              (positive; FEMME, MOINS_26, AUTRE, NIV_INDETERMINE)
        // Months = days × 12 ÷ 365.25 = days ÷ 30.4375. D (exit in 2025) is not measured.
        const double m = 30.4375;
        var durations = (await ComputeAsync(2024, "PLIE-REF")).Table("durations");

        AssertClose((274.0 + 481 + 242) / 3 / m, durations["POSITIVE", "TOTAL"]);   // 10.92 months
        AssertClose((601.0 + 658 + 213) / 3 / m, durations["SANS_SUITE", "TOTAL"]); // 16.12 months
        AssertClose(2469.0 / 6 / m, durations["TOTAL", "TOTAL"]);                   // 13.52 months
        AssertClose((274.0 + 242) / 2 / m, durations["POSITIVE", "FEMME"]);
        AssertClose(658.0 / m, durations["SANS_SUITE", "FEMME"]);
        AssertClose((274.0 + 658 + 242) / 3 / m, durations["TOTAL", "FEMME"]);
        AssertClose(481.0 / m, durations["POSITIVE", "HOMME"]);
        AssertClose((601.0 + 213) / 2 / m, durations["SANS_SUITE", "HOMME"]);
        AssertClose((601.0 + 481 + 213) / 3 / m, durations["TOTAL", "HOMME"]);
        AssertClose(481.0 / m, durations["TOTAL", "RSA"]);
        Assert.Null(durations["SANS_SUITE", "RSA"]);
        Assert.Null(durations["TOTAL", "NIV_V_BIS"]);
        AssertClose((601.0 + 658 + 213) / 3 / m, durations["SANS_SUITE", "DELD"]);
    }

    /// <summary>
    /// Steps overlapping 2024 on the 10 pathways in pathway (financed = F):
    /// S1 A ACTION_MOBILISATION (F) → MOBILISATION, FEMME; S16 A LEVEE_FREINS from 31/12/2024 → MOBILISATION, FEMME;
    /// S2 B ACI to 01/01/2024 → IAE_ACI, HOMME; S9 G2 CLAUSE_SOCIALE CDDI at an ACI provider → IAE_ACI, HOMME (§5.4);
    /// S6 D CUI_CAE to 31/03/2024 → AIDE_CUI_CAE, HOMME; S12 M INTERIM → NON_AIDE_INTERIM, HOMME;
    /// S5 D EMPLOI_SORTIE (CDI) and S8 G1 EMPLOI_SORTIE → EMPLOI_SORTIE, HOMME; S11 H CLAUSE_SOCIALE CDD 12 months
    /// (durable) → EMPLOI_SORTIE, FEMME; S4 C FORMATION_QUALIFIANTE (F) → FEMME; S7 E SAVOIRS_DE_BASE (F) →
    /// FORMATION_NON_QUALIFIANTE, FEMME; S10 H PMSMP → MEDIATION_EMPLOI, FEMME; S15 N CREATION_ENTREPRISE (F) → FEMME.
    /// Not counted: S3 (ended 31/12/2023), S13 (pathway F), S14 (other PLIE), S17 (starts 2025), S18 (RSA scheme).
    /// Subtotals: IAE 2; CONTRATS_AIDES 1; CONTRATS_NON_AIDES 1; HORS_IAE 2; EMPLOIS_PARCOURS 2 + 2 + 0 = 4;
    /// FORMATION 2. TOTAL 2 + 4 + 3 + 2 + 1 + 1 = 13 (FEMME 7, HOMME 6, financed S1, S4, S7, S15 = 4).
    /// Mean per participant: 13 ÷ 10; women 7 ÷ 5; men 6 ÷ 5; financed 4 ÷ 10.
    /// </summary>
    private const string ExpectedSteps = """
        MOBILISATION               2 2 0 1
        EMPLOIS_PARCOURS           4 0 4 0
        IAE                        2 0 2 0
        IAE_ACI                    2 0 2 0
        IAE_EI                     0 0 0 0
        IAE_ETTI                   0 0 0 0
        IAE_AI                     0 0 0 0
        IAE_RQ                     0 0 0 0
        IAE_EITI                   0 0 0 0
        HORS_IAE                   2 0 2 0
        CONTRATS_AIDES             1 0 1 0
        AIDE_CUI_CAE               1 0 1 0
        AIDE_CUI_CIE               0 0 0 0
        AIDE_GEIQ                  0 0 0 0
        AIDE_EMPLOI_AVENIR         0 0 0 0
        CONTRATS_NON_AIDES         1 0 1 0
        NON_AIDE_CDD_COURT         0 0 0 0
        NON_AIDE_INTERIM           1 0 1 0
        NON_AIDE_CDI_TEMPS_PARTIEL 0 0 0 0
        AUTRES_CONTRATS            0 0 0 0
        EMPLOI_SORTIE              3 1 2 0
        FORMATION                  2 2 0 2
        FORMATION_QUALIFIANTE      1 1 0 1
        FORMATION_NON_QUALIFIANTE  1 1 0 1
        MEDIATION_EMPLOI           1 1 0 0
        CREATION_ENTREPRISE        1 1 0 1
        TOTAL                     13 7 6 4
        """;

    [Fact]
    public async Task Steps_ReferenceDataset_EqualHandComputedCounts()
    {
        var steps = (await ComputeAsync(2024, "PLIE-REF")).Table("steps");

        var expected = ExpectedSteps.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(expected.Select(l => l.Split(' ', 2)[0]).Append("MOYENNE_PAR_PARTICIPANT"), steps.Rows.Select(r => r.Key));
        foreach (var line in expected)
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(cells[1..].Select(double.Parse).Cast<double?>(), new[] { "TOTAL", "FEMME", "HOMME", "FINANCED" }.Select(c => steps[cells[0], c]));
        }
        AssertClose(13.0 / 10, steps["MOYENNE_PAR_PARTICIPANT", "TOTAL"]);
        AssertClose(7.0 / 5, steps["MOYENNE_PAR_PARTICIPANT", "FEMME"]);
        AssertClose(6.0 / 5, steps["MOYENNE_PAR_PARTICIPANT", "HOMME"]);
        AssertClose(4.0 / 10, steps["MOYENNE_PAR_PARTICIPANT", "FINANCED"]);
    }

    [Fact]
    public async Task ExitDetails_ReferenceDataset_DescribeTheJustifyingSteps()
    {
        // Tables 8 and 9 (R-218): the one exit to employment of 2024 is G1 (HOMME), justified by S8: exit job on a CDI
        // at a company (ENTREPRISE) of NAF section F with 10-49 employees, no subsidy measure. The one exit to training
        // is C (FEMME), justified by S4: BATIMENT_TP, 2019 level 3 (1969 level V), TITRE_PROFESSIONNEL, from
        // 2024-09-01 to its planned end 2025-03-31 = 211 days = 6.9 months → DE_6_A_12_MOIS.
        var result = await ComputeAsync(2024, "PLIE-REF");

        var employment = result.Table("exits_employment");
        Assert.Equal([1.0, 0, 1], Three(employment, "N"));
        foreach (var row in new[] { "NAF_F", "EMPLOYEUR_ENTREPRISE", "TAILLE_10_49", "CONTRAT_CDI", "MESURE_AUCUNE" })
            Assert.Equal([1.0, 0, 1], Three(employment, row));
        Assert.Equal([0.0, 0, 0], Three(employment, "NAF_NON_CONNU"));
        var training = result.Table("exits_training");
        Assert.Equal([1.0, 1, 0], Three(training, "N"));
        foreach (var row in new[] { "DOMAINE_BATIMENT_TP", "NIVEAU_V", "VALIDATION_TITRE_PROFESSIONNEL", "DUREE_DE_6_A_12_MOIS" })
            Assert.Equal([1.0, 1, 0], Three(training, row));
    }

    /// <summary>
    /// Dataset <c>Datasets/plie-siae-2024</c>, year 2024, PLIE «PLIE-SIAE» (régie de quartier RQ-REF as a provider):
    ///
    /// | pw  | person | sex | age | public | education | entry      | exit                  | steps overlapping 2024 (F = financed)            |
    /// |-----|--------|-----|-----|--------|-----------|------------|-----------------------|--------------------------------------------------|
    /// | QA  | Q1     | F   | 30  | RSA    | V         | 2024-01-15 |                       | T1 EI (F); T2 ACI; T10 ACTION_MOBILISATION (F)   |
    /// | QB1 | Q2     | H   | 40  | DELD   | V         | 2023-03-01 | 2024-03-31 ABANDON    | T3 ACI (F)                                       |
    /// | QB2 | Q2     | H   | 41  | DELD   | V         | 2024-06-01 |                       | T4 ACI (re-entry of Q2)                          |
    /// | QC  | Q3     | NB  |     |        |           | 2024-05-01 |                       | T5 clause CDDI at the RQ (F) → IAE_RQ; T6 GEIQ   |
    /// | QD  | Q4     | H   | 22  | AUTRE  | VI        | 2024-02-01 |                       | T7 ETTI from 31/12/2024 (F); T8 ACI starts 2025  |
    /// | QE  | Q5     | F   | 52  | DELD   | IV        | 2022-01-01 | 2023-12-31 DEMENAGEMENT| T9 AI to 2024-02-01, pathway not in 2024: ignored|
    ///
    /// T9 is imported ending on QE's exit (2023-12-31): a step that continues after the exit is refused on import unless
    /// it is the pathway's exit step (exchange format S1), and QE's move justifies no step. The test then extends it to
    /// 2024-02-01 directly in the database, so that a step overlapping 2024 of a pathway not in pathway in 2024 is there.
    ///
    /// Table 4 (distinct persons per row): ACI = Q1, Q2 (T3 and T4 are one person) = 2 (F 1, H 1); EI = Q1; ETTI = Q4;
    /// RQ = Q3 (clause CDDI with an RQ provider, §5.4 rule 2); GEIQ = Q3 (type GEIQ); AI 0 (QE is not in pathway);
    /// EITI 0. TOTAL = 2 + 1 + 1 + 1 + 1 = 6 pairs (F 2: Q1 twice; H 2: Q2, Q4; NB 2: Q3 twice); distinct persons 4
    /// (F 1, H 2, NB 1). Table 5 (financed steps only): EI Q1 (T1), ACI Q2 (T3), RQ Q3 (T5), ETTI Q4 (T7) = 4 pairs,
    /// 4 persons (F 1, H 2, NB 1); ACI of Q1 (T2) and GEIQ of Q3 (T6) are not financed.
    /// Flows with the «non renseigné» columns: in pathway QA, QB1 (carried over), QB2, QC, QD = 5; QC (NB, no age, no
    /// public category, no education) is the only one in NON_BINAIRE, AGE_NON_RENSEIGNE, PUBLIC_NON_RENSEIGNE and
    /// NIV_INDETERMINE; one exit (QB1, abandon: H, PLUS_26, DELD, NIV_V).
    /// </summary>
    [Fact]
    public async Task SiaeTables_And_UnknownCategories_EqualHandComputedFigures()
    {
        var target = _databases.NewEmpty("reporting-siae");
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test"))) await new DatabaseMigrator(db).MigrateAsync();
        await DatasetLoader.LoadAsync(target, DatasetLoader.Folder("plie-siae-2024"));
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test")))
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("UPDATE pathways_step SET end_date = {0} WHERE external_id = 'T9'", new DateOnly(2024, 2, 1)));
        await using var read = ParcoursDatabase.Open(target, AccessScope.System("test"));

        var result = await new ConsolidationReport(read).ComputeAsync(2024, ["PLIE-SIAE"]);

        double[] Four(string table, string row) => new[] { "TOTAL", "FEMME", "HOMME", "NON_BINAIRE" }.Select(c => result.Table(table)[row, c]!.Value).ToArray();
        Assert.Equal([2.0, 1, 1, 0], Four("siae_participants", "SIAE_ACI"));
        Assert.Equal([1.0, 1, 0, 0], Four("siae_participants", "SIAE_EI"));
        Assert.Equal([1.0, 0, 1, 0], Four("siae_participants", "SIAE_ETTI"));
        Assert.Equal([0.0, 0, 0, 0], Four("siae_participants", "SIAE_AI"));
        Assert.Equal([1.0, 0, 0, 1], Four("siae_participants", "SIAE_RQ"));
        Assert.Equal([0.0, 0, 0, 0], Four("siae_participants", "SIAE_EITI"));
        Assert.Equal([1.0, 0, 0, 1], Four("siae_participants", "SIAE_GEIQ"));
        Assert.Equal([6.0, 2, 2, 2], Four("siae_participants", "TOTAL"));
        Assert.Equal([4.0, 1, 2, 1], Four("siae_participants", "PARTICIPANTS_DISTINCTS"));
        Assert.Equal([1.0, 0, 1, 0], Four("siae_participants_financed", "SIAE_ACI"));
        Assert.Equal([1.0, 1, 0, 0], Four("siae_participants_financed", "SIAE_EI"));
        Assert.Equal([1.0, 0, 1, 0], Four("siae_participants_financed", "SIAE_ETTI"));
        Assert.Equal([1.0, 0, 0, 1], Four("siae_participants_financed", "SIAE_RQ"));
        Assert.Equal([0.0, 0, 0, 0], Four("siae_participants_financed", "SIAE_GEIQ"));
        Assert.Equal([4.0, 1, 2, 1], Four("siae_participants_financed", "TOTAL"));
        Assert.Equal([4.0, 1, 2, 1], Four("siae_participants_financed", "PARTICIPANTS_DISTINCTS"));

        var flows = result.Table("flows");
        string Line(string row) => string.Join(' ', Columns.Select(c => flows[row, c]!.Value.ToString(CultureInfo.InvariantCulture)));
        //                                        T F H NB M26 P26 ANR TH DELD RSA AUT PNR VI VBIS V IV+ IND
        Assert.Equal("4 1 2 1 1 2 1 0 1 1 1 1 1 0 2 0 1", Line("ENTREES"));
        Assert.Equal("5 1 3 1 1 3 1 0 2 1 1 1 1 0 3 0 1", Line("EN_PARCOURS"));
        Assert.Equal("1 0 1 0 0 1 0 0 1 0 0 0 0 0 1 0 0", Line("TOTAL_SORTIES"));
        Assert.Equal("4 1 2 1 1 2 1 0 1 1 1 1 1 0 2 0 1", Line("EN_PARCOURS_FIN"));
        // Steps of the non-binary person: T5 and T6.
        Assert.Equal(2, result.Table("steps")["TOTAL", "NON_BINAIRE"]);
        Assert.All(result.Checks, c => Assert.True(c.Passed, $"{c.Id}: {c.Detail}"));
        Assert.Contains("Tableau 5 ≤ tableau 4", result.Checks.Single(c => c.Id == "siae_participants_financed.within_all").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiaeTables_FinancedFlag_MovesTheParticipantIntoTable5()
    {
        // plie-2024: S2 (B, ACI, not financed) and S9 (G2, clause CDDI at the ACI provider, not financed): table 4 has
        // ACI = 2 persons (P2, P8; both men), table 5 is empty. A financed flag set directly in the database on S2 moves
        // P2 into table 5.
        var result = await ComputeAsync(2024, "PLIE-REF");
        Assert.Equal([2.0, 0, 2], Three(result.Table("siae_participants"), "SIAE_ACI"));
        Assert.Equal([0.0, 0, 0], Three(result.Table("siae_participants_financed"), "TOTAL"));

        var target = await LoadAsync();
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test")))
            await db.Database.ExecuteSqlRawAsync("UPDATE pathways_step SET financed_by_programme = {0} WHERE external_id = 'S2'", true);
        var after = await ComputeAsync(2024, "PLIE-REF");

        Assert.Equal([1.0, 0, 1], Three(after.Table("siae_participants_financed"), "SIAE_ACI"));
        Assert.Equal(1, after.Table("steps")["IAE_ACI", "FINANCED"]);
        Assert.True(after.Passed);
    }

    private static double[] Three(ReportTable table, string row) => [table[row, "TOTAL"]!.Value, table[row, "FEMME"]!.Value, table[row, "HOMME"]!.Value];

    [Fact]
    public async Task MultiYear_2023To2024_EntriesAndExitsPerYearAndTotal()
    {
        // Entries 2023: G1 (H), D (H), B (H), N (F) = 4; 2024: A, C, H (F), G2, M (H) = 5. Exits 2023: F (ABANDON, H);
        // 2024: positive C, N (F), G1 (H, employment); without follow-on B, M (H), E (F).
        var target = await LoadAsync();
        await using var db = ParcoursDatabase.Open(target, AccessScope.System("test"));

        var result = await new MultiYearFlowsReport(db).ComputeAsync(2024, 2, ["PLIE-REF"]);

        var t = result.Table("flows_multi_year");
        Assert.Equal([4.0, 1, 3], Three(t, "2023.ENTREES"));
        Assert.Equal([5.0, 3, 2], Three(t, "2024.ENTREES"));
        Assert.Equal([9.0, 4, 5], Three(t, "TOTAL.ENTREES"));
        Assert.Equal([1.0, 0, 1], Three(t, "2023.SORTIES_SANS_SUITE"));
        Assert.Equal([3.0, 2, 1], Three(t, "2024.SORTIES_POSITIVES"));
        Assert.Equal([1.0, 0, 1], Three(t, "TOTAL.SORTIES_EMPLOI"));
        Assert.Equal([4.0, 1, 3], Three(t, "TOTAL.SORTIES_SANS_SUITE"));
        Assert.All(result.Checks, c => Assert.True(c.Passed, $"{c.Id}: {c.Detail}"));
    }

    [Fact]
    public async Task Checks_ReferenceDataset_AllPassWithTheirFigures()
    {
        var result = await ComputeAsync(2024, "PLIE-REF");

        Assert.All(result.Checks, c => Assert.True(c.Passed, $"{c.Id}: {c.Detail}"));
        Assert.Equal(
            ["flows.exit_after_entry", "flows.in_pathway", "flows.identity", "flows.end_not_negative", "flows.positive_exits",
             "flows.exits_without_follow_on", "flows.total_exits", "flows.partition.sex", "flows.partition.age",
             "flows.partition.public", "flows.partition.education", "durations.counts", "steps.total", "steps.subtotals",
             "steps.partition.sex", "siae_participants.total", "siae_participants.partition.sex",
             "siae_participants.distinct", "siae_participants.steps", "siae_participants_financed.total",
             "siae_participants_financed.partition.sex", "siae_participants_financed.distinct",
             "siae_participants_financed.steps", "siae_participants_financed.within_all", "exits_employment.naf", "exits_employment.employeur", "exits_employment.taille",
             "exits_employment.contrat", "exits_employment.mesure", "exits_training.domaine", "exits_training.niveau",
             "exits_training.validation", "exits_training.duree", "exits_employment.flows", "exits_training.flows",
             "funding.direct_indirect", "funding.subtotals", "funding.totals", "funding.fse_direct",
             "funding_multiyear.direct_indirect", "funding_multiyear.subtotals", "funding_multiyear.totals", "funding_multiyear.fse_direct",
             "funding_multiyear.years", "funding_multiyear.last_year", "funds_allocated.siae", "funds_allocated.total", "funds_allocated.funding",
             "funding_indicators.denominator"],
            result.Checks.Select(c => c.Id));
        Assert.Contains("10 − 6 = 4, file active comptée : 4", result.Checks.Single(c => c.Id == "flows.identity").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organisations_SelectionAndDefault_CountOnlyTheSelectedPlie()
    {
        // PLIE-AUTRE alone: pathway I (FEMME, 30, DELD, 1969 IV), entered 2024-03-01, still in; step S14.
        var other = await ComputeAsync(2024, "PLIE-AUTRE");
        var both = await ComputeAsync(2024, "PLIE-REF", "PLIE-AUTRE");
        var all = await ComputeAsync(2024);

        Assert.Equal(["PLIE-AUTRE"], other.Organisations);
        Assert.Equal(1, other.Table("flows")["ENTREES", "TOTAL"]);
        Assert.Equal(1, other.Table("flows")["EN_PARCOURS_FIN", "NIV_IV_ET_PLUS"]);
        Assert.Equal(1, other.Table("steps")["MOBILISATION", "FINANCED"]);
        Assert.Equal(["PLIE-AUTRE", "PLIE-REF"], both.Organisations);
        Assert.Equal(5 + 1, both.Table("flows")["ENTREES", "TOTAL"]);
        Assert.Equal(4 + 1, both.Table("flows")["EN_PARCOURS_FIN", "TOTAL"]);
        Assert.Equal(13 + 1, both.Table("steps")["TOTAL", "TOTAL"]);
        Assert.Equal(["PLIE-AUTRE", "PLIE-REF"], all.Organisations); // the ACI is no PLIE and runs no pathway
        Assert.Equal(ReportRendering.Json(both).Replace("\"PLIE-AUTRE\",\n    \"PLIE-REF\"", "", StringComparison.Ordinal),
            ReportRendering.Json(all).Replace("\"PLIE-AUTRE\",\n    \"PLIE-REF\"", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NextYear_CarryOverEqualsTheFileActiveAtTheEndOfTheYear()
    {
        // 2025: carried over = A, D, G2, H (the 4 still in at the end of 2024); entry L on 1 January 2025;
        // D exits on 2 January 2025 with its durable job (EMPLOI). The flows of 2025 end with 4 + 1 − 1 = 4.
        var flows = (await ComputeAsync(2025, "PLIE-REF")).Table("flows");

        Assert.Equal(4, flows["REPORT", "TOTAL"]);
        Assert.Equal(1, flows["ENTREES", "TOTAL"]);
        Assert.Equal(1, flows["SORTIES_EMPLOI", "TOTAL"]);
        Assert.Equal(1, flows["SORTIES_EMPLOI", "NIV_V_BIS"]);
        Assert.Equal(4, flows["EN_PARCOURS_FIN", "TOTAL"]);
    }

    [Fact]
    public async Task Json_HasTheDocumentedShape()
    {
        var result = await ComputeAsync(2024, "PLIE-REF");

        using var json = JsonDocument.Parse(ReportRendering.Json(result));
        var root = json.RootElement;
        Assert.Equal("consolidation", root.GetProperty("report").GetString());
        Assert.Equal(2024, root.GetProperty("year").GetInt32());
        Assert.Equal("PLIE-REF", root.GetProperty("organisations")[0].GetString());
        Assert.Equal(5, root.GetProperty("tables").GetProperty("flows").GetProperty("rows").GetProperty("ENTREES").GetProperty("TOTAL").GetInt32());
        Assert.Equal(0.5, root.GetProperty("tables").GetProperty("rates").GetProperty("rows").GetProperty("POSITIVE_OVER_EXITS").GetProperty("TOTAL").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("tables").GetProperty("rates").GetProperty("rows").GetProperty("POSITIVE_OVER_EXITS").GetProperty("NIV_V_BIS").ValueKind);
        Assert.Equal(["flows", "rates", "durations", "steps", "siae_participants", "siae_participants_financed", "exits_employment", "exits_training",
            "funding", "funding_multiyear", "funds_allocated", "funding_indicators"], root.GetProperty("tables").EnumerateObject().Select(p => p.Name));
        var check = root.GetProperty("checks")[0];
        Assert.Equal("flows.exit_after_entry", check.GetProperty("id").GetString());
        Assert.True(check.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task Csv_Utf8BomSemicolonsDecimalComma()
    {
        var bytes = ReportRendering.CsvBytes(await ComputeAsync(2024, "PLIE-REF"));

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("flows;ENTREES;Entrées;5;3;2;0;1;4;0;1;1;2;2;0;1;0;3;1;0\r\n", text, StringComparison.Ordinal);
        Assert.Contains("rates;POSITIVE_OVER_EXITS_NEUTRALISED;", text, StringComparison.Ordinal);
        Assert.Contains(";0,6;1;0,3333;", text, StringComparison.Ordinal);
        Assert.Contains("flows.identity;OK;", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_OneSheetPerTableWithNumbersAndTheChecks()
    {
        var bytes = ReportXlsx.Build(await ComputeAsync(2024, "PLIE-REF"));

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList();
        Assert.Equal(["flows", "rates", "durations", "steps", "siae_participants", "siae_participants_financed", "exits_employment", "exits_training",
            "funding", "funding_multiyear", "funds_allocated", "funding_indicators", "controles"], sheets.Select(s => s.Name!.Value));
        var flows = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.GetPartById(sheets[0].Id!)).Worksheet;
        var entries = flows.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ElementAt(1).Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
        Assert.Equal("ENTREES", entries[0].InnerText);
        Assert.Equal("5", entries[2].CellValue!.Text);
    }

    [Fact]
    public async Task ExitBeforeEntry_InsertedInTheDatabase_FailsNamedChecks()
    {
        // A pathway that «exits» on 2024-10-01 but entered on 2025-03-01: its exit counts in 2024 while it was never
        // in pathway in 2024, so in pathway − exits no longer equals the file active counted on 31 December.
        var target = await LoadAsync();
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test")))
        {
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO pathways_pathway (participant_id, participant_sex, scheme, organisation_id, status, rank, convocation_count, entry_date, age_at_entry, public_category, exit_date, exit_reason, version)
                SELECT p.id, p.sex, 'PLIE', o.id, 'SORTI', 1, 0, {0}, 33, 'DELD', {1}, 'ABANDON', 0
                FROM pathways_participant p, access_organisation o WHERE p.external_id = 'P1' AND o.code = 'PLIE-REF'
                """, new DateOnly(2025, 3, 1), new DateOnly(2024, 10, 1));
        }
        await using var read = ParcoursDatabase.Open(target, AccessScope.System("test"));

        var result = await new ConsolidationReport(read).ComputeAsync(2024, ["PLIE-REF"]);

        Assert.False(result.Passed);
        // The DELD column (B, E, M plus this one) ends at 3 − 4 = −1.
        Assert.Equal(["flows.exit_after_entry", "flows.identity", "flows.end_not_negative"], result.Failed.Select(c => c.Id));
        Assert.Contains("DELD : EN_PARCOURS_FIN = -1", result.Failed.Single(c => c.Id == "flows.end_not_negative").Detail.Replace('\u2212', '-'), StringComparison.Ordinal);
        Assert.Contains("TOTAL : 10 − 7 = 3, file active comptée : 4", result.Failed.Single(c => c.Id == "flows.identity").Detail, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ monthly letter (RPT-13)

    /// <summary>
    /// Letter of June 2024 for PLIE-REF (MOIS = June, ANNEE = 1 January to 30 June), by hand from the table above:
    /// prescriptions in 2024 up to June: C (01-10), J (02-01), M (02-01) = 3, none in June; entries: A (01-01), C, M = 3;
    /// entry rate 3 ÷ 3; non-entry J (03-01, ABSENCE_RDV) = 1; pre-assignment delays of the decisions of the year:
    /// C 01-20 → 02-15 = 26 days, M 02-10 → 03-01 = 20, J 02-05 → 03-01 = 25, mean 71 ÷ 3 (A has no pre-assignment);
    /// accompanied in the year: A, B, C, D, E, G1, M, N = 8; in June: A, B, C, D, M, N = 6 (E and G1 left before June);
    /// exits of the year: E (DEMENAGEMENT), G1 (EMPLOI_DURABLE), N (AUTRE_POSITIVE on 06-30) = 3, positive 2, rate 2 ÷ 3,
    /// neutralised 2 ÷ (3 − 1); in June: N only (1 ÷ 1). File active on 30 June: A, B, C, D, M = 5 (N left that day);
    /// on a step that day: M (S12 interim until 06-30) = 1; on hold: none.
    /// Steps overlapping the year up to June: S1 (MOBILISATION), S2 (EMPLOI_PARCOURS_IAE), S6 and S12
    /// (EMPLOI_PARCOURS_HORS_IAE), S8 (EMPLOI_SORTIE), S7 (FORMATION_NON_QUALIFIANTE), S15 (CREATION_ENTREPRISE) = 7;
    /// overlapping June: S12, S15 = 2.
    /// </summary>
    [Fact]
    public async Task MonthlyLetter_June2024_EqualsHandComputedFigures()
    {
        var target = await LoadAsync();
        await using var db = ParcoursDatabase.Open(target, AccessScope.System("test"));

        var result = await new MonthlyLetterReport(db).ComputeAsync(2024, 6, ["PLIE-REF"]);

        Assert.Equal("2024-06", result.Month);
        var a = result.Table("activity");
        Assert.Equal([0.0, 3], Cells(a, "PRESCRIPTIONS"));
        Assert.Equal([0.0, 3], Cells(a, "ENTREES"));
        Assert.Null(a["TAUX_ENTREE", "MOIS"]);
        AssertClose(1, a["TAUX_ENTREE", "ANNEE"]);
        Assert.Equal([0.0, 1], Cells(a, "NON_ENTREES"));
        Assert.Null(a["DELAI_PRE_AFFECTATION_JOURS", "MOIS"]);
        AssertClose(71.0 / 3, a["DELAI_PRE_AFFECTATION_JOURS", "ANNEE"]);
        Assert.Equal([6.0, 8], Cells(a, "ACCOMPAGNES"));
        Assert.Equal([1.0, 2], Cells(a, "SORTIES_POSITIVES"));
        Assert.Equal([0.0, 1], Cells(a, "SORTIES_SANS_SUITE"));
        Assert.Equal([1.0, 3], Cells(a, "TOTAL_SORTIES"));
        AssertClose(1, a["TAUX_SORTIES_POSITIVES", "MOIS"]);
        AssertClose(2.0 / 3, a["TAUX_SORTIES_POSITIVES", "ANNEE"]);
        AssertClose(2.0 / 2, a["TAUX_SORTIES_POSITIVES_NEUTRALISE", "ANNEE"]);
        var f = result.Table("file_active");
        Assert.Equal([5.0, 1, 0], new[] { "FILE_ACTIVE", "SUR_UNE_ETAPE", "EN_VEILLE" }.Select(r => f[r, "NOMBRE"]!.Value));
        var n = result.Table("non_entries");
        Assert.Equal([0.0, 1], Cells(n, "ABSENCE_RDV"));
        Assert.Equal([0.0, 1], Cells(n, "TOTAL"));
        var s = result.Table("steps");
        Assert.Equal([0.0, 1], Cells(s, "MOBILISATION"));
        Assert.Equal([0.0, 1], Cells(s, "EMPLOI_PARCOURS_IAE"));
        Assert.Equal([1.0, 2], Cells(s, "EMPLOI_PARCOURS_HORS_IAE"));
        Assert.Equal([0.0, 1], Cells(s, "EMPLOI_SORTIE"));
        Assert.Equal([0.0, 1], Cells(s, "FORMATION_NON_QUALIFIANTE"));
        Assert.Equal([1.0, 1], Cells(s, "CREATION_ENTREPRISE"));
        Assert.Equal([2.0, 7], Cells(s, "TOTAL"));
        var e = result.Table("exits");
        Assert.Equal([0.0, 1], Cells(e, "EMPLOI_DURABLE"));
        Assert.Equal([1.0, 1], Cells(e, "AUTRE_POSITIVE"));
        Assert.Equal([0.0, 1], Cells(e, "DEMENAGEMENT"));
        Assert.Equal([1.0, 3], Cells(e, "TOTAL"));
        Assert.All(result.Checks, c => Assert.True(c.Passed, $"{c.Id}: {c.Detail}"));
    }

    /// <summary>
    /// The same letter compared with June 2023 (MOIS_N1 = June 2023, ANNEE_N1 = 1 January to 30 June 2023), by hand:
    /// prescriptions in 2023 up to June: D (02-01), B (04-01) = 2, none in June; entries G1 (01-05), D (03-01),
    /// B (05-10) = 3, none in June; entry rate 3 ÷ 2 (entries of earlier prescriptions count); no non-entry, no decision
    /// after a pre-assignment (delay «—»), no exit; accompanied in the year and in June: E, F (entered 2022), G1, D,
    /// B = 5; file active on 30 June 2023: the same 5, of which on a step that day B (S2, S3), D (S6), F (S13) = 3;
    /// steps overlapping the first half of 2023 and June 2023: S2, S13 (EMPLOI_PARCOURS_IAE), S3 (MOBILISATION),
    /// S6 (EMPLOI_PARCOURS_HORS_IAE) = 4. Year-on-year change of the year to date (R-221): prescriptions (3 − 2) ÷ 2;
    /// entries (3 − 3) ÷ 3 = 0; accompanied (8 − 5) ÷ 5; entry rate 1 − 1.5 = −0.5 (points); exits «—» (base 0).
    /// </summary>
    [Fact]
    public async Task MonthlyLetter_June2024_ComparedWithJune2023()
    {
        var target = await LoadAsync();
        await using var db = ParcoursDatabase.Open(target, AccessScope.System("test"));

        var result = await new MonthlyLetterReport(db).ComputeAsync(2024, 6, ["PLIE-REF"]);

        var a = result.Table("activity");
        Assert.Equal(["MOIS", "ANNEE", "MOIS_N1", "ANNEE_N1", "EVOLUTION_ANNEE"], a.Columns);
        double?[] Previous(ReportTable t, string row) => [t[row, "MOIS_N1"], t[row, "ANNEE_N1"]];
        Assert.Equal([0.0, 2], Previous(a, "PRESCRIPTIONS"));
        Assert.Equal([0.0, 3], Previous(a, "ENTREES"));
        Assert.Null(a["TAUX_ENTREE", "MOIS_N1"]);
        AssertClose(1.5, a["TAUX_ENTREE", "ANNEE_N1"]);
        Assert.Equal([0.0, 0], Previous(a, "NON_ENTREES"));
        Assert.Equal([null, null], Previous(a, "DELAI_PRE_AFFECTATION_JOURS"));
        Assert.Equal([5.0, 5], Previous(a, "ACCOMPAGNES"));
        Assert.Equal([0.0, 0], Previous(a, "TOTAL_SORTIES"));
        Assert.Equal([null, null], Previous(a, "TAUX_SORTIES_POSITIVES"));
        AssertClose(0.5, a["PRESCRIPTIONS", "EVOLUTION_ANNEE"]);
        AssertClose(0, a["ENTREES", "EVOLUTION_ANNEE"]);
        AssertClose(0.6, a["ACCOMPAGNES", "EVOLUTION_ANNEE"]);
        AssertClose(-0.5, a["TAUX_ENTREE", "EVOLUTION_ANNEE"]);
        Assert.Null(a["TOTAL_SORTIES", "EVOLUTION_ANNEE"]);
        Assert.Null(a["DELAI_PRE_AFFECTATION_JOURS", "EVOLUTION_ANNEE"]);
        var f = result.Table("file_active");
        Assert.Equal(5, f["FILE_ACTIVE", "NOMBRE_N1"]);
        Assert.Equal(3, f["SUR_UNE_ETAPE", "NOMBRE_N1"]);
        Assert.Null(f["EN_VEILLE", "NOMBRE_N1"]);
        var s = result.Table("steps");
        Assert.Equal([4.0, 4], Previous(s, "TOTAL"));
        Assert.Equal([2.0, 2], Previous(s, "EMPLOI_PARCOURS_IAE"));
        Assert.Equal([1.0, 1], Previous(s, "EMPLOI_PARCOURS_HORS_IAE"));
        Assert.Equal([0.0, 0], Previous(result.Table("exits"), "TOTAL"));
        Assert.Contains(result.Checks, c => c.Id == "letter.exits.ANNEE_N1" && c.Passed);
        using var json = JsonDocument.Parse(ReportRendering.Json(result));
        Assert.Equal(-0.5, json.RootElement.GetProperty("tables").GetProperty("activity").GetProperty("rows").GetProperty("TAUX_ENTREE").GetProperty("EVOLUTION_ANNEE").GetDouble());
    }

    [Fact]
    public async Task LetterEditorials_SavedAuditedEscapedAndAttachedToTheLetter()
    {
        var target = await LoadAsync();
        long orgId;
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("coordinateur-test")))
        {
            orgId = await db.Organisations.Where(o => o.Code == "PLIE-REF").Select(o => o.Id).SingleAsync();
            var service = new LetterEditorialService(db, TimeProvider.System);
            var tooLong = await service.SaveAsync(orgId, "2024-06", new Dictionary<Parcours.Domain.Reporting.LetterBlock, string?>
                { [Parcours.Domain.Reporting.LetterBlock.ACTIONS] = new string('x', 2001) });
            Assert.Equal(["Actions de l'année : Le texte dépasse 2000 caractères (2001)."], tooLong);
            var saved = await service.SaveAsync(orgId, "2024-06", new Dictionary<Parcours.Domain.Reporting.LetterBlock, string?>
            {
                [Parcours.Domain.Reporting.LetterBlock.ACTIONS] = "Forum de l'emploi le 12 juin : 40 entreprises.\r\n<script>alert(1)</script>",
                [Parcours.Domain.Reporting.LetterBlock.FAITS_MARQUANTS] = "  ",
            });
            Assert.Empty(saved);
            // Saving the same text again writes nothing (and audits nothing).
            await service.SaveAsync(orgId, "2024-06", new Dictionary<Parcours.Domain.Reporting.LetterBlock, string?>
                { [Parcours.Domain.Reporting.LetterBlock.ACTIONS] = "Forum de l'emploi le 12 juin : 40 entreprises.\n<script>alert(1)</script>" });
        }
        await using var read = ParcoursDatabase.Open(target, AccessScope.System("test"));

        var june = await new MonthlyLetterReport(read).ComputeAsync(2024, 6, ["PLIE-REF"]);
        var may = await new MonthlyLetterReport(read).ComputeAsync(2024, 5, ["PLIE-REF"]);

        Assert.Equal(["ACTIONS", "FAITS_MARQUANTS"], june.Texts.Select(t => t.Id));
        Assert.Equal("Forum de l'emploi le 12 juin : 40 entreprises.\n<script>alert(1)</script>", june.Texts[0].Text);
        Assert.Equal("", june.Texts[1].Text);
        Assert.Equal("", may.Texts[0].Text);
        var html = ReportRendering.HtmlTables(june);
        Assert.Contains("40 entreprises.<br>&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(ReportRendering.Json(june));
        Assert.Equal("Actions de l'année", json.RootElement.GetProperty("texts")[0].GetProperty("title").GetString());
        var audit = await read.AuditEntries.Where(e => e.EntityType == "LetterEditorial").ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Equal("Created", entry.Action);
        Assert.Equal("coordinateur-test", entry.Actor);
        Assert.Equal(orgId, entry.OrganisationId);
    }

    [Fact]
    public async Task Dashboard_December2024_MonthlyFlowsAndFileActive()
    {
        // Window January 2023 – December 2024. File active before 2023: E (2022-06-01) and F (2022-01-10) = 2.
        // 2023: entries G1 (01), D (03), B (05), N (11); exit F on 12-31 → end of 2023: 2 + 4 − 1 = 5 (B, D, E, G1, N).
        // 2024-01: entry A → 6; 02: entry C → 7; 03: entry M, exit E → 7; 04: exit G1 → 6; 06: exit N (positive) → 5;
        // 09: entry G2, exit M → 5; 10: entry H → 6; 11: exit C → 5; 12: exit B → 4 (= EN_PARCOURS_FIN of 2024).
        var target = await LoadAsync();
        await using var db = ParcoursDatabase.Open(target, AccessScope.System("test"));

        var result = await new CoordinatorDashboardReport(db).ComputeAsync(2024, 12, ["PLIE-REF"]);

        var monthly = result.Table("monthly");
        Assert.Equal(24, monthly.Rows.Count);
        Assert.Equal("2023-01", monthly.Rows[0].Key);
        Assert.Equal(5, monthly["2023-12", "FILE_ACTIVE_FIN"]);
        Assert.Equal(1, monthly["2024-01", "ENTREES"]);
        Assert.Equal(7, monthly["2024-02", "FILE_ACTIVE_FIN"]);
        Assert.Equal(1, monthly["2024-06", "SORTIES_POSITIVES"]);
        Assert.Equal(5, monthly["2024-06", "FILE_ACTIVE_FIN"]);
        Assert.Equal(4, monthly["2024-12", "FILE_ACTIVE_FIN"]);
        AssertClose(0.5, result.Table("rates_by_category")["TOTAL", "POSITIVE_OVER_EXITS"]);
        Assert.All(result.Checks, c => Assert.True(c.Passed, $"{c.Id}: {c.Detail}"));
    }

    private static double[] Cells(ReportTable table, string row) => [table[row, "MOIS"]!.Value, table[row, "ANNEE"]!.Value];

    // ------------------------------------------------------------------ helpers

    private DatabaseTarget? _loaded;

    private async Task<DatabaseTarget> LoadAsync()
    {
        if (_loaded is not null) return _loaded;
        var target = _databases.NewEmpty("reporting");
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test"))) await new DatabaseMigrator(db).MigrateAsync();
        await DatasetLoader.LoadAsync(target, DatasetLoader.Folder("plie-2024"));
        return _loaded = target;
    }

    private async Task<ReportResult> ComputeAsync(int year, params string[] organisations)
    {
        var target = await LoadAsync();
        await using var db = ParcoursDatabase.Open(target, AccessScope.System("test"));
        return await new ConsolidationReport(db).ComputeAsync(year, organisations);
    }

    private static void AssertTable(ReportTable table, string expected, Func<string, double> parse)
    {
        var lines = expected.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(lines.Select(l => l.Split(' ', 2)[0]), table.Rows.Select(r => r.Key));
        Assert.Equal(Columns, table.Columns);
        foreach (var line in lines)
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < Columns.Length; i++)
            {
                double? want = cells[i + 1] == "-" ? null : parse(cells[i + 1]);
                var got = table[cells[0], Columns[i]];
                Assert.True(want is null ? got is null : got is { } g && Math.Abs(g - want.Value) < 1e-9,
                    $"{table.Id} {cells[0]} {Columns[i]}: expected {cells[i + 1]}, got {got?.ToString(CultureInfo.InvariantCulture) ?? "null"}");
            }
        }
    }

    private static void AssertClose(double expected, double? actual) =>
        Assert.True(actual is { } a && Math.Abs(a - expected) < 1e-9, $"expected {expected}, got {actual}");
}

public sealed class SqliteConsolidationReportTests() : ConsolidationReportTests(TestDatabase.Sqlite());

public sealed class PostgresConsolidationReportTests() : ConsolidationReportTests(TestDatabase.Postgres());
