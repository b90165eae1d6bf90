using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.Core.Reporting;
using Parcours.Core.Tests.Exchange;
using Parcours.Core.Tests.Support;
using Parcours.Domain.CodeLists;

namespace Parcours.Core.Tests.Reporting;

/// <summary>
/// Reference tests of national tables 6, 6BIS and 7 and of the funding indicators (reports.md RPT-06, RPT-07) on the
/// hand-built dataset <c>Datasets/plie-funding-2024</c>, imported with the exchange importer, on SQLite and PostgreSQL.
///
/// Programming lines of PLIE-FIN (host structure HOTE, its parent); «mob» = mobilised; amounts in euros:
///
/// | line | year | objective → axis | operator (kind)          | status        | financings (kind, amount, nature, mob)                                           |
/// |------|------|------------------|--------------------------|---------------|----------------------------------------------------------------------------------|
/// | OP1  | 2024 | OS1 → inclusion  | ACI-1 (ACI)              | CONVENTIONNEE | F1 FSE 40,000 D; F2 commune 30,000 D; F3 Département 20,000 I; F4 own funds 10,000 I |
/// | OP2  | 2024 | OS3 → inclusion  | HOTE (host: internal)    | VOTEE         | F5 FSE 30,000 D; F6 commune 20,000 D; F7 State 9,999.50 I; F8 other public 0.50 D; F9 other private 5,000 I not mob |
/// | OP3  | 2024 | AXE4_AT → TA     | PLIE-FIN (internal)      | CONTROLEE     | F10 FSE 10,000 D; F11 commune 8,000 D; F12 Region 2,000 D                        |
/// | OP4  | 2024 | OS1 → inclusion  | CCAS-1 (CCAS, public)    | PROGRAMMEE    | F13 own funds 5,000 I; F14 commune 10,000 I; F15 Region 3,000 D not mob           |
/// | OP5  | 2024 |                  | ASSO-1                   | A_VOTER       | not retained                                                             |
/// | OP6  | 2024 |                  | OF-1                     | ABANDONNEE    | not retained                                                                     |
/// | OP7  | 2023 | OS1 → inclusion  | EI-1 (EI)                | SOLDEE        | F19 FSE 20,000 D; F20 Département 20,000 D                                        |
/// | OP8  | 2021 | OS1 → inclusion  | ML-1 (Mission locale)    | SOLDEE        | F21 State 12,000 I                                                               |
/// | OP9  | 2020 | OS1 → inclusion  | OF-1                     | SOLDEE        | F22 commune 7,000 D: before the 4 years of table 6BIS                             |
///
/// Own funds: F4 of an ACI (private) → other private; F13 of a CCAS (public) → other public. The Département's action A1
/// (actions.csv, 50,000 € to ASSO-1) is not PLIE programming and counts nowhere.
///
/// Table 6, 2024 (TOTAL / DIRECT / INDIRECT):
/// inclusion: communes F2 + F6 + F14 = 60,000 / 50,000 / 10,000; Département F3 = 20,000 / 0 / 20,000; Region 0;
/// State F7 = 9,999.50 / 0 / 9,999.50; other public F8 + F13 = 5,000.50 / 0.50 / 5,000; other private F4 = 10,000 / 0 /
/// 10,000; FSE F1 + F5 = 70,000 / 70,000 / 0; axis = 175,000 / 120,000.50 / 54,999.50 (= OP1 100,000 + OP2 60,000 +
/// OP4 15,000 mobilised). Technical assistance (OP3): communes 8,000 D, FSE 10,000 D, others (Region) 2,000 D; axis
/// 20,000 / 20,000 / 0. Mobilised 195,000 / 140,000.50 / 54,999.50. Not mobilised: private F9 5,000; others F15 3,000;
/// subtotal 8,000. Grand total 203,000. Of which FSE 80,000 / 80,000 / 0.
/// </summary>
public abstract class FundingTablesTests(TestDatabase databases) : ExchangeTestBase(databases)
{
    private const string ExpectedFunding = """
        AXE_INCLUSION                   175000    120000.50 54999.50
        INCLUSION_COLLECTIVITES_LOCALES 60000     50000     10000
        INCLUSION_DEPARTEMENT           20000     0         20000
        INCLUSION_REGION                0         0         0
        INCLUSION_ETAT                  9999.50   0         9999.50
        INCLUSION_AUTRES_PUBLICS        5000.50   0.50      5000
        INCLUSION_AUTRES_PRIVES         10000     0         10000
        INCLUSION_FSE                   70000     70000     0
        AXE_ASSISTANCE_TECHNIQUE        20000     20000     0
        AT_COLLECTIVITES_LOCALES        8000      8000      0
        AT_FSE                          10000     10000     0
        AT_AUTRES                       2000      2000      0
        SOUS_TOTAL_MOBILISE             195000    140000.50 54999.50
        NON_MOBILISE_PRIVES             5000      -         -
        NON_MOBILISE_AUTRES             3000      -         -
        SOUS_TOTAL_NON_MOBILISE         8000      -         -
        TOTAL_GENERAL                   203000    -         -
        DONT_FSE                        80000     80000     0
        """;

