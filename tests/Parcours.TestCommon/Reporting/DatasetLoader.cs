using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.Core.Exchange;
using Xunit;

namespace Parcours.TestCommon.Reporting;

/// <summary>
/// Loads the reference datasets of the reporting tests (exchange-format folders, docs/spec/exchange-format.md) with the
/// real importer, <see cref="DatasetImporter"/>, as <c>parcours import</c> does. A reference dataset must be valid: the
/// test fails with the import report's issues when the importer refuses it. Warnings (a missing education level, a
/// positive exit without its step…) are part of what some datasets deliberately hold and do not fail the load.
/// After editing a file of a dataset, update its manifest (rows, SHA-256) with <c>scripts/dataset-manifest.sh</c>.
/// </summary>
public static class DatasetLoader
{
    /// <summary>The folder of a reference dataset, copied beside the test binaries.</summary>
    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "Reporting", "Datasets", name);

    /// <summary>Imports the dataset <paramref name="folder"/> into the migrated database <paramref name="target"/>.</summary>
    public static async Task<ImportResult> LoadAsync(DatabaseTarget target, string folder, CancellationToken ct = default)
    {
        using var source = DatasetSource.Open(folder);
        await using var db = ParcoursDatabase.Open(target, AccessScope.System("test:dataset"));
        var result = await new DatasetImporter(db).ImportAsync(source, ct: ct);
        if (!result.Imported)
            Assert.Fail($"The reference dataset {Path.GetFileName(folder)} was refused by the importer ({result.Report.ErrorCount} error(s)):\n"
                + string.Join('\n', result.Report.Sorted().Select(i => $"  {i.Severity} {i.File}:{i.Line} {i.Column} [{i.RecordId}] {i.Code}: {i.MessageEn}")));
        return result;
    }
}
