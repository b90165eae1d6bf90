using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Parcours.Core.Reporting;

/// <summary>
/// XLSX export of a report (DocumentFormat.OpenXml): one sheet per table (row key, French label, one column per
/// column key; numbers as numbers, rates as fractions with a percent format) and a «Contrôles» sheet.
/// </summary>
public static class ReportXlsx
{
    public static byte[] Build(ReportResult result)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var table in result.Tables)
            {
                var rows = new List<Row> { TextRow(new[] { "Ligne", "Libellé" }.Concat(table.Columns.Select(ReportLabels.Of))) };
                foreach (var r in table.Rows)
                {
                    var row = new Row();
                    row.Append(Text(r.Key), Text(table.LabelOf(r.Key)));
                    foreach (var c in table.Columns) row.Append(Number(r[c], table.KindOf(r, c)));
                    rows.Add(row);
                }
                AddSheet(workbook, sheets, id++, table.Id, rows);
            }
            var checks = new List<Row> { TextRow(["Contrôle", "Résultat", "Détail"]) };
            checks.AddRange(result.Checks.Select(c => TextRow([c.Id, c.Passed ? "OK" : "ÉCHEC", c.Detail])));
            checks.Add(TextRow([]));
            checks.AddRange(result.Definitions.Select(d => TextRow(["Définition", "", d])));
            AddSheet(workbook, sheets, id, "controles", checks);
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, IEnumerable<Row> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(rows);
        part.Worksheet = new Worksheet(data);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name.Length > 31 ? name[..31] : name });
    }

    private static Row TextRow(IEnumerable<string> cells)
    {
        var row = new Row();
        foreach (var c in cells) row.Append(Text(c));
        return row;
    }

    private static Cell Text(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    private static Cell Number(double? value, CellKind kind)
    {
        if (value is not { } v) return Text("—");
        return new Cell
        {
            DataType = CellValues.Number,
            CellValue = new CellValue(v.ToString("R", CultureInfo.InvariantCulture)),
            StyleIndex = kind switch { CellKind.Rate => 1U, CellKind.Mean => 2U, CellKind.Amount => 3U, _ => 0U },
        };
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font()),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true }, // 0.00 %
            new CellFormat { NumberFormatId = 2, ApplyNumberFormat = true }, // 0.00
            new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true })); // #,##0.00
}