    /// <summary>
    /// Table 6BIS, the 4 years 2021 to 2024 (columns 2021, 2022, 2023, 2024, TOTAL, DIRECT, INDIRECT): 2021 is OP8
    /// (State 12,000 I), 2022 nothing, 2023 OP7 (FSE 20,000 D, Département 20,000 D), 2024 as table 6. For example
    /// Département: 20,000 (2023, D) + 20,000 (2024, I) = 40,000 / 20,000 / 20,000; inclusion axis 12,000 + 40,000 +
    /// 175,000 = 227,000, direct 40,000 + 120,000.50, indirect 12,000 + 54,999.50.
    /// </summary>
    private const string ExpectedMultiYear = """
        AXE_INCLUSION                   12000 0 40000 175000    227000    160000.50 66999.50
        INCLUSION_COLLECTIVITES_LOCALES 0     0 0     60000     60000     50000     10000
        INCLUSION_DEPARTEMENT           0     0 20000 20000     40000     20000     20000
        INCLUSION_ETAT                  12000 0 0     9999.50   21999.50  0         21999.50
        INCLUSION_FSE                   0     0 20000 70000     90000     90000     0
        AXE_ASSISTANCE_TECHNIQUE        0     0 0     20000     20000     20000     0
        SOUS_TOTAL_MOBILISE             12000 0 40000 195000    247000    180000.50 66999.50
        SOUS_TOTAL_NON_MOBILISE         0     0 0     8000      8000      -         -
        TOTAL_GENERAL                   12000 0 40000 203000    255000    -         -
        DONT_FSE                        0     0 20000 80000     100000    100000    0
        """;

    private async Task<DatabaseTarget> LoadAsync()
    {
        var target = Databases.NewEmpty("funding");
        var result = await DatasetFolder.ImportAsync(target, Path.Combine(AppContext.BaseDirectory, "Reporting", "Datasets", "plie-funding-2024"));
        Assert.True(result.Imported, string.Join("\n", result.Report.Issues.Select(i => i.ToString())));
        return target;
    }

    private static async Task<ReportResult> ComputeAsync(DatabaseTarget target, int year, params string[] codes)
    {
        await using var db = ParcoursDatabase.Open(target, AccessScope.System("test"));
        return await new ConsolidationReport(db).ComputeAsync(year, codes);
    }

