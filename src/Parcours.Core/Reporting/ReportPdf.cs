using Parcours.Core.Documents;

namespace Parcours.Core.Reporting;

/// <summary>
/// A report as a PDF document: the same tables, cells (<see cref="ReportRendering.Display(ReportTable, ReportRow, string)"/>),
/// checks and definitions as the print-ready HTML. A report whose checks fail says so in red at the top: the PDF is
/// no more publishable than the HTML.
/// </summary>
public static class ReportPdf
{
    /// <param name="extractedAt">When the data were read, printed under the title (rules.md: every report prints its extraction timestamp).</param>
    public static LayoutDocument Layout(ReportResult result, string title, DateTimeOffset extractedAt)
    {
        var wide = result.Tables.Any(t => t.Columns.Count > 5);
        var document = new LayoutDocument(title)
        {
            Orientation = wide ? PageOrientation.Landscape : PageOrientation.Portrait,
            Footer = $"{title} — Parcours",
        };
        document.Heading(title);
        document.Paragraph($"Organisations : {string.Join(", ", result.Organisations)}");
        document.Paragraph(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Données extraites le {extractedAt.UtcDateTime:dd/MM/yyyy} à {extractedAt.UtcDateTime:HH:mm} (UTC)."), TextStyle.Muted);
        var failed = result.Failed.ToList();
        if (failed.Count > 0)
        {
            document.Paragraph("Contrôles en échec : ce rapport ne peut pas être publié", TextStyle.Alert, 11);
            foreach (var check in failed) document.Paragraph($"{check.Id} : {check.Detail}", TextStyle.Alert, 9);
        }
        foreach (var table in result.Tables)
        {
            document.Table(new TableBlock(
                [new TableColumn("Ligne"), .. table.Columns.Select(c => new TableColumn(ReportLabels.Of(c), CellAlign.Right))],
                table.Rows.Select(row => new TableRow(
                    [table.LabelOf(row.Key), .. table.Columns.Select(c => ReportRendering.Display(table, row, c))],
                    Bold: row.Key.StartsWith("TOTAL", StringComparison.Ordinal))).ToList())
            {
                Caption = table.Title,
                FontSize = table.Columns.Count > 10 ? 7 : 8.5,
            });
        }
        document.Heading("Contrôles de cohérence", 2);
        foreach (var check in result.Checks)
            document.Paragraph($"{(check.Passed ? "OK" : "ÉCHEC")} · {check.Id} — {check.Detail}", check.Passed ? TextStyle.Normal : TextStyle.Alert, 8.5);
        if (result.Definitions.Count > 0)
        {
            document.Heading("Définitions", 2);
            foreach (var definition in result.Definitions) document.Paragraph(definition, TextStyle.Muted);
        }
        return document;
    }

    public static byte[] Build(ReportResult result, string title, TimeProvider clock) =>
        new PdfRenderer(clock).Render(Layout(result, title, clock.GetUtcNow()));
}
