using System.Text;

namespace Parcours.Core.Exchange;

public enum IssueSeverity { Erreur, Avertissement, Information }

/// <summary>One row of the error report (exchange format §6.5).</summary>
public sealed record ImportIssue(IssueSeverity Severity, string File, int? Line, string Column, string RecordId, string Code, string MessageFr, string MessageEn);

/// <summary>The error report: at most 10,000 rows, then a REPORT_TRUNCATED row (§6.5).</summary>
public sealed class ImportReport
{
    public const int MaxRows = 10_000;
    private readonly List<ImportIssue> _issues = [];
    private int _left;

    public IReadOnlyList<ImportIssue> Issues => _issues;

    public bool HasErrors { get; private set; }

    public int ErrorCount { get; private set; }

    public void Add(ImportIssue issue)
    {
        if (issue.Severity == IssueSeverity.Erreur) { HasErrors = true; ErrorCount++; }
        if (_issues.Count < MaxRows) _issues.Add(issue);
        else _left++;
    }

    public void Error(string file, int? line, string column, string recordId, string code, string fr, string en) =>
        Add(new ImportIssue(IssueSeverity.Erreur, file, line, column, recordId, code, fr, en));

    public void Warning(string file, int? line, string column, string recordId, string code, string fr, string en) =>
        Add(new ImportIssue(IssueSeverity.Avertissement, file, line, column, recordId, code, fr, en));

    /// <summary>The rows sorted by file then line, as written to import-report.csv.</summary>
    public IEnumerable<ImportIssue> Sorted() => _issues.OrderBy(i => i.File, StringComparer.Ordinal).ThenBy(i => i.Line ?? 0);

    /// <summary>Writes import-report.csv: UTF-8 with a byte-order mark, comma, quotes where needed.</summary>
    public void WriteCsv(Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(true), leaveOpen: true);
        var csv = new CsvRecordWriter(writer);
        csv.Write(["severity", "file", "line", "column", "record_id", "code", "message_fr", "message_en"]);
        foreach (var i in Sorted())
        {
            csv.Write([
                i.Severity switch { IssueSeverity.Erreur => "ERREUR", IssueSeverity.Avertissement => "AVERTISSEMENT", _ => "INFORMATION" },
                i.File, i.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture), i.Column, i.RecordId, i.Code, i.MessageFr, i.MessageEn,
            ]);
        }
        if (_left > 0)
            csv.Write(["INFORMATION", "", "", "", "", "REPORT_TRUNCATED",
                $"Rapport limité à 10 000 lignes ; {_left} autres problèmes non listés.", $"Report limited to 10,000 lines; {_left} further problems not listed."]);
    }
}
