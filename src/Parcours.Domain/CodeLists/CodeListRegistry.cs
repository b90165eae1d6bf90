using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace Parcours.Domain.CodeLists;

/// <summary>
/// The code lists of docs/spec/codelists.md, loaded once from the embedded resource
/// <c>Parcours.Domain.CodeLists.codelists.json</c>.
/// </summary>
public static class CodeListRegistry
{
    /// <summary>Logical name of the embedded JSON resource.</summary>
    public const string ResourceName = "Parcours.Domain.CodeLists.codelists.json";

    private static readonly Lazy<Catalogue> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every list, in document order.</summary>
    public static IReadOnlyList<CodeList> All => Loaded.Value.Lists;

    /// <summary>The list with this identifier.</summary>
    /// <exception cref="KeyNotFoundException">No list has this identifier.</exception>
    public static CodeList Get(string listId)
    {
        ArgumentNullException.ThrowIfNull(listId);
        return Loaded.Value.ById.TryGetValue(listId, out var list)
            ? list
            : throw new KeyNotFoundException($"Unknown code list '{listId}'.");
    }

    /// <summary>Looks a list up by identifier without throwing.</summary>
    public static bool TryGet(string? listId, out CodeList list)
    {
        if (listId is not null && Loaded.Value.ById.TryGetValue(listId, out var found))
        {
            list = found;
            return true;
        }

        list = null!;
        return false;
    }

    /// <summary>The list an enum stands for (from its <see cref="CodeListAttribute"/>).</summary>
    public static CodeList For<T>()
        where T : struct, Enum => EnumMap<T>.List;

    /// <summary>True when <paramref name="code"/> belongs to the list (exact, case-sensitive match).</summary>
    /// <exception cref="KeyNotFoundException">No list has this identifier.</exception>
    public static bool IsValid(string listId, string? code) => Get(listId).Contains(code);

    /// <summary>
    /// The value of a mapping column for a code (for example column "Neutralisable" of MOTIF_SORTIE),
    /// or null when the code or the column does not exist.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No list has this identifier.</exception>
    public static string? Attribute(string listId, string code, string column) =>
        Get(listId).Find(code)?.Attribute(column);

    /// <summary>The code of an enum value, as stored and exchanged.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of the enum.</exception>
    public static string Code<T>(T value)
        where T : struct, Enum => Entry(value).Code;

    /// <summary>The French label of an enum value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of the enum.</exception>
    public static string Label<T>(T value)
        where T : struct, Enum => Entry(value).Label;

    /// <summary>The entry (code, label, mapping columns) of an enum value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of the enum.</exception>
    public static CodeListEntry Entry<T>(T value)
        where T : struct, Enum =>
        EnumMap<T>.Entries.TryGetValue(value, out var entry)
            ? entry
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a code of list {EnumMap<T>.List.Id}.");

    /// <summary>
    /// Parses a code into an enum value. The match is exact and case-sensitive; numbers, surrounding
    /// spaces and other casings are refused.
    /// </summary>
    public static bool TryParse<T>(string? code, out T value)
        where T : struct, Enum
    {
        if (code is not null && EnumMap<T>.Values.TryGetValue(code, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Parses a code into an enum value (exact, case-sensitive match).</summary>
    /// <exception cref="FormatException">The code is not in the list.</exception>
    public static T Parse<T>(string code)
        where T : struct, Enum =>
        TryParse<T>(code, out var value)
            ? value
            : throw new FormatException($"'{code}' is not a code of list {EnumMap<T>.List.Id}.");

    private static class EnumMap<T>
        where T : struct, Enum
    {
        public static readonly CodeList List;
        public static readonly FrozenDictionary<string, T> Values;
        public static readonly FrozenDictionary<T, CodeListEntry> Entries;

        static EnumMap()
        {
            var type = typeof(T);
            var attribute = type.GetCustomAttribute<CodeListAttribute>()
                ?? throw new InvalidOperationException($"Enum {type.Name} has no [CodeList] attribute.");
            List = Get(attribute.ListId);
            var values = new Dictionary<string, T>(StringComparer.Ordinal);
            var entries = new Dictionary<T, CodeListEntry>();
            foreach (var name in Enum.GetNames<T>())
            {
                var entry = List.Find(name)
                    ?? throw new InvalidOperationException($"Enum {type.Name}: member {name} is not a code of list {List.Id}.");
                var value = Enum.Parse<T>(name);
                values.Add(name, value);
                entries.Add(value, entry);
            }

            Values = values.ToFrozenDictionary(StringComparer.Ordinal);
            Entries = entries.ToFrozenDictionary();
        }
    }

    private sealed record Catalogue(IReadOnlyList<CodeList> Lists, FrozenDictionary<string, CodeList> ById);

    private static Catalogue Load()
    {
        using var stream = typeof(CodeListRegistry).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} not found.");
        using var document = JsonDocument.Parse(stream);
        var lists = new List<CodeList>();
        foreach (var element in document.RootElement.GetProperty("lists").EnumerateArray())
        {
            var id = element.GetProperty("id").GetString()!;
            var columns = element.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
            var entries = new List<CodeListEntry>();
            foreach (var code in element.GetProperty("codes").EnumerateArray())
            {
                var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var property in code.GetProperty("attributes").EnumerateObject())
                {
                    attributes.Add(property.Name, property.Value.GetString() ?? string.Empty);
                }

                entries.Add(new CodeListEntry(code.GetProperty("code").GetString()!, code.GetProperty("label").GetString()!, attributes));
            }

            lists.Add(new CodeList(
                id,
                element.GetProperty("section").GetString()!,
                element.GetProperty("title").GetString() ?? string.Empty,
                element.GetProperty("derived").GetBoolean(),
                element.GetProperty("exchangedIn").GetString() ?? string.Empty,
                Array.AsReadOnly(columns),
                entries.AsReadOnly()));
        }

        return new Catalogue(lists.AsReadOnly(), lists.ToFrozenDictionary(l => l.Id, StringComparer.Ordinal));
    }
}
