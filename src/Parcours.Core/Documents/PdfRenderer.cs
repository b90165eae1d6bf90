using System.Globalization;

namespace Parcours.Core.Documents;

/// <summary>
/// Lays a <see cref="LayoutDocument"/> out on A4 pages and writes it as a PDF 1.4 file: Helvetica and
/// Helvetica-Bold in WinAnsiEncoding (not embedded), text wrapped with the fonts' metrics, tables whose header is
/// repeated on every page they run onto, «Page n / N» in the footer. The creation date comes from the injected
/// clock, so the same document at the same instant gives the same bytes. See docs/adr/0006-pdf-documents.md.
/// </summary>
public sealed class PdfRenderer(TimeProvider clock)
{
    public const string Producer = "Parcours";
    public const string ContentType = "application/pdf";

    public byte[] Render(LayoutDocument document)
    {
        var layout = new PageLayout(document.Orientation);
        foreach (var block in document.Blocks) layout.Place(block);
        var pages = layout.Finish(document.Footer ?? document.Title);

        var pdf = new PdfFile();
        var catalog = pdf.Reserve();
        var pagesNode = pdf.Reserve();
        var regular = pdf.Reserve();
        var bold = pdf.Reserve();
        var info = pdf.Reserve();
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {pagesNode} 0 R /Lang (fr-FR) >>");
        pdf.Set(regular, Font(StandardFont.Helvetica));
        pdf.Set(bold, Font(StandardFont.HelveticaBold));
        pdf.Set(info, $"<< /Title {PdfFile.TextString(document.Title)} /Producer ({Producer}) /Creator ({Producer}) /CreationDate {PdfFile.Date(clock.GetUtcNow())} >>");
        var kids = new List<int>();
        var mediaBox = string.Create(CultureInfo.InvariantCulture, $"[0 0 {layout.Width:0.##} {layout.Height:0.##}]");
        foreach (var canvas in pages)
        {
            var page = pdf.Reserve();
            var content = pdf.Reserve();
            pdf.Set(page, $"<< /Type /Page /Parent {pagesNode} 0 R /MediaBox {mediaBox} /Resources << /Font << /F1 {regular} 0 R /F2 {bold} 0 R >> >> /Contents {content} 0 R >>");
            pdf.SetStream(content, canvas.ToBytes());
            kids.Add(page);
        }
        pdf.Set(pagesNode, $"<< /Type /Pages /Kids [{string.Join(' ', kids.Select(k => $"{k} 0 R"))}] /Count {kids.Count} >>");
        return pdf.Write(catalog, info);
    }

    private static string Font(StandardFont font) =>
        $"<< /Type /Font /Subtype /Type1 /BaseFont /{FontMetrics.BaseFont(font)} /Encoding /WinAnsiEncoding >>";

