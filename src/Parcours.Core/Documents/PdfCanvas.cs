using System.Globalization;
using System.Text;

namespace Parcours.Core.Documents;

/// <summary>The drawing operators of one page (its content stream): text in a base-14 font, lines, rectangles.</summary>
internal sealed class PdfCanvas
{
    private readonly StringBuilder _ops = new();

    public static readonly (double R, double G, double B) Black = (0.086, 0.086, 0.086);
    public static readonly (double R, double G, double B) Grey = (0.4, 0.4, 0.4);
    public static readonly (double R, double G, double B) Red = (0.808, 0.02, 0);

    /// <summary>Draws sanitized text with its baseline at (x, y).</summary>
    public void Text(double x, double y, StandardFont font, double size, string sanitized, (double R, double G, double B) color)
    {
        if (sanitized.Length == 0) return;
        _ops.Append(N(color.R)).Append(' ').Append(N(color.G)).Append(' ').Append(N(color.B)).Append(" rg\n")
            .Append("BT /").Append(font == StandardFont.HelveticaBold ? "F2" : "F1").Append(' ').Append(N(size)).Append(" Tf ")
            .Append(N(x)).Append(' ').Append(N(y)).Append(" Td (");
        foreach (var c in sanitized)
        {
            var b = WinAnsi.Encode(c);
            if (b is (byte)'(' or (byte)')' or (byte)'\\') _ops.Append('\\').Append((char)b);
            else if (b < 0x20 || b > 0x7E) _ops.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
            else _ops.Append((char)b);
        }
        _ops.Append(") Tj ET\n");
    }

    public void Line(double x1, double y1, double x2, double y2, double width = 0.5, double grey = 0.55) =>
        _ops.Append(N(grey)).Append(" G ").Append(N(width)).Append(" w ")
            .Append(N(x1)).Append(' ').Append(N(y1)).Append(" m ").Append(N(x2)).Append(' ').Append(N(y2)).Append(" l S\n");

    /// <summary>A rectangle from its top-left corner: filled with a grey level when given, stroked when asked.</summary>
    public void Rectangle(double x, double top, double width, double height, double? fillGrey, bool stroke, double lineWidth = 0.5, double strokeGrey = 0.55)
    {
        var rect = $"{N(x)} {N(top - height)} {N(width)} {N(height)} re ";
        if (fillGrey is { } g) _ops.Append(N(g)).Append(" g ").Append(rect).Append("f\n");
        if (stroke) _ops.Append(N(strokeGrey)).Append(" G ").Append(N(lineWidth)).Append(" w ").Append(rect).Append("S\n");
    }

    public byte[] ToBytes() => Encoding.ASCII.GetBytes(_ops.ToString());

    /// <summary>A number of an operator: invariant culture, at most 2 decimals.</summary>
    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
