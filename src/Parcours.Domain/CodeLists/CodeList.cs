using System.Collections.ObjectModel;

namespace Parcours.Domain.CodeLists;

/// <summary>One controlled vocabulary of codelists.md, as loaded from the embedded codelists.json.</summary>
public sealed class CodeList
{
    private readonly Dictionary<string, CodeListEntry> byCode;

    internal CodeList(
        string id,
        string section,
        string title,
        bool derived,
        string exchangedIn,
        IReadOnlyList<string> columns,
        IReadOnlyList<CodeListEntry> entries)
    {
        Id = id;
        Section = section;
        Title = title;
        Derived = derived;
        ExchangedIn = exchangedIn;
        Columns = columns;
        Entries = entries;
        byCode = new Dictionary<string, CodeListEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!byCode.TryAdd(entry.Code, entry))
            {
                throw new InvalidOperationException($"Code list {id}: duplicate code {entry.Code}.");
            }
        }
    }

    /// <summary>Identifier of the list, e.g. <c>SEXE</c>.</summary>
    public string Id { get; }

    /// <summary>Section of codelists.md that defines the list, e.g. <c>2.1</c>.</summary>
    public string Section { get; }

    /// <summary>Short English title from the document (may be empty).</summary>
    public string Title { get; }

    /// <summary>True when Parcours computes the list from exchanged data (codelists.md §0.3).</summary>
    public bool Derived { get; }

    /// <summary>Where the list is exchanged, as written in the index of codelists.md (§1).</summary>
    public string ExchangedIn { get; }

    /// <summary>Headers of the mapping columns (every column after Code and Label), in document order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The codes of the list, in document order.</summary>
    public IReadOnlyList<CodeListEntry> Entries { get; }

    /// <summary>The entry of a code (exact, case-sensitive match), or null.</summary>
    public CodeListEntry? Find(string? code) =>
        code is not null && byCode.TryGetValue(code, out var entry) ? entry : null;

    /// <summary>True when the code belongs to the list (exact, case-sensitive match).</summary>
    public bool Contains(string? code) => code is not null && byCode.ContainsKey(code);

    public override string ToString() => Id;
}

/// <summary>One code of a list, with its French label and its mapping columns.</summary>
public sealed class CodeListEntry
{
    internal CodeListEntry(string code, string label, IDictionary<string, string> attributes)
    {
        Code = code;
        Label = label;
        Attributes = new ReadOnlyDictionary<string, string>(attributes);
    }

    /// <summary>The code, as stored and exchanged.</summary>
    public string Code { get; }

    /// <summary>The French label shown to users.</summary>
    public string Label { get; }

    /// <summary>The other columns of the document's table, keyed by column header.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    /// <summary>The value of a column, or null when the list has no such column.</summary>
    public string? Attribute(string column) => Attributes.TryGetValue(column, out var value) ? value : null;

    public override string ToString() => Code;
}
