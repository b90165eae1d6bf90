using System.Globalization;
using System.Net;
using System.Text;

namespace Parcours.Core.Reporting;

/// <summary>
/// Server-rendered SVG charts (no script, no external library): each is an image with a title and a description,
/// always shown next to the data table it is drawn from (the accessible form of the figures).
/// </summary>
public static class ReportCharts
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const string Blue = "#000091";
    private const string LightBlue = "#8585f6";
    private const string Red = "#c9191e";

    private static string N(double v) => v.ToString("0.#", Inv);

    private static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Grouped vertical bars: one group per row, one bar per series column.</summary>
    public static string Bars(string id, string title, ReportTable table, IReadOnlyList<(string Column, string Label, string Colour)> series)
    {
        const double width = 880, height = 260, left = 44, bottom = 36, top = 26;
        var max = Math.Max(1, table.Rows.SelectMany(r => series.Select(s => r[s.Column] ?? 0)).Max());
        var slot = (width - left - 8) / table.Rows.Count;
        var bar = slot * 0.8 / series.Count;
        var sb = Start(id, title, width, height, $"{title} : {table.Rows.Count} mois, valeurs dans le tableau qui suit.");
        Axis(sb, left, top, width, height - bottom, max);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var x0 = left + i * slot + slot * 0.1;
            for (var j = 0; j < series.Count; j++)
            {
                var v = row[series[j].Column] ?? 0;
                var h = (height - bottom - top) * v / max;
                sb.Append($"<rect x=\"{N(x0 + j * bar)}\" y=\"{N(height - bottom - h)}\" width=\"{N(bar)}\" height=\"{N(h)}\" fill=\"{series[j].Colour}\"><title>{E(table.LabelOf(row.Key))} — {E(series[j].Label)} : {N(v)}</title></rect>");
            }
            if (i % 3 == 0)
                sb.Append($"<text x=\"{N(x0)}\" y=\"{N(height - bottom + 14)}\" font-size=\"10\">{E(table.LabelOf(row.Key))}</text>");
        }
        Legend(sb, series, left, height - 6);
        return sb.Append("</svg>").ToString();
    }

    /// <summary>A line over the rows for one column.</summary>
    public static string Line(string id, string title, ReportTable table, string column, string label)
    {
        const double width = 880, height = 220, left = 44, bottom = 30, top = 20;
        var values = table.Rows.Select(r => r[column] ?? 0).ToList();
        var max = Math.Max(1, values.Max());
        var step = (width - left - 16) / Math.Max(1, values.Count - 1);
        var sb = Start(id, title, width, height, $"{title} : valeurs dans le tableau qui suit.");
        Axis(sb, left, top, width, height - bottom, max);
        var points = string.Join(' ', values.Select((v, i) => $"{N(left + i * step)},{N(height - bottom - (height - bottom - top) * v / max)}"));
        sb.Append($"<polyline points=\"{points}\" fill=\"none\" stroke=\"{Blue}\" stroke-width=\"2\"/>");
        for (var i = 0; i < values.Count; i++)
        {
            sb.Append($"<circle cx=\"{N(left + i * step)}\" cy=\"{N(height - bottom - (height - bottom - top) * values[i] / max)}\" r=\"3\" fill=\"{Blue}\"><title>{E(table.LabelOf(table.Rows[i].Key))} — {E(label)} : {N(values[i])}</title></circle>");
            if (i % 3 == 0)
                sb.Append($"<text x=\"{N(left + i * step - 12)}\" y=\"{N(height - bottom + 14)}\" font-size=\"10\">{E(table.LabelOf(table.Rows[i].Key))}</text>");
        }
        return sb.Append("</svg>").ToString();
    }

    /// <summary>Horizontal bars of a rate column (0 to 100 %), one per row; a missing rate is written «—».</summary>
    public static string Rates(string id, string title, ReportTable table, string column)
    {
        const double width = 880, rowHeight = 20, left = 190;
        var height = table.Rows.Count * rowHeight + 24;
        var sb = Start(id, title, width, height, $"{title} : valeurs dans le tableau qui suit.");
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var y = 8 + i * rowHeight;
            sb.Append($"<text x=\"0\" y=\"{N(y + 13)}\" font-size=\"11\">{E(ReportLabels.Of(row.Key))}</text>");
            if (row[column] is { } v)
            {
                var w = (width - left - 60) * v;
                sb.Append($"<rect x=\"{N(left)}\" y=\"{N(y + 2)}\" width=\"{N(w)}\" height=\"{N(rowHeight - 6)}\" fill=\"{(row.Key == "TOTAL" ? Red : Blue)}\"/>");
                sb.Append($"<text x=\"{N(left + w + 4)}\" y=\"{N(y + 13)}\" font-size=\"11\">{E(ReportRendering.Display(row, column))}</text>");
            }
            else sb.Append($"<text x=\"{N(left)}\" y=\"{N(y + 13)}\" font-size=\"11\">—</text>");
        }
        return sb.Append("</svg>").ToString();
    }

    public static readonly IReadOnlyList<(string, string, string)> EntriesAndExits =
        [("ENTREES", "Entrées", Blue), ("SORTIES", "Sorties", LightBlue), ("SORTIES_POSITIVES", "dont positives", Red)];

    private static StringBuilder Start(string id, string title, double width, double height, string description) =>
        new StringBuilder().Append($"<svg class=\"report-chart\" id=\"{E(id)}\" role=\"img\" aria-labelledby=\"{E(id)}-t {E(id)}-d\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"Marianne, Arial, sans-serif\">")
            .Append($"<title id=\"{E(id)}-t\">{E(title)}</title><desc id=\"{E(id)}-d\">{E(description)}</desc>");

    private static void Axis(StringBuilder sb, double left, double top, double width, double baseline, double max)
    {
        sb.Append($"<line x1=\"{N(left)}\" y1=\"{N(baseline)}\" x2=\"{N(width)}\" y2=\"{N(baseline)}\" stroke=\"#666\"/>");
        foreach (var f in new[] { 0.5, 1.0 })
        {
            var y = baseline - (baseline - top) * f;
            sb.Append($"<line x1=\"{N(left)}\" y1=\"{N(y)}\" x2=\"{N(width)}\" y2=\"{N(y)}\" stroke=\"#ddd\"/><text x=\"0\" y=\"{N(y + 4)}\" font-size=\"10\">{N(Math.Round(max * f))}</text>");
        }
    }

    private static void Legend(StringBuilder sb, IReadOnlyList<(string Column, string Label, string Colour)> series, double left, double y)
    {
        var x = left;
        foreach (var s in series)
        {
            sb.Append($"<rect x=\"{N(x)}\" y=\"{N(y - 9)}\" width=\"10\" height=\"10\" fill=\"{s.Colour}\"/><text x=\"{N(x + 14)}\" y=\"{N(y)}\" font-size=\"11\">{E(s.Label)}</text>");
            x += 30 + s.Label.Length * 7;
        }
    }
}
