using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parcours.Core.ReferenceData;

/// <summary>Level of a code in the NAF rév. 2 hierarchy.</summary>
public enum NafLevel
{
    /// <summary>Two digits, e.g. "62".</summary>
    Division,

    /// <summary>e.g. "62.0".</summary>
    Group,

    /// <summary>e.g. "62.01".</summary>
    Class,

    /// <summary>e.g. "62.01Z" (the code an establishment carries as its APE code).</summary>
    SubClass,
}

/// <summary>A NAF rév. 2 code.</summary>
/// <param name="Code">The code as INSEE writes it, e.g. "62.01Z".</param>
/// <param name="Label">The French label.</param>
/// <param name="Section">Section letter A–U, e.g. 'J'.</param>
/// <param name="Level">Level in the hierarchy.</param>
public sealed record NafCode(string Code, string Label, char Section, NafLevel Level);

/// <summary>
/// The NAF rév. 2 nomenclature, read from <c>index.json</c> of the npm package
/// <c>@socialgouv/codes-naf</c> (copied to ReferenceData/codes-naf.json by the build).
/// The package has divisions, groups, classes and sub-classes but no sections: the section
/// letter is derived from the division with the fixed NAF rév. 2 section ranges.
/// </summary>
public sealed class NafCatalog
{
    public const string FileName = "codes-naf.json";

    // NAF rév. 2 sections by their first division (each section runs up to the next one's).
    private static readonly (int FirstDivision, char Section)[] SectionStarts =
    [
        (1, 'A'), (5, 'B'), (10, 'C'), (35, 'D'), (36, 'E'), (41, 'F'), (45, 'G'), (49, 'H'),
        (55, 'I'), (58, 'J'), (64, 'K'), (68, 'L'), (69, 'M'), (77, 'N'), (84, 'O'), (85, 'P'),
        (86, 'Q'), (90, 'R'), (94, 'S'), (97, 'T'), (99, 'U'),
    ];

    private static readonly Lock DefaultGate = new();
    private static NafCatalog? _default;

    private readonly FrozenDictionary<string, NafCode> _byCode;

    private NafCatalog(List<NafCode> codes)
    {
        All = codes;
        _byCode = codes.ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The catalog from <see cref="ReferenceDataLocation.Directory"/>, loaded on first use and cached.</summary>
    /// <exception cref="ReferenceDataNotFoundException">The data file is missing.</exception>
    public static NafCatalog Default
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

    /// <summary>Every code of every level, in the source order.</summary>
    public IReadOnlyList<NafCode> All { get; }

    /// <summary>The sub-classes (the codes used as APE codes).</summary>
    public IEnumerable<NafCode> SubClasses => All.Where(c => c.Level == NafLevel.SubClass);

    public static NafCatalog LoadFrom(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    public static NafCatalog Load(Stream json)
    {
        var rows = JsonSerializer.Deserialize<List<NafRow>>(json)
                   ?? throw new InvalidDataException("The NAF file holds no JSON array.");
        var codes = new List<NafCode>(rows.Count);
        foreach (var row in rows)
        {
            if (string.IsNullOrWhiteSpace(row.Id) || row.Label is null)
            {
                continue;
            }

            var code = row.Id.Trim();
            codes.Add(new NafCode(code, row.Label, SectionOf(code), LevelOf(code)));
        }

        return new NafCatalog(codes);
    }

    /// <summary>
    /// The code, or null. Accepts "62.01Z" as well as "6201Z" or "6201z".
    /// </summary>
    public NafCode? Find(string code) => _byCode.GetValueOrDefault(Normalize(code));

    /// <summary>Section letter of a code of any level (from its division), e.g. 'J' for "62.01Z".</summary>
    public static char SectionOf(string code)
    {
        var normalized = Normalize(code);
        if (normalized.Length < 2 || !int.TryParse(normalized.AsSpan(0, 2), out var division) || division < 1)
        {
            throw new ArgumentException($"Not a NAF code: '{code}'.", nameof(code));
        }

        var section = SectionStarts[0].Section;
        foreach (var (firstDivision, letter) in SectionStarts)
        {
            if (division < firstDivision)
            {
                break;
            }

            section = letter;
        }

        return section;
    }

    private static NafLevel LevelOf(string code) => code.Length switch
    {
        2 => NafLevel.Division,
        4 => NafLevel.Group,
        5 => NafLevel.Class,
        _ => NafLevel.SubClass,
    };

    private static string Normalize(string code)
    {
        var trimmed = code.Trim().ToUpperInvariant();
        return trimmed.Length > 2 && trimmed[2] != '.' ? trimmed.Insert(2, ".") : trimmed;
    }

    private sealed class NafRow
    {
        [JsonPropertyName("id")] public string? Id { get; init; }
        [JsonPropertyName("label")] public string? Label { get; init; }
    }
}
