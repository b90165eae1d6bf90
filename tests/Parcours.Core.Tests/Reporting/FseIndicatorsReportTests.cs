using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.Core.Reporting;
using Parcours.Core.Tests.Support;
using Parcours.TestCommon.Reporting;

namespace Parcours.Core.Tests.Reporting;

/// <summary>
/// ESF indicators of 2024 on <c>Datasets/fse-2024</c>, by hand:
///
/// | pw | sex | age | status at entry          | ISCED    | disab. | entry      | exit       | 4 weeks                         | 6 months           |
/// |----|-----|-----|--------------------------|----------|--------|------------|------------|---------------------------------|--------------------|
/// | A  | F   | 24  | CHOMEUR_LONGUE_DUREE     | CITE_1_2 | OUI    | 2024-02-01 | 2024-08-01 | EMPLOI_SALARIE                  | EMPLOI_SALARIE, improved |
/// | B  | H   | 58  | INACTIF, not in education| CITE_3_4 | NON    | 2024-03-01 | 2024-06-01 | RECHERCHE_EMPLOI                |                    |
/// | C  | F   | 33  | EMPLOYE                  | CITE_5_8 | NON    | 2023-05-01 | 2024-04-01 | INACTIF, in education           | EMPLOI_INDEPENDANT, improved |
/// | D  | H   | 25  | CHOMEUR                  | CITE_3_4 |        | 2024-10-01 |            |                                 |                    |
/// | E  | F   | 62  | INACTIF                  | CITE_1_2 | NON    | 2022-01-01 | 2023-06-01 | (left in 2023: not counted)     |                    |
///
/// Entered in 2024 (CO): A, B, D. Left in 2024 (CR): A, B, C.
/// </summary>
public abstract class FseIndicatorsReportTests : IDisposable
{
    private readonly TestDatabase _databases;

    protected FseIndicatorsReportTests(TestDatabase databases) => _databases = databases;

    public void Dispose()
    {
        _databases.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>TOTAL FEMME HOMME per indicator.</summary>
    private const string Expected = """
        PARTICIPANTS_ENTRES 3 1 2
        PARTICIPANTS_SORTIS 3 2 1
        CO01 2 1 1
        CO02 1 1 0
        CO03 1 0 1
        CO04 1 0 1
        CO05 0 0 0
        CO06 1 1 0
        CO07 1 0 1
        CO08 1 0 1
        CO09 1 1 0
        CO10 2 0 2
        CO11 0 0 0
        CO15 0 0 0
        CO16 1 1 0
        CO17 0 0 0
        CO18 0 0 0
        CO19 0 0 0
        CR01 1 0 1
        CR02 1 1 0
        CR03 0 0 0
        CR04 1 1 0
        CR05 1 1 0
        CR06 2 2 0
        CR07 2 2 0
        CR08 0 0 0
        CR09 1 1 0
        """;

    [Fact]
    public async Task Indicators_ReferenceDataset_EqualHandComputedCounts()
    {
        // CO01 = A (long-term) + D; CO06 = A (24; D is 25); CO07, CO08 = B (58, inactive not in education);
        // CR01 = B (inactive, job searching at 4 weeks); CR02 = C; CR04 = A; CR05 = A (disabled, employed);
        // CR06 = A (employee) + C (self-employed); CR07 = A + C; CR09 = A.
        var target = _databases.NewEmpty("fse");
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test"))) await new DatabaseMigrator(db).MigrateAsync();
        await DatasetLoader.LoadAsync(target, DatasetLoader.Folder("fse-2024"));
        await using var read = ParcoursDatabase.Open(target, AccessScope.System("test"));

        var result = await new FseIndicatorsReport(read).ComputeAsync(2024, ["PLIE-FSE"]);

        var table = result.Table("indicators");
        var lines = Expected.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(lines.Select(l => l.Split(' ')[0]), table.Rows.Select(r => r.Key));
        foreach (var cells in lines.Select(l => l.Split(' ')))
            Assert.Equal(cells[1..].Select(double.Parse).Cast<double?>(), FseIndicatorsReport.Columns.Select(c => table[cells[0], c]));
        Assert.All(result.Checks, c => Assert.True(c.Passed, $"{c.Id}: {c.Detail}"));
    }

    /// <summary>
    /// ESF+ 2021-2027 (codelists.md §13.5), TOTAL FEMME HOMME NON_BINAIRE. Entered in 2024: A (F, 24, long-term
    /// unemployed, CITE_1_2, disabled), B (H, 58, inactive, CITE_3_4), D (H, 25, unemployed, CITE_3_4). Left in 2024:
    /// A (employee at 4 weeks and 6 months), B (job searching at 4 weeks), C (F, in education at 4 weeks,
    /// self-employed at 6 months). EECO02 = A + D; EECO03 = A; EECO04 = B; EECO07 (18-29) = A (24) + D (25);
    /// EECO08 (55+) = B; EECO09 (ISCED 0-2) = A; EECO10 = B + D; EECO12 = A; EECR01 = B; EECR02 = C; EECR04 = A;
    /// EECR05 = A + C.
    /// </summary>
    private const string ExpectedEsfPlus = """
        EECO01 3 1 2 0
        EECO02 2 1 1 0
        EECO03 1 1 0 0
        EECO04 1 0 1 0
        EECO05 0 0 0 0
        EECO06 0 0 0 0
        EECO07 2 1 1 0
        EECO08 1 0 1 0
        EECO09 1 1 0 0
        EECO10 2 0 2 0
        EECO11 0 0 0 0
        EECO12 1 1 0 0
        EECO13 0 0 0 0
        EECO14 0 0 0 0
        EECO15 0 0 0 0
        EECO16 0 0 0 0
        EECO17 0 0 0 0
        PARTICIPANTS_SORTIS 3 2 1 0
        EECR01 1 0 1 0
        EECR02 1 1 0 0
        EECR03 0 0 0 0
        EECR04 1 1 0 0
        EECR05 2 2 0 0
        """;

    [Fact]
    public async Task EsfPlusIndicators_ReferenceDataset_EqualHandComputedCounts()
    {
        var target = _databases.NewEmpty("fse-plus");
        await using (var db = ParcoursDatabase.Open(target, AccessScope.System("test"))) await new DatabaseMigrator(db).MigrateAsync();
        await DatasetLoader.LoadAsync(target, DatasetLoader.Folder("fse-2024"));
        await using var read = ParcoursDatabase.Open(target, AccessScope.System("test"));

        var result = await new FseIndicatorsReport(read).ComputeAsync(2024, ["PLIE-FSE"]);

        var table = result.Table("indicators_esf_plus");
        var lines = ExpectedEsfPlus.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(lines.Select(l => l.Split(' ')[0]), table.Rows.Select(r => r.Key));
        foreach (var cells in lines.Select(l => l.Split(' ')))
            Assert.Equal(cells[1..].Select(double.Parse).Cast<double?>(), FseIndicatorsReport.EsfPlusColumns.Select(c => table[cells[0], c]));
        Assert.Contains(result.Checks, c => c.Id == "fse_plus.consistent_with_2014" && c.Passed);
        Assert.All(result.Checks, c => Assert.True(c.Passed, $"{c.Id}: {c.Detail}"));
    }
}

public sealed class SqliteFseIndicatorsReportTests() : FseIndicatorsReportTests(TestDatabase.Sqlite());

public sealed class PostgresFseIndicatorsReportTests() : FseIndicatorsReportTests(TestDatabase.Postgres());
