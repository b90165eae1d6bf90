using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Parcours.Core.Documents;
using Parcours.Core.Tests.Support;
using Parcours.TestCommon;

namespace Parcours.Core.Tests.Documents;

/// <summary>
/// The PDF writer: a valid file structure (header, cross-reference offsets, trailer), text a real reader
/// (Poppler's pdftotext) gives back with its French characters, wrapping on the Helvetica metrics, tables
/// across pages with their header repeated, and the same bytes for the same document at the same instant.
/// </summary>
public class PdfRendererTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero));

    private static byte[] Render(LayoutDocument document) => new PdfRenderer(Clock).Render(document);

    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    private static LayoutDocument LongTable(int rows)
    {
        var document = new LayoutDocument("Tableau long").Heading("Tableau long");
        document.Table(new TableBlock(
            [new TableColumn("Libellé de la ligne"), new TableColumn("Nombre", CellAlign.Right), new TableColumn("Taux", CellAlign.Right)],
            Enumerable.Range(1, rows).Select(i => new TableRow([$"Ligne {i}", (i * 7).ToString(CultureInfo.InvariantCulture), $"{i % 100},5 %"])).ToList())
        { Caption = "Répartition des entrées" });
        return document;
    }

    [Fact]
    public void Structure_HeaderXrefOffsetsAndTrailer_AreConsistent()
    {
        var pdf = Render(LongTable(150));
        var text = Latin1(pdf);

        Assert.StartsWith("%PDF-1.4\n", text);
        Assert.EndsWith("%%EOF\n", text);
        var startxref = Regex.Match(text, @"startxref\n(\d+)\n%%EOF\n$");
        Assert.True(startxref.Success, "no startxref at the end of the file");
        var xrefOffset = int.Parse(startxref.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal("xref\n", text.Substring(xrefOffset, 5));

        var header = Regex.Match(text[xrefOffset..], @"^xref\n0 (\d+)\n");
        var size = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture);
        var entriesStart = xrefOffset + header.Length;
        Assert.Equal("0000000000 65535 f \n", text.Substring(entriesStart, 20));
        for (var number = 1; number < size; number++)
        {
            var entry = text.Substring(entriesStart + 20 * number, 20);
            Assert.Matches(@"^\d{10} 00000 n \n$", entry);
            var offset = int.Parse(entry[..10], CultureInfo.InvariantCulture);
            Assert.StartsWith($"{number} 0 obj\n", text[offset..]);
        }
        var trailer = text[(entriesStart + 20 * size)..];
        Assert.StartsWith("trailer\n<< /Size " + size + " /Root 1 0 R /Info 5 0 R >>", trailer);

        // Page count: the page tree, the page objects and the reader agree.
        var pageObjects = Regex.Matches(text, @"/Type /Page /Parent").Count;
        Assert.True(pageObjects >= 3, $"150 rows should need several pages, got {pageObjects}");
        Assert.Contains($"/Count {pageObjects} >>", text);
        Assert.Matches($@"Pages:\s+{pageObjects}\n", PdfText.Info(pdf));
        Assert.Equal(pageObjects, PdfText.Pages(pdf).Count);
    }

    [Fact]
    public void ContentStreams_AreFlateCompressed_AndInflateToDrawingOperators()
    {
        var pdf = Render(new LayoutDocument("Essai").Paragraph("Bonjour"));
        var text = Latin1(pdf);
        var match = Regex.Match(text, @"<< /Length (\d+) /Filter /FlateDecode >>\nstream\n");
        Assert.True(match.Success);
        var length = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var start = match.Index + match.Length;
        Assert.Equal("\nendstream", text.Substring(start + length, 10));
        using var zlib = new ZLibStream(new MemoryStream(pdf, start, length), CompressionMode.Decompress);
        using var reader = new StreamReader(zlib, Encoding.ASCII);
        var content = reader.ReadToEnd();
        Assert.Contains("(Bonjour) Tj", content);
        Assert.Contains("/F1 10 Tf", content);
    }

    [Fact]
    public void DocumentInfo_TitleProducerAndCreationDate_FromTheInjectedClock()
    {
        var pdf = Render(new LayoutDocument("Contrat d'engagement réciproque").Paragraph("Texte"));
        var info = PdfText.Info(pdf);
        Assert.Matches(@"Title:\s+Contrat d'engagement réciproque\n", info);
        Assert.Matches(@"Producer:\s+Parcours\n", info);
        Assert.Contains("/CreationDate (D:20250314093000Z)", Latin1(pdf));
    }

    [Fact]
    public void SameDocumentSameInstant_GivesTheSameBytes_AnotherInstantAnotherDate()
    {
        Assert.Equal(Render(LongTable(40)), Render(LongTable(40)));
        var later = new PdfRenderer(new FixedClock(Clock.Now.AddDays(1))).Render(LongTable(40));
        Assert.NotEqual(Render(LongTable(40)), later);
        Assert.Contains("/CreationDate (D:20250315093000Z)", Latin1(later));
    }

    [Fact]
    public void FrenchCharacters_MapToWinAnsiBytes()
    {
        const string french = "é è ê à ç ù « » ’ œ € Œ É À Ç – — …";
        Assert.Equal(
            new byte[] { 0xE9, 0x20, 0xE8, 0x20, 0xEA, 0x20, 0xE0, 0x20, 0xE7, 0x20, 0xF9, 0x20, 0xAB, 0x20, 0xBB, 0x20, 0x92, 0x20, 0x9C, 0x20, 0x80,
                0x20, 0x8C, 0x20, 0xC9, 0x20, 0xC0, 0x20, 0xC7, 0x20, 0x96, 0x20, 0x97, 0x20, 0x85 },
            WinAnsi.GetBytes(french));
        // Decomposed accents (e + combining acute) are composed first; the French thousands separator becomes a no-break space.
        Assert.Equal(new byte[] { 0xE9 }, WinAnsi.GetBytes("e\u0301"));
        Assert.Equal(new byte[] { (byte)'1', 0xA0, (byte)'2', (byte)'3', (byte)'4' }, WinAnsi.GetBytes(1234.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))));
    }

    [Fact]
    public void FrenchText_IsReadBackByAReader()
    {
        const string sentence = "Le référent s’engage à l’accompagner « vers l’emploi » : œuvre, ça, où, 12 € — fin.";
        var pdf = Render(new LayoutDocument("Accents").Heading("Élément déjà vu").Paragraph(sentence));
        var text = PdfText.Extract(pdf);
        Assert.Contains("Élément déjà vu", text);
        Assert.Contains(sentence, text.Replace('\n', ' '));
    }

    [Fact]
    public void CharactersOutsideWinAnsi_AreReplaced_NeverACrash()
    {
        Assert.Equal("a?b?c?", WinAnsi.Sanitize("aΩb😀c漢"));
        // Letters whose accent WinAnsi lacks keep their base letter, so that names stay readable; French accents are kept.
        Assert.Equal("Stefan Lukasz Dvorák Özil Nguyen", WinAnsi.Sanitize("Ștefan Łukasz Dvořák Özil Nguyễn"));
        Assert.Equal("x\u0000y".Length - 1, WinAnsi.Sanitize("x\u0000y").Length); // control characters dropped
        var pdf = Render(new LayoutDocument("Symboles Ω").Paragraph("Avant Ω 😀 漢字 après").Fields([("Clé ✓", "valeur 😀")])
            .Table(new TableBlock([new TableColumn("Ω")], [new TableRow(["𝄞"])])));
        var text = PdfText.Extract(pdf);
        Assert.Contains("Avant ? ? ?? après", text);
        Assert.Contains("valeur ?", text);
    }

    [Fact]
    public void Metrics_AreThoseOfTheHelveticaAfm()
    {
        // AFM: Helvetica A = 667, i = 222, é = 556, € = 556, ’ = 222; Helvetica-Bold A = 722, i = 278, ’ = 278.
        Assert.Equal(0.667 * 10, FontMetrics.Measure(StandardFont.Helvetica, "A", 10), 6);
        Assert.Equal((222 + 556 + 556 + 222) / 1000.0 * 12, FontMetrics.Measure(StandardFont.Helvetica, "ié€’", 12), 6);
        Assert.Equal((722 + 278 + 278) / 1000.0 * 10, FontMetrics.Measure(StandardFont.HelveticaBold, "Ai’", 10), 6);
        Assert.Equal(191, FontMetrics.Width(StandardFont.Helvetica, (byte)'\''));
        Assert.Equal(944, FontMetrics.Width(StandardFont.Helvetica, 0x9C)); // œ
    }

    [Fact]
    public void Wrap_KeepsEveryLineWithinTheWidth_AndEveryWordInOrder()
    {
        const string text = "Le participant s'engage à participer aux actions définies avec son référent et à l'informer de tout changement de situation.";
        var lines = PdfRenderer.Wrap(text, StandardFont.Helvetica, 10, 150);
        Assert.True(lines.Count >= 4, $"expected several lines, got {lines.Count}");
        Assert.All(lines, l => Assert.True(FontMetrics.Measure(StandardFont.Helvetica, l, 10) <= 150, $"«{l}» is wider than 150 pt"));
        Assert.Equal(text, string.Join(' ', lines));
        // Each line is as full as it can be: the next word would not have fitted.
        for (var i = 0; i < lines.Count - 1; i++)
        {
            var next = lines[i + 1].Split(' ')[0];
            Assert.True(FontMetrics.Measure(StandardFont.Helvetica, lines[i] + " " + next, 10) > 150);
        }
    }

    [Fact]
    public void Wrap_BreaksAWordLongerThanTheWidth_AndHonoursLineFeeds()
    {
        var lines = PdfRenderer.Wrap("court\n" + new string('m', 40) + " fin", StandardFont.Helvetica, 10, 100);
        Assert.Equal("court", lines[0]);
        Assert.Equal(new string('m', 40), string.Concat(lines.Skip(1)).Replace("fin", "").Replace(" ", ""));
        Assert.All(lines, l => Assert.True(FontMetrics.Measure(StandardFont.Helvetica, l, 10) <= 100));
        Assert.EndsWith("fin", lines[^1]);
    }

    [Fact]
    public void LongTable_RunsOverPages_RepeatingItsHeader_WithPageNumbers()
    {
        var pdf = Render(LongTable(150));
        var pages = PdfText.Pages(pdf);
        Assert.True(pages.Count >= 3);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains("Libellé de la ligne", pages[i]);
            Assert.Contains("Nombre", pages[i]);
            Assert.Contains($"Page {i + 1} / {pages.Count}", pages[i]);
            if (i > 0) Assert.Contains("Répartition des entrées (suite)", pages[i]);
        }
        var all = string.Join('\n', pages);
        foreach (var i in new[] { 1, 75, 150 }) Assert.Contains($"Ligne {i}", all);
        Assert.Contains((150 * 7).ToString(CultureInfo.InvariantCulture), all);
    }

    [Fact]
    public void NumbersInRightAlignedColumns_EndAtTheColumnsRightEdge()
    {
        var pdf = Render(new LayoutDocument("Alignement").Table(new TableBlock(
            [new TableColumn("Libellé"), new TableColumn("Nombre", CellAlign.Right)],
            [new TableRow(["un", "7"]), new TableRow(["mille", "1234"]), new TableRow(["million", "1234567"])])));
        // The right edge of each number's last word is the same (the column's right edge less the padding), and the labels start together.
        var words = PdfText.Words(pdf);
        var rightEdges = new[] { "7", "1234", "1234567" }.Select(t => words.Single(w => w.Text == t).XMax).ToList();
        Assert.Equal(3, rightEdges.Count(x => Math.Abs(x - rightEdges.Max()) < 0.5));
        var lefts = new[] { "un", "mille", "million" }.Select(t => words.Single(w => w.Text == t).XMin).ToList();
        Assert.True(lefts.Max() - lefts.Min() < 0.5);
        Assert.True(rightEdges.Max() > lefts.Max() + 100, "numbers should be on the right of the labels");
    }
}