    [Fact]
    public async Task Funding_ReferenceDataset_EqualsHandComputedTable6()
    {
        var result = await ComputeAsync(await LoadAsync(), 2024, "PLIE-FIN");

        var table = result.Table("funding");
        Assert.Equal(["TOTAL", "DIRECT", "INDIRECT"], table.Columns);
        Assert.Equal(18, table.Rows.Count);
        AssertTable(table, ExpectedFunding, table.Columns);
        Assert.All(result.Checks.Where(c => c.Id.StartsWith("funding", StringComparison.Ordinal) || c.Id.StartsWith("funds", StringComparison.Ordinal)),
            c => Assert.True(c.Passed, $"{c.Id}: {c.Detail}"));
        Assert.Contains(result.Checks, c => c.Id == "funding.direct_indirect" && Spaces(c.Detail).Contains("140 000,50 + 54 999,50 = 195 000,00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MultiYearFunding_FourYearsToY_EqualsHandComputedTable6Bis()
    {
        var result = await ComputeAsync(await LoadAsync(), 2024, "PLIE-FIN");

        var table = result.Table("funding_multiyear");
        Assert.Equal(["2021", "2022", "2023", "2024", "TOTAL", "DIRECT", "INDIRECT"], table.Columns);
        AssertTable(table, ExpectedMultiYear, table.Columns);
        Assert.Contains(result.Checks, c => c.Id == "funding_multiyear.years" && c.Passed);
        Assert.Contains(result.Checks, c => c.Id == "funding_multiyear.last_year" && c.Passed);
    }

    /// <summary>
    /// Table 7, 2024, mobilised financings by operator: OP1 ACI-1 → SIAE_ACI 100,000 (FSE 40,000); OP2 run by the host
    /// structure and OP3 by the PLIE itself → OPERATION_INTERNE 60,000 + 20,000 = 80,000 (FSE 30,000 + 10,000); OP4 →
    /// CCAS_CIAS 15,000 (FSE 0). Total SIAE 100,000 / 40,000; Total 195,000 / 80,000 = table 6 mobilised and FSE.
    /// Shares: SIAE_ACI 100,000 ÷ 195,000 of the total, 40,000 ÷ 100,000 FSE; internal 80,000 ÷ 195,000 and 0.5.
    /// </summary>
    [Fact]
    public async Task FundsAllocated_ReferenceDataset_EqualsHandComputedTable7()
    {
        var result = await ComputeAsync(await LoadAsync(), 2024, "PLIE-FIN");

        var t = result.Table("funds_allocated");
        Assert.Equal(["TOTAL", "FSE", "PART_TOTAL", "PART_FSE"], t.Columns);
        double[] Amounts(string row) => [t[row, "TOTAL"]!.Value, t[row, "FSE"]!.Value];
        Assert.Equal([100000.0, 40000], Amounts("SIAE_ACI"));
        Assert.Equal([100000.0, 40000], Amounts("TOTAL_SIAE"));
        Assert.Equal([80000.0, 40000], Amounts("OPERATION_INTERNE"));
        Assert.Equal([15000.0, 0], Amounts("CCAS_CIAS"));
        Assert.Equal([0.0, 0], Amounts("SIAE_EI"));
        Assert.Equal([0.0, 0], Amounts("MAISON_EMPLOI"));
        Assert.Equal([0.0, 0], Amounts("AUTRE_PARTENAIRE"));
        Assert.Equal([195000.0, 80000], Amounts("TOTAL"));
        AssertClose(100000.0 / 195000, t["SIAE_ACI", "PART_TOTAL"]);
        AssertClose(0.4, t["SIAE_ACI", "PART_FSE"]);
        AssertClose(80000.0 / 195000, t["OPERATION_INTERNE", "PART_TOTAL"]);
        AssertClose(0.5, t["OPERATION_INTERNE", "PART_FSE"]);
        AssertClose(0, t["CCAS_CIAS", "PART_FSE"]);
        Assert.Null(t["SIAE_EI", "PART_FSE"]);
        AssertClose(1, t["TOTAL", "PART_TOTAL"]);
        foreach (var id in new[] { "funds_allocated.siae", "funds_allocated.total", "funds_allocated.funding" })
            Assert.Contains(result.Checks, c => c.Id == id && c.Passed);
    }

    /// <summary>
    /// Indicators of PLIE-FIN in 2024. Denominator (R-216) = EN_PARCOURS of the flows: W1, W3, W4, W5, W6, W7 entered
    /// in 2024, V1 and V4 carried over = 8 (V2 left in 2023; W2 and V3 never entered). Per participant: 195,000 ÷ 8 =
    /// 24,375; direct 140,000.50 ÷ 8 = 17,500.0625; FSE 80,000 ÷ 8 = 10,000. Communes and EPCI, both axes: 60,000 +
    /// 8,000 = 68,000 (direct 50,000 + 8,000 = 58,000). Leverage: FSE 80,000 ÷ 68,000 and ÷ 58,000; total
    /// 195,000 ÷ 68,000 and ÷ 58,000. Additional money: 80,000 + 68,000 + Département 20,000 + Region 0 = 168,000;
    /// direct 80,000 + 58,000 + 0 + 0 = 138,000.
    /// </summary>
    [Fact]
    public async Task FundingIndicators_ReferenceDataset_PerParticipantLeverageAndAdditionalMoney()
    {
        var result = await ComputeAsync(await LoadAsync(), 2024, "PLIE-FIN");

        var t = result.Table("funding_indicators");
        double? V(string row) => t[row, "VALEUR"];
        Assert.Equal(8, result.Table("flows")["EN_PARCOURS", "TOTAL"]);
        Assert.Equal(1, V("PLIE_REPONDANTS"));
        Assert.Equal(8, V("PARTICIPANTS_EN_PARCOURS_REPONDANTS"));
        AssertClose(24375, V("FINANCEMENT_PAR_PARTICIPANT_TOTAL"));
        AssertClose(17500.0625, V("FINANCEMENT_PAR_PARTICIPANT_DIRECT"));
        AssertClose(10000, V("FINANCEMENT_PAR_PARTICIPANT_FSE"));
        AssertClose(68000, V("COLLECTIVITES_LOCALES"));
        AssertClose(58000, V("COLLECTIVITES_LOCALES_DIRECT"));
        AssertClose(80000.0 / 68000, V("LEVIER_FSE"));
        AssertClose(80000.0 / 58000, V("LEVIER_FSE_DIRECT"));
        AssertClose(195000.0 / 68000, V("LEVIER_TOTAL"));
        AssertClose(195000.0 / 58000, V("LEVIER_TOTAL_DIRECT"));
        AssertClose(168000, V("FONDS_SUPPLEMENTAIRES"));
        AssertClose(138000, V("FONDS_SUPPLEMENTAIRES_DIRECT"));
        Assert.Contains(result.Checks, c => c.Id == "funding_indicators.denominator" && c.Passed);
    }

    /// <summary>
    /// PLIE-FIN and PLIE-SANS together: PLIE-SANS (Z1, entered 2024) has no programming, so the flows count 9 in
    /// pathway but the denominator of funding per participant stays PLIE-FIN's 8, with 1 respondent.
    /// </summary>
    [Fact]
    public async Task FundingIndicators_APlieWithoutFunding_StaysOutOfTheDenominator()
    {
        var result = await ComputeAsync(await LoadAsync(), 2024, "PLIE-FIN", "PLIE-SANS");

        var t = result.Table("funding_indicators");
        Assert.Equal(9, result.Table("flows")["EN_PARCOURS", "TOTAL"]);
        Assert.Equal(1, t["PLIE_REPONDANTS", "VALEUR"]);
        Assert.Equal(8, t["PARTICIPANTS_EN_PARCOURS_REPONDANTS", "VALEUR"]);
        AssertClose(24375, t["FINANCEMENT_PAR_PARTICIPANT_TOTAL", "VALEUR"]);
        Assert.Equal(195000, result.Table("funding")["SOUS_TOTAL_MOBILISE", "TOTAL"]);
        Assert.True(result.Passed, string.Join("\n", result.Failed.Select(c => $"{c.Id}: {c.Detail}")));
    }

    [Fact]
    public async Task Funding_ProgrammeWithoutProgramming_TablesOfZerosAndChecksPass()
    {
        var result = await ComputeAsync(await LoadAsync(), 2024, "PLIE-SANS");

        foreach (var id in new[] { "funding", "funding_multiyear", "funds_allocated" })
            Assert.All(result.Table(id).Rows, r => Assert.All(r.Values.Where(v => v.Key is "TOTAL" or "FSE"), v => Assert.Equal(0, v.Value)));
        var t = result.Table("funding_indicators");
        Assert.Equal(0, t["PLIE_REPONDANTS", "VALEUR"]);
        Assert.Equal(0, t["PARTICIPANTS_EN_PARCOURS_REPONDANTS", "VALEUR"]);
        Assert.Null(t["FINANCEMENT_PAR_PARTICIPANT_TOTAL", "VALEUR"]);
        Assert.Null(t["LEVIER_FSE", "VALEUR"]);
        Assert.Null(result.Table("funds_allocated")["TOTAL", "PART_TOTAL"]);
        Assert.True(result.Passed, string.Join("\n", result.Failed.Select(c => $"{c.Id}: {c.Detail}")));
    }

    /// <summary>
    /// An FSE line turned indirect directly in the database (the importer refuses it): F5 (30,000 of OP2). FSE of the
    /// inclusion axis is then 70,000 of which 40,000 direct, so «FSE direct = FSE total» fails in tables 6 and 6BIS and
    /// names the rows; direct + indirect = total still holds.
    /// </summary>
    [Fact]
    public async Task Funding_FseLineMadeIndirect_FseDirectCheckFailsWithItsFigures()
    {
        var target = await LoadAsync();
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test")))
            Assert.Equal(1, await db.Financings.Where(f => f.ExternalId == "F5")
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Nature, FinancingNature.INDIRECT)));

        var result = await ComputeAsync(target, 2024, "PLIE-FIN");

        Assert.False(result.Passed);
        Assert.Equal(["funding.fse_direct", "funding_multiyear.fse_direct"], result.Failed.Select(c => c.Id).ToList());
        var failed = Spaces(result.Failed.First().Detail);
        Assert.Contains("INCLUSION_FSE : direct 40 000,00, total 70 000,00", failed, StringComparison.Ordinal);
        Assert.Contains("DONT_FSE : direct 50 000,00, total 80 000,00", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("AT_FSE", failed, StringComparison.Ordinal);
        Assert.Equal(30000, result.Table("funding")["INCLUSION_FSE", "INDIRECT"]);
    }

    [Fact]
    public async Task Funding_Renderings_ShowAmountsToTheCent()
    {
        var result = await ComputeAsync(await LoadAsync(), 2024, "PLIE-FIN");

        using var json = JsonDocument.Parse(ReportRendering.Json(result));
        var tables = json.RootElement.GetProperty("tables");
        Assert.Equal(140000.5, tables.GetProperty("funding").GetProperty("rows").GetProperty("SOUS_TOTAL_MOBILISE").GetProperty("DIRECT").GetDouble());
        Assert.Equal(JsonValueKind.Null, tables.GetProperty("funding").GetProperty("rows").GetProperty("TOTAL_GENERAL").GetProperty("DIRECT").ValueKind);
        Assert.Equal(8, tables.GetProperty("funding_indicators").GetProperty("rows").GetProperty("PARTICIPANTS_EN_PARCOURS_REPONDANTS").GetProperty("VALEUR").GetInt64());
        var csv = ReportRendering.Csv(result);
        Assert.Contains("funding;INCLUSION_ETAT;État;9999,50;0,00;9999,50", csv, StringComparison.Ordinal);
        Assert.Contains("funds_allocated;TOTAL_SIAE;Total SIAE;100000,00;40000,00;", csv, StringComparison.Ordinal);
        var table = result.Table("funding");
        Assert.Equal("9 999,50", Spaces(ReportRendering.Display(table, table.Row("INCLUSION_ETAT"), "TOTAL")));
        Assert.Equal("—", ReportRendering.Display(table, table.Row("TOTAL_GENERAL"), "DIRECT"));
        var html = System.Net.WebUtility.HtmlDecode(ReportRendering.HtmlDocument(result, "Consolidation"));
        Assert.Contains("Financements mobilisés 2024 (tableau 6)", html, StringComparison.Ordinal);
        Assert.Contains("Financements alloués 2024 (tableau 7)", html, StringComparison.Ordinal);
    }

    /// <summary>French number formatting groups thousands with a narrow no-break space: plain spaces for the assertions.</summary>
    private static string Spaces(string text) => text.Replace('\u202F', ' ').Replace('\u00A0', ' ');

    private static void AssertTable(ReportTable table, string expected, IReadOnlyList<string> columns)
    {
        foreach (var line in expected.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < columns.Count; i++)
            {
                var actual = table[parts[0], columns[i]];
                if (parts[i + 1] == "-") Assert.True(actual is null, $"{parts[0]}/{columns[i]}: expected none, got {actual}");
                else AssertClose(double.Parse(parts[i + 1], CultureInfo.InvariantCulture), actual, $"{parts[0]}/{columns[i]}");
            }
        }
    }

    private static void AssertClose(double expected, double? actual, string? what = null) =>
        Assert.True(actual is { } a && Math.Abs(a - expected) < 1e-6, $"{what}: expected {expected}, got {actual}");
}

public sealed class SqliteFundingTablesTests() : FundingTablesTests(TestDatabase.Sqlite());

public sealed class PostgresFundingTablesTests() : FundingTablesTests(TestDatabase.Postgres());
