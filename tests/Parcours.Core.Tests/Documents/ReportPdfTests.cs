using Parcours.Core.Reporting;
using Parcours.Core.Tests.Support;
using Parcours.TestCommon;

namespace Parcours.Core.Tests.Documents;

/// <summary>A report as PDF: its cells as displayed on the page, landscape for wide tables, failed checks shown first in the document.</summary>
public class ReportPdfTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2025, 4, 2, 8, 15, 0, TimeSpan.Zero));

    private static ReportResult Result(int columns, bool passed)
    {
        var names = new[] { "TOTAL", "FEMME", "HOMME", "MOINS_26", "PLUS_26", "TH", "DELD", "RSA" }.Take(columns).ToList();
        var result = new ReportResult { Report = "essai", Year = 2024, Organisations = ["PLIE-REF"] };
        var flows = new ReportTable("flows", "Flux d'entrées et de sorties", names);
        var entries = flows.Add("ENTREES");
        var rate = new ReportTable("rates", "Taux de sortie", names) { Kind = CellKind.Rate };
        var positive = rate.Add("POSITIVE_OVER_EXITS");
        foreach (var c in names) { entries[c] = 1234; positive[c] = 0.4567; }
        positive[names[^1]] = null;
        result.Tables.Add(flows);
        result.Tables.Add(rate);
        result.Checks.Add(new ReportCheck("flows.identity", passed, "EN_PARCOURS_FIN = EN_PARCOURS − TOTAL_SORTIES : 10 = 12 − 2"));
        result.Definitions.Add("Entrées : parcours dont la date d'entrée est dans l'année.");
        return result;
    }

    [Fact]
    public void WideReport_Landscape_WithTheDisplayedCellsChecksAndExtractionTime()
    {
        var pdf = ReportPdf.Build(Result(8, passed: true), "Consolidation PLIE 2024", Clock);

        Assert.Matches(@"Page size:\s+841\.89 x 595\.28 pts", PdfText.Info(pdf));
        var text = PdfText.Extract(pdf, layout: true);
        Assert.Contains("Organisations : PLIE-REF", text);
        Assert.Contains("Données extraites le 02/04/2025 à 08:15 (UTC).", text);
        var entries = text.Split('\n').Single(l => l.TrimStart().StartsWith("Entrées ", StringComparison.Ordinal) && !l.Contains(':'));
        Assert.Equal(8, System.Text.RegularExpressions.Regex.Matches(entries, @"1 234").Count);
        var rates = text.Split('\n').Single(l => l.TrimStart().StartsWith("Taux de sorties positives", StringComparison.Ordinal));
        Assert.Equal(7, System.Text.RegularExpressions.Regex.Matches(rates, @"45,7 %").Count);
        Assert.EndsWith("—", rates.TrimEnd());
        Assert.Contains("OK · flows.identity", text);
        Assert.DoesNotContain("Contrôles en échec", text);
        Assert.Contains("Entrées : parcours dont la date d'entrée est dans l'année.", text);
    }

    [Fact]
    public void FailedCheck_AnnouncedBeforeTheTables_NarrowReportInPortrait()
    {
        var pdf = ReportPdf.Build(Result(2, passed: false), "Lettre mensuelle d'information — 03/2024", Clock);

        Assert.Matches(@"Page size:\s+595\.28 x 841\.89 pts", PdfText.Info(pdf));
        var text = PdfText.Extract(pdf);
        var announced = text.IndexOf("Contrôles en échec : ce rapport ne peut pas être publié", StringComparison.Ordinal);
        Assert.True(announced >= 0, "the failure is announced");
        Assert.True(announced < text.IndexOf("Flux d'entrées et de sorties", StringComparison.Ordinal), "before the first table");
        Assert.Contains("ÉCHEC · flows.identity", text);
    }
}
