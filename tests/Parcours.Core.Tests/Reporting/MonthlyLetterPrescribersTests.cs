using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.Core.Reporting;
using Parcours.Core.Tests.Exchange;
using Parcours.Core.Tests.Support;

namespace Parcours.Core.Tests.Reporting;

/// <summary>
/// Block 2 of the monthly letter (reports.md RPT-13): prescriptions and entries of the year to date by prescriber group,
/// compared with the same period of the previous year, on the pathways of PLIE-FIN in the dataset
/// <c>Datasets/plie-funding-2024</c> (imported with the exchange importer), letter of June 2024, on SQLite and PostgreSQL.
///
/// | pw | prescriber (group)          | prescription | entry      | counts in                                               |
/// |----|-----------------------------|--------------|------------|---------------------------------------------------------|
/// | W1 | FRANCE_TRAVAIL (FT)         | 2024-01-15   | 2024-02-01 | prescriptions and entries 2024                          |
/// | W2 | FRANCE_TRAVAIL (FT)         | 2024-03-10   | non-entry  | prescriptions 2024                                      |
/// | W3 | DEPARTEMENT (Département)   | 2024-02-05   | 2024-03-01 | prescriptions and entries 2024                          |
/// | W4 | MISSION_LOCALE (others)     | 2024-05-20   | 2024-06-10 | prescriptions and entries 2024                          |
/// | W5 | none (not recorded)         | 2024-04-02   | 2024-04-20 | prescriptions and entries 2024                          |
/// | W6 | JUSTICE (others)            | 2024-07-01   | 2024-07-15 | after June: nowhere                                     |
/// | W7 | DEPARTEMENT                 | 2023-12-01   | 2024-01-10 | entries 2024 (prescribed after June 2023: not in N-1)   |
/// | V1 | FRANCE_TRAVAIL              | 2023-02-01   | 2023-03-01 | prescriptions and entries N-1                           |
/// | V2 | DEPARTEMENT                 | 2023-03-15   | 2023-04-01 | prescriptions and entries N-1                           |
/// | V3 | DEPARTEMENT                 | 2023-05-02   | non-entry  | prescriptions N-1                                       |
/// | V4 | CCAS (others)               | 2023-06-10   | 2023-09-01 | prescriptions N-1 (entry after June)                    |
///
/// Prescriptions 2024 (to 30 June): FT 2, Département 1, others 1, not recorded 1 = 5; shares 0.4, 0.2, 0.2, 0.2.
/// N-1 (to 30 June 2023): FT 1, Département 2, others 1, not recorded 0 = 4; shares 0.25, 0.5, 0.25, 0.
/// Changes: FT (2 − 1) ÷ 1 = 1; Département (1 − 2) ÷ 2 = −0.5; others 0; not recorded «—» (base 0); total 0.25.
/// Share changes in points: 0.15, −0.3, −0.05, 0.2.
/// Entries 2024: FT 1 (W1), Département 2 (W3, W7), others 1 (W4), not recorded 1 (W5) = 5; shares 0.2, 0.4, 0.2, 0.2.
/// N-1: FT 1 (V1), Département 1 (V2) = 2; shares 0.5, 0.5, 0, 0. Changes: FT 0, Département 1, others and not
/// recorded «—», total 1.5; share changes −0.3, −0.1, 0.2, 0.2.
/// </summary>
public abstract class MonthlyLetterPrescribersTests(TestDatabase databases) : ExchangeTestBase(databases)
{
    private async Task<DatabaseTarget> LoadAsync()
    {
        var target = Databases.NewEmpty("letter");
        var result = await DatasetFolder.ImportAsync(target, Path.Combine(AppContext.BaseDirectory, "Reporting", "Datasets", "plie-funding-2024"));
        Assert.True(result.Imported, string.Join("\n", result.Report.Issues.Select(i => i.ToString())));
        return target;
    }

    private static async Task<ReportResult> LetterAsync(DatabaseTarget target)
    {
        await using var db = ParcoursDatabase.Open(target, AccessScope.System("test"));
        return await new MonthlyLetterReport(db).ComputeAsync(2024, 6, ["PLIE-FIN"]);
    }

    private static readonly string[] Groups = ["FRANCE_TRAVAIL", "DEPARTEMENT", "AUTRES", "NON_RENSEIGNE", "TOTAL"];

    private static double?[] Column(ReportTable t, string column) => Groups.Select(g => t[g, column]).ToArray();

    private static void AssertClose(double?[] expected, double?[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (expected[i] is not { } e) Assert.True(actual[i] is null, $"{Groups[i]}: expected none, got {actual[i]}");
            else Assert.True(actual[i] is { } a && Math.Abs(a - e) < 1e-9, $"{Groups[i]}: expected {e}, got {actual[i]}");
        }
    }

