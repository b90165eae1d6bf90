using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Parcours.TestCommon;

namespace Parcours.Cli.Tests.Reporting;

/// <summary>
/// <c>parcours report … --format pdf</c> on the reference dataset: the PDF a reader (pdftotext) opens shows the
/// figures of the engine's JSON, and SOURCE_DATE_EPOCH makes the file reproducible.
/// </summary>
public sealed class ReportPdfCommandTests : ReferenceDatabases
{
    private static string Collapse(string text) => Regex.Replace(text, @"\s+", " ");

    [Fact]
    public async Task Consolidation_Pdf_ShowsTheFlowsOfTheJson()
    {
        var db = await ReferenceDatabaseAsync("consolidation.db");
        var output = Path.Combine(Folder, "consolidation-2024.pdf");

        var json = await CliProcess.RunAsync("report", "consolidation", "--year", "2024", "--organisation", "PLIE-REF", "--db", db);
        var result = await CliProcess.RunAsync("report", "consolidation", "--year", "2024", "--organisation", "PLIE-REF", "--format", "pdf", "--output", output, "--db", db);

        Assert.Equal(0, result.ExitCode);
        var pdf = await File.ReadAllBytesAsync(output);
        Assert.Equal("%PDF-1.4", Encoding.ASCII.GetString(pdf, 0, 8));
        // Every row of the flows table, read in the layout mode (one table row per text line), shows the JSON's figures in column order.
        var lines = PdfText.Extract(pdf, layout: true).Split('\n');
        using var doc = JsonDocument.Parse(json.Stdout);
        var flows = doc.RootElement.GetProperty("tables").GetProperty("flows");
        var columns = flows.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
        foreach (var (label, key) in new[] { ("Entrées", "ENTREES"), ("En parcours au 31 décembre", "EN_PARCOURS_FIN"), ("Total des sorties", "TOTAL_SORTIES") })
        {
            var expected = string.Join(' ', columns.Select(c => flows.GetProperty("rows").GetProperty(key).GetProperty(c).GetInt32()));
            Assert.Contains(lines, l => Collapse(l).Trim() == $"{label} {expected}");
        }
        Assert.Contains("Contrôles de cohérence", PdfText.Extract(pdf));
    }

    [Fact]
    public async Task MonthlyLetter_Pdf_ShowsTheEntriesOfTheJson_AndIsReproducibleWithSourceDateEpoch()
    {
        var db = await ReferenceDatabaseAsync("letter.db");
        var first = Path.Combine(Folder, "lettre-1.pdf");
        var second = Path.Combine(Folder, "lettre-2.pdf");
        var epoch = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1735689600" }; // 2025-01-01T00:00:00Z

        var json = await CliProcess.RunAsync("report", "lettre-mensuelle", "--month", "2024-03", "--organisation", "PLIE-REF", "--db", db);
        var run1 = await CliProcess.RunAsync(epoch, "report", "lettre-mensuelle", "--month", "2024-03", "--organisation", "PLIE-REF", "--format", "pdf", "--output", first, "--db", db);
        var run2 = await CliProcess.RunAsync(epoch, "report", "lettre-mensuelle", "--month", "2024-03", "--organisation", "PLIE-REF", "--format", "pdf", "--output", second, "--db", db);

        Assert.Equal(0, run1.ExitCode);
        Assert.Equal(0, run2.ExitCode);
        var pdf = await File.ReadAllBytesAsync(first);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(second));
        Assert.Contains("/CreationDate (D:20250101000000Z)", Encoding.Latin1.GetString(pdf));

        using var doc = JsonDocument.Parse(json.Stdout);
        var entries = doc.RootElement.GetProperty("tables").GetProperty("activity").GetProperty("rows").GetProperty("ENTREES");
        Assert.True(entries.GetProperty("MOIS").GetInt32() > 0, "the reference dataset has entries in March 2024");
        var text = PdfText.Extract(pdf, layout: true);
        Assert.Contains("Lettre mensuelle d'information — 03/2024", text);
        Assert.Contains("Données extraites le 01/01/2025 à 00:00 (UTC).", text);
        // The row goes on with the previous year's columns (same month, year to date, change).
        var expected = $"Entrées {entries.GetProperty("MOIS").GetInt32()} {entries.GetProperty("ANNEE").GetInt32()}";
        Assert.Contains(text.Split('\n'), l => Collapse(l).Trim() is var row && (row == expected || row.StartsWith(expected + " ", StringComparison.Ordinal)));
    }
}
