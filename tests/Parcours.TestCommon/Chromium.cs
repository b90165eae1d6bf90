namespace Parcours.TestCommon;

/// <summary>
/// The Chromium that browser tests drive with Playwright: Debian's package, never a browser
/// downloaded by Playwright. <c>./scripts/test.sh</c> installs it and sets
/// <c>PARCOURS_TEST_CHROMIUM</c>.
/// </summary>
public static class Chromium
{
    public const string EnvironmentVariable = "PARCOURS_TEST_CHROMIUM";
    public const string DebianPath = "/usr/bin/chromium";

    /// <summary>
    /// <c>PARCOURS_TEST_CHROMIUM</c> when set, else <c>/usr/bin/chromium</c> when it exists.
    /// </summary>
    /// <exception cref="InvalidOperationException">No Chromium was found.</exception>
    public static string ExecutablePath
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                if (!File.Exists(fromEnvironment))
                {
                    throw new InvalidOperationException(
                        $"{EnvironmentVariable} is '{fromEnvironment}', but there is no such file.");
                }

                return fromEnvironment;
            }

            if (File.Exists(DebianPath))
            {
                return DebianPath;
            }

            throw new InvalidOperationException(
                $"No Chromium found: {EnvironmentVariable} is not set and {DebianPath} does not exist. " +
                "Run the tests with ./scripts/test.sh (it installs Debian's chromium package), or " +
                $"install it (apt-get install chromium) or set {EnvironmentVariable}. " +
                "Do not let Playwright download a browser.");
        }
    }

    /// <summary>Arguments for a headless, quiet Chromium (Playwright adds its own user data dir).</summary>
    public static IReadOnlyList<string> LaunchArgs { get; } =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];
}
