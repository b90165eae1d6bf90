using System.Diagnostics;

namespace Parcours.TestCommon;

/// <summary>
/// Reads a PDF with a real reader: Poppler's <c>pdftotext</c> (Debian package poppler-utils, which
/// <c>./scripts/test.sh</c> installs when missing). A test that needs it fails, never skips, when it is absent.
/// </summary>
public static class PdfText
{
    /// <summary>The text of every page (pages separated by a form feed), in UTF-8; <paramref name="layout"/> keeps the columns of tables.</summary>
    public static string Extract(byte[] pdf, bool layout = false) => Run("pdftotext", pdf, layout ? ["-layout", "-enc", "UTF-8"] : ["-enc", "UTF-8"], "-");

    /// <summary>The text of each page.</summary>
    public static IReadOnlyList<string> Pages(byte[] pdf, bool layout = false)
    {
        var pages = Extract(pdf, layout).Split('\f');
        // pdftotext ends the last page with a form feed too.
        return pages.Length > 0 && pages[^1].Trim().Length == 0 ? pages[..^1] : pages;
    }

    /// <summary>Every word with its box in points (origin top left), from <c>pdftotext -bbox</c>.</summary>
    public static IReadOnlyList<PdfWord> Words(byte[] pdf)
    {
        var html = Run("pdftotext", pdf, ["-bbox", "-enc", "UTF-8"], "-");
        var words = new List<PdfWord>();
        var page = 0;
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html,
                     @"<page |<word xMin=""([\d.]+)"" yMin=""([\d.]+)"" xMax=""([\d.]+)"" yMax=""([\d.]+)"">([^<]*)</word>"))
        {
            if (m.Value.StartsWith("<page", StringComparison.Ordinal)) { page++; continue; }
            static double D(System.Text.RegularExpressions.Group g) => double.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture);
            words.Add(new PdfWord(System.Net.WebUtility.HtmlDecode(m.Groups[5].Value), page, D(m.Groups[1]), D(m.Groups[2]), D(m.Groups[3]), D(m.Groups[4])));
        }
        return words;
    }

    /// <summary>The output of <c>pdfinfo</c> (title, producer, page count...), with the document information as UTF-8.</summary>
    public static string Info(byte[] pdf) => Run("pdfinfo", pdf, ["-enc", "UTF-8"], null);

    private static string Run(string tool, byte[] pdf, string[] options, string? output)
    {
        var file = Path.Combine(Path.GetTempPath(), $"parcours-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            };
            foreach (var o in options) start.ArgumentList.Add(o);
            start.ArgumentList.Add(file);
            if (output is not null) start.ArgumentList.Add(output);
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException(
                    $"{tool} not found ({e.Message}): install Debian's poppler-utils package, or run the tests with ./scripts/test.sh, which installs it.", e);
            }
            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(60_000))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException($"{tool} did not finish in 60 s.");
                }
                // pdftotext and pdfinfo print «Syntax Error»/«Syntax Warning» on stderr for a malformed file.
                var errors = stderr.Result;
                if (process.ExitCode != 0 || errors.Contains("Error", StringComparison.OrdinalIgnoreCase) || errors.Contains("Warning", StringComparison.OrdinalIgnoreCase))
                    throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {errors}");
                return stdout.Result;
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>A word of a PDF page and its box, in points from the top left corner of the page (page numbers from 1).</summary>
public sealed record PdfWord(string Text, int Page, double XMin, double YMin, double XMax, double YMax);
