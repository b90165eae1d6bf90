namespace Parcours.Core.ReferenceData;

/// <summary>
/// Finds the reference data files (JSON from npm packages, copied next to the binaries by the
/// build, see build/Frontend.targets and Parcours.Core.csproj).
/// The folder is <c>PARCOURS_REFDATA</c> when that environment variable is set, otherwise
/// <c>AppContext.BaseDirectory/ReferenceData</c>.
/// </summary>
public static class ReferenceDataLocation
{
    public const string EnvironmentVariable = "PARCOURS_REFDATA";

    /// <summary>The folder the loaders read from (not checked for existence).</summary>
    public static string Directory
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            return string.IsNullOrWhiteSpace(fromEnvironment)
                ? Path.Combine(AppContext.BaseDirectory, "ReferenceData")
                : fromEnvironment;
        }
    }

    /// <summary>Full path of <paramref name="fileName"/> in <see cref="Directory"/>.</summary>
    /// <exception cref="ReferenceDataNotFoundException">The file is not there.</exception>
    public static string GetFile(string fileName) => GetFile(fileName, Directory);

    /// <summary>Full path of <paramref name="fileName"/> in <paramref name="directory"/>.</summary>
    /// <exception cref="ReferenceDataNotFoundException">The file is not there.</exception>
    public static string GetFile(string fileName, string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var path = Path.GetFullPath(Path.Combine(directory, fileName));
        if (!File.Exists(path))
        {
            throw new ReferenceDataNotFoundException(path);
        }

        return path;
    }
}

/// <summary>A reference data file is missing: the build (which runs <c>npm ci</c>) has not produced it.</summary>
public sealed class ReferenceDataNotFoundException(string path) : FileNotFoundException(
    $"Reference data file not found: {path}. It is copied from node_modules by the build: " +
    $"run `dotnet build` (the build runs `npm ci` at the repository root), or set " +
    $"{ReferenceDataLocation.EnvironmentVariable} to a folder that holds it.",
    path);
