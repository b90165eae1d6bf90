using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parcours.Core.ReferenceData;

/// <summary>A current French commune (INSEE COG type COM, "commune-actuelle").</summary>
/// <param name="InseeCode">INSEE code, e.g. "21231", "2A004".</param>
/// <param name="Name">Official name, e.g. "Dijon".</param>
/// <param name="DepartementCode">Département code, e.g. "21", "2A", "974".</param>
/// <param name="RegionCode">Region code, e.g. "27".</param>
/// <param name="Population">Municipal population, when the source gives it.</param>
/// <param name="PostalCodes">Postal codes (may be empty).</param>
/// <param name="Zone">"metro", "drom" or "com".</param>
public sealed record Commune(
    string InseeCode,
    string Name,
    string DepartementCode,
    string RegionCode,
    int? Population,
    IReadOnlyList<string> PostalCodes,
    string Zone);

/// <summary>
/// The current communes, read from <c>communes.json</c> of the npm package
/// <c>@etalab/decoupage-administratif</c> (copied to the ReferenceData folder by the build).
/// Delegated/associated communes and municipal arrondissements are left out.
/// </summary>
public sealed class CommuneCatalog
{
    public const string FileName = "communes.json";
    private const string CurrentCommuneType = "commune-actuelle";

    private static readonly Lock DefaultGate = new();
    private static CommuneCatalog? _default;

    private readonly FrozenDictionary<string, Commune> _byCode;
    private readonly FrozenDictionary<string, Commune[]> _byPostalCode;

    private CommuneCatalog(List<Commune> communes)
    {
        All = communes;
        _byCode = communes.ToFrozenDictionary(c => c.InseeCode, StringComparer.OrdinalIgnoreCase);
        _byPostalCode = communes
            .SelectMany(c => c.PostalCodes.Select(p => (PostalCode: p, Commune: c)))
            .GroupBy(x => x.PostalCode, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Commune).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// The catalog from <see cref="ReferenceDataLocation.Directory"/>, loaded on first use and cached.
    /// </summary>
    /// <exception cref="ReferenceDataNotFoundException">The data file is missing.</exception>
    public static CommuneCatalog Default
    {
        get
        {
            var loaded = Volatile.Read(ref _default);
            if (loaded is not null)
            {
                return loaded;
            }

            lock (DefaultGate)
            {
                _default ??= LoadFrom(ReferenceDataLocation.GetFile(FileName));
                return _default;
            }
        }
    }

    /// <summary>All current communes, in the source order (by INSEE code).</summary>
    public IReadOnlyList<Commune> All { get; }

    public static CommuneCatalog LoadFrom(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Load(stream);
    }

    public static CommuneCatalog Load(Stream json)
    {
        var rows = JsonSerializer.Deserialize<List<CommuneRow>>(json)
                   ?? throw new InvalidDataException("The communes file holds no JSON array.");
        var communes = new List<Commune>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Type != CurrentCommuneType || row.Code is null || row.Nom is null)
            {
                continue;
            }

            communes.Add(new Commune(
                row.Code,
                row.Nom,
                row.Departement ?? "",
                row.Region ?? "",
                row.Population,
                row.CodesPostaux ?? [],
                row.Zone ?? ""));
        }

        return new CommuneCatalog(communes);
    }

    /// <summary>The commune with this INSEE code, or null.</summary>
    public Commune? FindByInseeCode(string inseeCode) =>
        _byCode.GetValueOrDefault(inseeCode.Trim());

    /// <summary>The communes served by this postal code (empty when none).</summary>
    public IReadOnlyList<Commune> FindByPostalCode(string postalCode) =>
        _byPostalCode.TryGetValue(postalCode.Trim(), out var communes) ? communes : [];

    /// <summary>The communes of a département (e.g. "21", "2A", "974").</summary>
    public IEnumerable<Commune> InDepartement(string departementCode) =>
        All.Where(c => string.Equals(c.DepartementCode, departementCode, StringComparison.OrdinalIgnoreCase));

    private sealed class CommuneRow
    {
        [JsonPropertyName("code")] public string? Code { get; init; }
        [JsonPropertyName("nom")] public string? Nom { get; init; }
        [JsonPropertyName("type")] public string? Type { get; init; }
        [JsonPropertyName("departement")] public string? Departement { get; init; }
        [JsonPropertyName("region")] public string? Region { get; init; }
        [JsonPropertyName("population")] public int? Population { get; init; }
        [JsonPropertyName("codesPostaux")] public string[]? CodesPostaux { get; init; }
        [JsonPropertyName("zone")] public string? Zone { get; init; }
    }
}
