using Parcours.Core.Data;
using Parcours.Core.Tests.Support;
using Parcours.Core.Tests.Synthetic;

namespace Parcours.Core.Tests.Exchange;

/// <summary>
/// What the exchange tests of one engine share: the databases of the test (disposed with it), generated datasets
/// exported to folders that are deleted afterwards.
/// </summary>
public abstract class ExchangeTestBase(TestDatabase databases) : IDisposable
{
    private readonly List<string> _folders = [];

    protected TestDatabase Databases { get; } = databases;

    public void Dispose()
    {
        foreach (var folder in _folders) try { Directory.Delete(folder, true); } catch (IOException) { }
        Databases.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Deletes <paramref name="folder"/> when the test ends.</summary>
    protected string Track(string folder)
    {
        _folders.Add(folder);
        return folder;
    }

    /// <summary>A generated source database and its export as a dataset folder.</summary>
    protected async Task<(DatabaseTarget Source, string Dataset)> GeneratedDatasetAsync(int participants, int seed = 7)
    {
        var (source, _) = await Generation.GenerateAsync(Databases, participants, seed);
        return (source, Track(await DatasetFolder.ExportAsync(source)));
    }
}