    [Fact]
    public async Task Prescriptions_June2024_ByGroupThisYearAndLastYear()
    {
        var result = await LetterAsync(await LoadAsync());

        var t = result.Table("prescriptions_by_prescriber");
        Assert.Equal(["ANNEE", "PART_ANNEE", "ANNEE_N1", "PART_ANNEE_N1", "EVOLUTION_ANNEE", "EVOLUTION_PART"], t.Columns);
        Assert.Equal(Groups, t.Rows.Select(r => r.Key));
        AssertClose([2, 1, 1, 1, 5], Column(t, "ANNEE"));
        AssertClose([0.4, 0.2, 0.2, 0.2, 1], Column(t, "PART_ANNEE"));
        AssertClose([1, 2, 1, 0, 4], Column(t, "ANNEE_N1"));
        AssertClose([0.25, 0.5, 0.25, 0, 1], Column(t, "PART_ANNEE_N1"));
        AssertClose([1, -0.5, 0, null, 0.25], Column(t, "EVOLUTION_ANNEE"));
        AssertClose([0.15, -0.3, -0.05, 0.2, null], Column(t, "EVOLUTION_PART"));
        Assert.Equal(5, result.Table("activity")["PRESCRIPTIONS", "ANNEE"]);
    }

    [Fact]
    public async Task Entries_June2024_ByGroupOfTheirPrescription()
    {
        var result = await LetterAsync(await LoadAsync());

        var t = result.Table("entries_by_prescriber");
        AssertClose([1, 2, 1, 1, 5], Column(t, "ANNEE"));
        AssertClose([0.2, 0.4, 0.2, 0.2, 1], Column(t, "PART_ANNEE"));
        AssertClose([1, 1, 0, 0, 2], Column(t, "ANNEE_N1"));
        AssertClose([0.5, 0.5, 0, 0, 1], Column(t, "PART_ANNEE_N1"));
        AssertClose([0, 1, null, null, 1.5], Column(t, "EVOLUTION_ANNEE"));
        AssertClose([-0.3, -0.1, 0.2, 0.2, null], Column(t, "EVOLUTION_PART"));
        Assert.Equal(t["TOTAL", "ANNEE"], result.Table("activity")["ENTREES", "ANNEE"]);
        Assert.Equal(t["TOTAL", "ANNEE_N1"], result.Table("activity")["ENTREES", "ANNEE_N1"]);
        foreach (var id in new[] { "letter.prescriptions_by_prescriber.ANNEE", "letter.prescriptions_by_prescriber.ANNEE_N1",
                     "letter.entries_by_prescriber.ANNEE", "letter.entries_by_prescriber.ANNEE_N1" })
            Assert.Contains(result.Checks, c => c.Id == id && c.Passed);
        Assert.True(result.Passed, string.Join("\n", result.Failed.Select(c => $"{c.Id}: {c.Detail}")));
    }

    [Fact]
    public async Task PrescriberGroups_Renderings_ShowTheTablesWithFrenchLabels()
    {
        var result = await LetterAsync(await LoadAsync());

        using var json = JsonDocument.Parse(ReportRendering.Json(result));
        var rows = json.RootElement.GetProperty("tables").GetProperty("entries_by_prescriber").GetProperty("rows");
        Assert.Equal(0.4, rows.GetProperty("DEPARTEMENT").GetProperty("PART_ANNEE").GetDouble());
        var html = System.Net.WebUtility.HtmlDecode(ReportRendering.HtmlDocument(result, "Lettre"));
        Assert.Contains("Prescriptions de l'année par groupe de prescripteurs", html, StringComparison.Ordinal);
        Assert.Contains("Autres prescripteurs", html, StringComparison.Ordinal);
        Assert.Contains("Évolution de la part (points)", html, StringComparison.Ordinal);
        var csv = ReportRendering.Csv(result);
        Assert.Contains("prescriptions_by_prescriber;FRANCE_TRAVAIL;France Travail;2;0,4;1;0,25;1;0,15", csv, StringComparison.Ordinal);
    }

    /// <summary>
    /// The prescriber kind of W2 erased in the database: its prescription moves from France Travail to «not recorded»
    /// (FT 1, Département 1, others 1, not recorded 2), the total stays 5 and the groups still sum to the whole.
    /// </summary>
    [Fact]
    public async Task PrescriberGroups_PrescriberRemoved_MovesToNotRecordedAndStillSumsToTheWhole()
    {
        var target = await LoadAsync();
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test")))
            Assert.Equal(1, await db.Pathways.Where(p => p.ExternalId == "W2")
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.PrescriberKind, (Parcours.Domain.CodeLists.PrescriberKind?)null)));

        var result = await LetterAsync(target);

        var t = result.Table("prescriptions_by_prescriber");
        AssertClose([1, 1, 1, 2, 5], Column(t, "ANNEE"));
        Assert.True(result.Passed, string.Join("\n", result.Failed.Select(c => $"{c.Id}: {c.Detail}")));
    }
}

public sealed class SqliteMonthlyLetterPrescribersTests() : MonthlyLetterPrescribersTests(TestDatabase.Sqlite());

public sealed class PostgresMonthlyLetterPrescribersTests() : MonthlyLetterPrescribersTests(TestDatabase.Postgres());
