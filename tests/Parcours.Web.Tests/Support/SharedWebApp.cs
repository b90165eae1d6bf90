using Parcours.TestCommon;

namespace Parcours.Web.Tests.Support;

/// <summary>
/// Class fixture: the application on the shared demo database, for tests that only read
/// (successful logins of the demo users write nothing).
/// </summary>
public sealed class SharedWebApp : IAsyncLifetime
{
    private ParcoursWebFactory? _factory;

    public ParcoursWebFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialised.");

    public DemoDatabase Demo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Demo = await DemoDatabase.GetAsync();
        _factory = new ParcoursWebFactory(Demo.Path);
    }

    public DemoData Data() => new(Demo.Path);

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
    }
}
