namespace Parcours.Core.Documents;

/// <summary>The two base-14 fonts used (no font is embedded: every PDF reader has them).</summary>
public enum StandardFont
{
    Helvetica,
    HelveticaBold,
}

/// <summary>
/// Advance widths of Helvetica and Helvetica-Bold in WinAnsiEncoding, in thousandths of the font size, from Adobe's
/// AFM files of the standard fonts (Core14 AFM, version 002.000). Used to measure, wrap and right-align text exactly
/// as a reader draws it. Kerning is not applied (the writer does not kern either).
/// </summary>
public static class FontMetrics
{
    private static readonly short[] Helvetica = Build(
        // 0x20–0x7E
        [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
         556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
         1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
         667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
         333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
         556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584],
        // 0x80–0x9F (0 where WinAnsi has no character)
        [556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
         0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667],
        // 0xA0–0xFF
        [278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
         400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
         667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
         722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
         556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
         556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500]);

    private static readonly short[] HelveticaBold = Build(
        [278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
         556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
         975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
         667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
         333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
         611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584],
        [556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
         0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667],
        [278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,
         400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
         722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
         722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
         556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
         611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556]);

    private static short[] Build(short[] ascii, short[] windows, short[] latin1)
    {
        if (ascii.Length != 95 || windows.Length != 32 || latin1.Length != 96)
            throw new InvalidOperationException("Font metrics table of the wrong size.");
        var widths = new short[256];
        ascii.CopyTo(widths, 0x20);
        windows.CopyTo(widths, 0x80);
        latin1.CopyTo(widths, 0xA0);
        return widths;
    }

    /// <summary>Width of a WinAnsi code in thousandths of the font size.</summary>
    public static int Width(StandardFont font, byte code) => (font == StandardFont.HelveticaBold ? HelveticaBold : Helvetica)[code];

    /// <summary>Width in points of text already <see cref="WinAnsi.Sanitize"/>d, at <paramref name="size"/> points.</summary>
    public static double Measure(StandardFont font, string sanitized, double size)
    {
        var table = font == StandardFont.HelveticaBold ? HelveticaBold : Helvetica;
        var total = 0;
        foreach (var c in sanitized) total += table[WinAnsi.Encode(c)];
        return total * size / 1000.0;
    }

    /// <summary>The PostScript name of the font, as written in the PDF.</summary>
    public static string BaseFont(StandardFont font) => font == StandardFont.HelveticaBold ? "Helvetica-Bold" : "Helvetica";
}
