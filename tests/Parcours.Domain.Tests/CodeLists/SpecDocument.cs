using System.Reflection;
using System.Text.RegularExpressions;
using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Tests.CodeLists;

/// <summary>A code of a list as read from docs/spec/codelists.md.</summary>
internal sealed record SpecCode(string Code, string Label, IReadOnlyDictionary<string, string> Attributes);

/// <summary>A list as read from docs/spec/codelists.md.</summary>
internal sealed record SpecList(string Id, string Section, bool Derived, IReadOnlyList<string> Columns, IReadOnlyList<SpecCode> Codes)
{
    public SpecCode? Find(string code) => Codes.FirstOrDefault(c => c.Code == code);
}

/// <summary>
/// Reads docs/spec/codelists.md with its own small markdown-table parser, independent of whatever
/// produced codelists.json, so that the tests compare the enums and the JSON with the document itself.
/// </summary>
internal static partial class SpecDocument
{
    private static readonly Lazy<string[]> DocumentLines = new(() => File.ReadAllLines(DocumentPath));
    private static readonly Lazy<IReadOnlyList<SpecList>> ParsedLists = new(ParseLists);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string DocumentPath => Path.Combine(RepositoryRoot, "docs", "spec", "codelists.md");

    /// <summary>Every list that has a table whose first column is "Code", in document order.</summary>
    public static IReadOnlyList<SpecList> Lists => ParsedLists.Value;

    public static SpecList List(string id) =>
        Lists.SingleOrDefault(l => l.Id == id) ?? throw new InvalidOperationException($"List {id} is not in codelists.md.");

    /// <summary>The index of §1: list identifier → (section, "Exchanged in").</summary>
    public static IReadOnlyDictionary<string, (string Section, string ExchangedIn)> Index()
    {
        var index = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var table in Tables().Where(t => t.Rows[0] is ["List", "Section", "Exchanged in"]))
        {
            foreach (var row in table.Rows.Skip(2))
            {
                foreach (Match id in IdentifierInBackticks().Matches(row[0]))
                {
                    index.Add(id.Groups[1].Value, (row[1], row[2]));
                }
            }
        }

        return index;
    }

    /// <summary>The data rows of the first table whose header row is exactly <paramref name="header"/>.</summary>
    public static IReadOnlyList<string[]> TableWithHeader(params string[] header) =>
        Tables().First(t => t.Rows[0].SequenceEqual(header)).Rows.Skip(2).ToList();

    /// <summary>Removes markdown emphasis and code spans from a cell.</summary>
    public static string StripMarkdown(string cell)
    {
        var text = cell.Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal);
        return Italic().Replace(text, "$1").Trim();
    }

    /// <summary>The enums marked with [CodeList], keyed by list identifier.</summary>
    public static IReadOnlyDictionary<string, Type> EnumsByListId() =>
        typeof(CodeListRegistry).Assembly.GetTypes()
            .Select(t => (Type: t, Attribute: t.GetCustomAttribute<CodeListAttribute>()))
            .Where(x => x.Attribute is not null)
            .ToDictionary(x => x.Attribute!.ListId, x => x.Type, StringComparer.Ordinal);

    private sealed record Table(int StartLine, IReadOnlyList<string[]> Rows);

    private static IEnumerable<Table> Tables()
    {
        var lines = DocumentLines.Value;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith('|'))
            {
                continue;
            }

            var start = i;
            var rows = new List<string[]>();
            while (i < lines.Length && lines[i].StartsWith('|'))
            {
                rows.Add(SplitRow(lines[i]));
                i++;
            }

            yield return new Table(start, rows);
        }
    }

    private static string[] SplitRow(string line)
    {
        var inner = line.Trim();
        inner = inner[1..^1];
        return UnescapedPipe().Split(inner).Select(c => c.Replace("\\|", "|", StringComparison.Ordinal).Trim()).ToArray();
    }

    private static List<SpecList> ParseLists()
    {
        var lines = DocumentLines.Value;
        var index = Index();
        var lists = new List<SpecList>();
        foreach (var table in Tables().Where(t => t.Rows[0][0] == "Code"))
        {
            var header = table.Rows[0];
            var id = ListIdBefore(lines, table.StartLine);
            var section = SectionBefore(lines, table.StartLine);
            var columns = header.Skip(2).ToArray();
            var codes = new List<SpecCode>();
            foreach (var row in table.Rows.Skip(2))
            {
                if (row.Length != header.Length)
                {
                    throw new InvalidOperationException($"List {id}: row '{string.Join(" | ", row)}' has {row.Length} cells, the header has {header.Length}.");
                }

                var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var c = 2; c < header.Length; c++)
                {
                    attributes.Add(header[c], StripMarkdown(row[c]));
                }

                codes.Add(new SpecCode(StripMarkdown(row[0]), StripMarkdown(row[1]), attributes));
            }

            var derived = index.TryGetValue(id, out var entry) && entry.ExchangedIn.Contains("derived", StringComparison.Ordinal);
            lists.Add(new SpecList(id, section, derived, columns, codes));
        }

        return lists;
    }

    // The nearest heading or introducing paragraph above the table names the list: "### 2.1 `SEXE`" or
    // "`TRANCHE_AGE`: five bands…" (several lists share section 2.2).
    private static string ListIdBefore(string[] lines, int tableStart)
    {
        for (var i = tableStart - 1; i >= 0; i--)
        {
            var line = lines[i];
            var intro = IntroducingParagraph().Match(line);
            if (intro.Success)
            {
                return intro.Groups[1].Value;
            }

            if (line.StartsWith('#'))
            {
                var id = IdentifierInBackticks().Match(line);
                return id.Success
                    ? id.Groups[1].Value
                    : throw new InvalidOperationException($"Code table at line {tableStart + 1} has no list identifier above it.");
            }
        }

        throw new InvalidOperationException($"Code table at line {tableStart + 1} has no heading.");
    }

    private static string SectionBefore(string[] lines, int tableStart)
    {
        for (var i = tableStart - 1; i >= 0; i--)
        {
            var number = NumberedHeading().Match(lines[i]);
            if (number.Success)
            {
                return number.Groups[1].Value;
            }
        }

        throw new InvalidOperationException($"Code table at line {tableStart + 1} has no numbered section.");
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Parcours.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Parcours.slnx above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [GeneratedRegex(@"(?<![\w*])\*([^*]+)\*(?![\w*])")]
    private static partial Regex Italic();

    [GeneratedRegex(@"`([A-Z][A-Z0-9_]*)`")]
    private static partial Regex IdentifierInBackticks();

    [GeneratedRegex(@"^`([A-Z][A-Z0-9_]*)`:")]
    private static partial Regex IntroducingParagraph();

    [GeneratedRegex(@"^##+ (\d+(?:\.\d+)?)[. ]")]
    private static partial Regex NumberedHeading();
}