    /// <summary>
    /// Splits text into lines no wider than <paramref name="width"/> points: at spaces, «\n» forcing a break, a word
    /// longer than the width cut where it overflows. The lines are <see cref="WinAnsi.Sanitize"/>d text.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string? text, StandardFont font, double size, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in WinAnsi.Sanitize(text).Split('\n'))
        {
            var line = "";
            foreach (var piece in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = piece;
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (FontMetrics.Measure(font, candidate, size) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0) lines.Add(line);
                while (word.Length > 1 && FontMetrics.Measure(font, word, size) > width)
                {
                    var fit = 1;
                    while (fit < word.Length - 1 && FontMetrics.Measure(font, word[..(fit + 1)], size) <= width) fit++;
                    lines.Add(word[..fit]);
                    word = word[fit..];
                }
                line = word;
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>The cursor running down the pages: places each block, opening a page when the next piece does not fit.</summary>
    private sealed class PageLayout
    {
        private const double Margin = 42;
        private const double FooterSpace = 30;
        private const double CellPadding = 3;

        private readonly List<PdfCanvas> _pages = [];
        private PdfCanvas _page = null!;
        private double _y;

        public double Width { get; }
        public double Height { get; }
        private double Left => Margin;
        private double ContentWidth => Width - 2 * Margin;
        private double Top => Height - Margin;
        private double Bottom => Margin + FooterSpace - 10;
        private bool AtPageTop => _y >= Top - 0.01;

        public PageLayout(PageOrientation orientation)
        {
            (Width, Height) = orientation == PageOrientation.Landscape ? (841.89, 595.28) : (595.28, 841.89);
            NewPage();
        }

        private void NewPage()
        {
            _page = new PdfCanvas();
            _pages.Add(_page);
            _y = Top;
        }

        /// <summary>Opens a new page unless <paramref name="height"/> fits above the bottom margin (or the page is still empty).</summary>
        private void Need(double height)
        {
            if (_y - height < Bottom && !AtPageTop) NewPage();
        }

        public void Place(Block block)
        {
            switch (block)
            {
                case HeadingBlock h: PlaceHeading(h); break;
                case ParagraphBlock p: PlaceParagraph(p); break;
                case FieldListBlock f: PlaceFields(f); break;
                case TableBlock t: PlaceTable(t); break;
                case SignatureBlock s: PlaceSignatures(s); break;
                case SpacerBlock s:
                    if (_y - s.Height < Bottom) NewPage();
                    else if (!AtPageTop) _y -= s.Height;
                    break;
                default: throw new NotSupportedException($"Block {block.GetType().Name} is not supported.");
            }
        }

        private static double Leading(double size) => size * 1.25;

        /// <summary>Baseline of a line whose box starts at <paramref name="top"/>.</summary>
        private static double Baseline(double top, double size) => top - size * 0.95;

        private void PlaceHeading(HeadingBlock h)
        {
            var (size, before, after) = h.Level switch { 1 => (16.0, 4.0, 8.0), 2 => (12.5, 12.0, 4.0), _ => (10.5, 8.0, 3.0) };
            var lines = Wrap(h.Text, StandardFont.HelveticaBold, size, ContentWidth);
            // A heading stays with at least three lines of what follows.
            Need(before + lines.Count * Leading(size) + after + 3 * Leading(10));
            if (!AtPageTop) _y -= before;
            foreach (var line in lines)
            {
                _page.Text(Left, Baseline(_y, size), StandardFont.HelveticaBold, size, line, PdfCanvas.Black);
                _y -= Leading(size);
            }
            _y -= after;
        }

        private void PlaceParagraph(ParagraphBlock p)
        {
            var font = p.Style is TextStyle.Bold or TextStyle.Alert ? StandardFont.HelveticaBold : StandardFont.Helvetica;
            var size = p.Style == TextStyle.Muted ? p.FontSize * 0.9 : p.FontSize;
            var color = p.Style switch { TextStyle.Muted => PdfCanvas.Grey, TextStyle.Alert => PdfCanvas.Red, _ => PdfCanvas.Black };
            foreach (var line in Wrap(p.Text, font, size, ContentWidth))
            {
                Need(Leading(size));
                _page.Text(Left, Baseline(_y, size), font, size, line, color);
                _y -= Leading(size);
            }
            _y -= size * 0.5;
        }

        private void PlaceFields(FieldListBlock f)
        {
            const double size = 10;
            const double gap = 12;
            var labelWidth = Math.Min(180, ContentWidth * 0.38);
            var valueWidth = ContentWidth - labelWidth - gap;
            foreach (var (label, value) in f.Fields)
            {
                var labels = Wrap(label, StandardFont.HelveticaBold, size, labelWidth);
                var values = Wrap(value, StandardFont.Helvetica, size, valueWidth);
                var height = Math.Max(labels.Count, values.Count) * Leading(size);
                Need(height);
                for (var i = 0; i < labels.Count; i++)
                    _page.Text(Left, Baseline(_y - i * Leading(size), size), StandardFont.HelveticaBold, size, labels[i], PdfCanvas.Black);
                for (var i = 0; i < values.Count; i++)
                    _page.Text(Left + labelWidth + gap, Baseline(_y - i * Leading(size), size), StandardFont.Helvetica, size, values[i], PdfCanvas.Black);
                _y -= height + 3;
            }
            _y -= 4;
        }

        private void PlaceSignatures(SignatureBlock s)
        {
            if (s.Labels.Count == 0) return;
            const double gap = 24;
            const double size = 9;
            var width = (ContentWidth - gap * (s.Labels.Count - 1)) / s.Labels.Count;
            var labels = s.Labels.Select(l => Wrap(l, StandardFont.HelveticaBold, size, width)).ToList();
            var labelHeight = labels.Max(l => l.Count) * Leading(size);
            Need(12 + labelHeight + s.Height);
            if (!AtPageTop) _y -= 12;
            for (var i = 0; i < labels.Count; i++)
            {
                var x = Left + i * (width + gap);
                for (var j = 0; j < labels[i].Count; j++)
                    _page.Text(x, Baseline(_y - j * Leading(size), size), StandardFont.HelveticaBold, size, labels[i][j], PdfCanvas.Black);
                _page.Rectangle(x, _y - labelHeight - 2, width, s.Height, null, stroke: true);
            }
            _y -= labelHeight + 2 + s.Height + 8;
        }

        private void PlaceTable(TableBlock t)
        {
            if (t.Columns.Count == 0) return;
            var size = t.FontSize;
            var leading = size * 1.2;
            var widths = ColumnWidths(t);
            var header = t.Columns.Select((c, i) => Wrap(c.Header, StandardFont.HelveticaBold, size, widths[i] - 2 * CellPadding)).ToList();
            var headerHeight = header.Max(l => l.Count) * leading + 2 * CellPadding;
            List<IReadOnlyList<string>> CellLines(TableRow row) => t.Columns.Select((_, i) => Wrap(i < row.Cells.Count ? row.Cells[i] : "",
                row.Bold ? StandardFont.HelveticaBold : StandardFont.Helvetica, size, widths[i] - 2 * CellPadding)).ToList();
            double RowHeight(List<IReadOnlyList<string>> cells) => cells.Max(l => Math.Max(1, l.Count)) * leading + 2 * CellPadding;

            const double captionSize = 10;
            var caption = t.Caption is null ? [] : Wrap(t.Caption, StandardFont.HelveticaBold, captionSize, ContentWidth);
            var captionHeight = caption.Count * Leading(captionSize) + (caption.Count > 0 ? 2 : 0);
            var first = t.Rows.Count > 0 ? RowHeight(CellLines(t.Rows[0])) : 0;
            Need(captionHeight + headerHeight + first);
            void Caption(bool continued)
            {
                for (var i = 0; i < caption.Count; i++)
                {
                    var text = continued && i == caption.Count - 1 ? caption[i] + " (suite)" : caption[i];
                    _page.Text(Left, Baseline(_y, captionSize), StandardFont.HelveticaBold, captionSize, WinAnsi.Sanitize(text), PdfCanvas.Black);
                    _y -= Leading(captionSize);
                }
                if (caption.Count > 0) _y -= 2;
            }
            void Header()
            {
                var x = Left;
                for (var i = 0; i < t.Columns.Count; i++)
                {
                    _page.Rectangle(x, _y, widths[i], headerHeight, 0.92, stroke: true);
                    DrawCell(x, widths[i], header[i], StandardFont.HelveticaBold, size, leading, t.Columns[i].Align);
                    x += widths[i];
                }
                _y -= headerHeight;
            }
            Caption(continued: false);
            Header();
            foreach (var row in t.Rows)
            {
                var cells = CellLines(row);
                var height = RowHeight(cells);
                if (_y - height < Bottom)
                {
                    NewPage();
                    Caption(continued: true);
                    Header();
                }
                var x = Left;
                for (var i = 0; i < t.Columns.Count; i++)
                {
                    _page.Rectangle(x, _y, widths[i], height, null, stroke: true);
                    DrawCell(x, widths[i], cells[i], row.Bold ? StandardFont.HelveticaBold : StandardFont.Helvetica, size, leading, t.Columns[i].Align);
                    x += widths[i];
                }
                _y -= height;
            }
            _y -= 10;
        }

        private void DrawCell(double x, double width, IReadOnlyList<string> lines, StandardFont font, double size, double leading, CellAlign align)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var lineX = align == CellAlign.Right
                    ? x + width - CellPadding - FontMetrics.Measure(font, lines[i], size)
                    : x + CellPadding;
                _page.Text(lineX, _y - CellPadding - i * leading - size * 0.85, font, size, lines[i], PdfCanvas.Black);
            }
        }

        /// <summary>
        /// Widths in points filling the content width: proportional to the weights when every column has one;
        /// otherwise each column's natural width (its widest cell, its header's longest word), the spare width going
        /// to the right-aligned columns until their header fits on one line, then to the left-aligned (text) columns;
        /// everything scaled down when the natural widths do not fit.
        /// </summary>
        private double[] ColumnWidths(TableBlock t)
        {
            var n = t.Columns.Count;
            if (t.Columns.All(c => c.Weight is > 0))
            {
                var sum = t.Columns.Sum(c => c.Weight!.Value);
                return t.Columns.Select(c => c.Weight!.Value / sum * ContentWidth).ToArray();
            }
            var natural = new double[n];
            for (var i = 0; i < n; i++)
            {
                var header = WinAnsi.Sanitize(t.Columns[i].Header).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
                    .Select(w => FontMetrics.Measure(StandardFont.HelveticaBold, w, t.FontSize)).DefaultIfEmpty(0).Max();
                var cells = t.Rows.Where(r => i < r.Cells.Count)
                    .Select(r => WinAnsi.Sanitize(r.Cells[i]).Split('\n').Max(l => FontMetrics.Measure(r.Bold ? StandardFont.HelveticaBold : StandardFont.Helvetica, l, t.FontSize)))
                    .DefaultIfEmpty(0).Max();
                natural[i] = Math.Min(Math.Max(header, cells) + 2 * CellPadding + 1, ContentWidth * 0.45);
            }
            var total = natural.Sum();
            if (total > ContentWidth) return natural.Select(w => w * ContentWidth / total).ToArray();
            // Spare width first widens the other columns towards their header on one line (at most 90 pt), levelling
            // them: each grows to a common width L (or to what its header needs), L as large as the page allows.
            var targets = Enumerable.Range(0, n).Select(i => t.Columns[i].Align == CellAlign.Left ? natural[i]
                : Math.Max(natural[i], Math.Min(90, FontMetrics.Measure(StandardFont.HelveticaBold, WinAnsi.Sanitize(t.Columns[i].Header), t.FontSize) + 2 * CellPadding + 1))).ToArray();
            double WidthAt(double level, int i) => Math.Max(natural[i], Math.Min(targets[i], level));
            double low = 0, high = 90;
            for (var step = 0; step < 40; step++)
            {
                var level = (low + high) / 2;
                if (Enumerable.Range(0, n).Sum(i => WidthAt(level, i)) <= ContentWidth) low = level; else high = level;
            }
            for (var i = 0; i < n; i++) natural[i] = WidthAt(low, i);
            total = natural.Sum();
            var flexible = Enumerable.Range(0, n).Where(i => t.Columns[i].Align == CellAlign.Left).ToList();
            if (flexible.Count == 0) flexible = [.. Enumerable.Range(0, n)];
            var flexibleTotal = flexible.Sum(i => natural[i]);
            var spare = ContentWidth - total;
            foreach (var i in flexible) natural[i] += flexibleTotal > 0 ? spare * natural[i] / flexibleTotal : spare / flexible.Count;
            return natural;
        }

        /// <summary>Draws the footer of every page (text on the left, «Page n / N» on the right) and returns the pages.</summary>
        public IReadOnlyList<PdfCanvas> Finish(string footer)
        {
            const double size = 8;
            var y = Margin - 8;
            for (var i = 0; i < _pages.Count; i++)
            {
                var page = _pages[i];
                var number = WinAnsi.Sanitize(string.Create(CultureInfo.InvariantCulture, $"Page {i + 1} / {_pages.Count}"));
                var numberWidth = FontMetrics.Measure(StandardFont.Helvetica, number, size);
                page.Line(Left, y + 12, Left + ContentWidth, y + 12, 0.4, 0.7);
                var text = Wrap(footer, StandardFont.Helvetica, size, ContentWidth - numberWidth - 20).FirstOrDefault() ?? "";
                page.Text(Left, y, StandardFont.Helvetica, size, text, PdfCanvas.Grey);
                page.Text(Left + ContentWidth - numberWidth, y, StandardFont.Helvetica, size, number, PdfCanvas.Grey);
            }
            return _pages;
        }
    }
}
