namespace Parcours.Core.Documents;

/// <summary>
/// A document to print, as a list of blocks (headings, paragraphs, labelled fields, tables, signature boxes) that
/// <see cref="PdfRenderer"/> lays out on A4 pages. Callers describe content; they never place text or write PDF.
/// </summary>
public sealed class LayoutDocument(string title)
{
    /// <summary>The title: in the document information and, by default, in the footer of every page.</summary>
    public string Title { get; } = title;

    public PageOrientation Orientation { get; init; } = PageOrientation.Portrait;

    /// <summary>Footer text on the left of every page (the page number is on the right); <see cref="Title"/> when null.</summary>
    public string? Footer { get; init; }

    public List<Block> Blocks { get; } = [];

    public LayoutDocument Heading(string text, int level = 1) => Add(new HeadingBlock(text, level));

    public LayoutDocument Paragraph(string text, TextStyle style = TextStyle.Normal, double fontSize = 10) =>
        Add(new ParagraphBlock(text, style, fontSize));

    public LayoutDocument Fields(IEnumerable<(string Label, string Value)> fields) => Add(new FieldListBlock([.. fields]));

    public LayoutDocument Table(TableBlock table) => Add(table);

    public LayoutDocument Signatures(params string[] labels) => Add(new SignatureBlock(labels));

    public LayoutDocument Space(double points) => Add(new SpacerBlock(points));

    public LayoutDocument Add(Block block)
    {
        Blocks.Add(block);
        return this;
    }
}

public enum PageOrientation
{
    Portrait,
    Landscape,
}

public enum TextStyle
{
    Normal,
    Bold,

    /// <summary>Smaller grey text: definitions, notes.</summary>
    Muted,

    /// <summary>Bold red text: a failed check, a warning.</summary>
    Alert,
}

public enum CellAlign
{
    Left,
    Right,
}

public abstract record Block;

/// <summary>A heading: level 1 (document title), 2 (section) or 3.</summary>
public sealed record HeadingBlock(string Text, int Level = 1) : Block;

/// <summary>Text wrapped on the width of the page; «\n» starts a new line.</summary>
public sealed record ParagraphBlock(string Text, TextStyle Style = TextStyle.Normal, double FontSize = 10) : Block;

/// <summary>Labels in bold on the left, values on the right, one pair per line (values wrap).</summary>
public sealed record FieldListBlock(IReadOnlyList<(string Label, string Value)> Fields) : Block;

/// <summary>Boxes side by side with a label, for signatures.</summary>
public sealed record SignatureBlock(IReadOnlyList<string> Labels, double Height = 70) : Block;

public sealed record SpacerBlock(double Height) : Block;

/// <summary>A column: header text, alignment of its cells, and an optional relative width.</summary>
/// <param name="Weight">Relative width. When every column has one, the widths are proportional to the weights;
/// otherwise each column is as wide as its content (within the page), extra width going to the left-aligned columns.</param>
public sealed record TableColumn(string Header, CellAlign Align = CellAlign.Left, double? Weight = null);

public sealed record TableRow(IReadOnlyList<string> Cells, bool Bold = false);

/// <summary>
/// A table with a header row (repeated at the top of every page the table runs onto), borders, wrapped cells.
/// A caption, when given, is kept on the same page as the header and the first row.
/// </summary>
public sealed record TableBlock(IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows) : Block
{
    public string? Caption { get; init; }

    public double FontSize { get; init; } = 8;
}
