using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Parcours.Web.Tests.Support;

/// <summary>
/// Compares the figures a report page displays (cells read as [table, row, column, text]) with the engine's JSON of the
/// same report: each shown figure must be the JSON's value, up to the display's rounding.
/// </summary>
public static class DisplayedFigures
{
    /// <summary>The script that reads every report cell of a page as [table, row, column, text].</summary>
    public const string ReadCells =
        "tds => tds.map(td => [td.closest('[data-table]').dataset.table, td.closest('tr').dataset.row, td.dataset.col, td.innerText])";

    /// <summary>Every cell of every table of <paramref name="tables"/> is shown, and each shown figure equals its value.</summary>
    public static void AssertAllShown(JsonElement tables, string[][] cells)
    {
        var expectedCells = tables.EnumerateObject().Sum(t => t.Value.GetProperty("rows").EnumerateObject().Count() * t.Value.GetProperty("columns").GetArrayLength());
        Assert.Equal(expectedCells, cells.Length);
        AssertEqual(tables, cells);
    }

    /// <summary>Each shown figure equals the JSON's value of its table, row and column.</summary>
    public static void AssertEqual(JsonElement tables, IEnumerable<string[]> cells)
    {
        foreach (var (table, row, column, text) in cells.Select(c => (Table: c[0], Row: c[1], Column: c[2], Text: c[3])))
        {
            var value = tables.GetProperty(table).GetProperty("rows").GetProperty(row).GetProperty(column);
            var shown = Parse(text);
            if (value.ValueKind == JsonValueKind.Null) Assert.True(shown is null, $"{table}/{row}/{column}: «{text}» shown for null");
            else
            {
                // Display rounds rates to 0.1 point and means to 0.1.
                var tolerance = text.EndsWith('%') ? 0.0005 : text.Contains(',') ? 0.05 : 0;
                Assert.True(shown is { } s && Math.Abs(s - value.GetDouble()) <= tolerance + 1e-9, $"{table}/{row}/{column}: «{text}» shown, {value} in the JSON");
            }
        }
    }

    /// <summary>A displayed figure back to a number: «1 234» → 1234, «42,5 %» → 0.425, «—» → null.</summary>
    public static double? Parse(string text)
    {
        text = Regex.Replace(text.Trim(), "[\\s\u00A0\u202F]", "");
        if (text == "—") return null;
        var percent = text.EndsWith('%');
        var number = double.Parse(text.TrimEnd('%').Replace(',', '.'), CultureInfo.InvariantCulture);
        return percent ? number / 100 : number;
    }
}
