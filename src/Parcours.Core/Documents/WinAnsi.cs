using System.Text;

namespace Parcours.Core.Documents;

/// <summary>
/// WinAnsiEncoding (PDF 32000-1, annex D): the one-byte encoding of the base-14 fonts used here. Latin-1 for
/// 0x20–0x7E and 0xA0–0xFF, plus the Windows-1252 characters of 0x80–0x9F (€ ‚ „ … ’ “ ” – — œ Œ …), which is
/// everything French text needs. A character outside it is replaced by «?», never an exception.
/// </summary>
public static class WinAnsi
{
    public const char Replacement = '?';

    private static readonly Dictionary<char, byte> HighCodes = new()
    {
        ['€'] = 0x80, ['‚'] = 0x82, ['ƒ'] = 0x83, ['„'] = 0x84, ['…'] = 0x85, ['†'] = 0x86, ['‡'] = 0x87,
        ['ˆ'] = 0x88, ['‰'] = 0x89, ['Š'] = 0x8A, ['‹'] = 0x8B, ['Œ'] = 0x8C, ['Ž'] = 0x8E,
        ['‘'] = 0x91, ['’'] = 0x92, ['“'] = 0x93, ['”'] = 0x94, ['•'] = 0x95, ['–'] = 0x96, ['—'] = 0x97,
        ['˜'] = 0x98, ['™'] = 0x99, ['š'] = 0x9A, ['›'] = 0x9B, ['œ'] = 0x9C, ['ž'] = 0x9E, ['Ÿ'] = 0x9F,
    };

    /// <summary>Characters outside WinAnsi with an obvious equivalent inside it.</summary>
    private static readonly Dictionary<char, char> Equivalents = new()
    {
        ['\u202F'] = '\u00A0', // narrow no-break space: the French thousands separator of .NET
        ['\u2007'] = '\u00A0', // figure space
        ['\u2009'] = ' ', // thin space
        ['\u2002'] = ' ', ['\u2003'] = ' ',
        ['\t'] = ' ',
        ['\u2010'] = '-', ['\u2011'] = '-', ['\u2212'] = '-', // hyphens and the minus sign
        ['\u2032'] = '\'', ['\u02BC'] = '’',
        ['\u2714'] = '+', // ✔ heavy check mark
        ['\u2713'] = '+',
        ['\u2718'] = 'x', ['\u2717'] = 'x', // ✘ ✗
        // Letters of European names without a decomposition: their base letter.
        ['Ł'] = 'L', ['ł'] = 'l', ['Đ'] = 'D', ['đ'] = 'd', ['ı'] = 'i', ['Ħ'] = 'H', ['ħ'] = 'h', ['ŀ'] = 'l', ['Ŀ'] = 'L',
    };

    /// <summary>
    /// The text made of WinAnsi characters only, one char per byte to write: composed (NFC), equivalents
    /// substituted, a letter whose accent WinAnsi lacks written as its base letter (ș → s, ő → o, so that names
    /// stay readable), every other character (or surrogate pair) replaced by «?», control characters other than
    /// the line feed dropped.
    /// </summary>
    public static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(composed.Length);
        foreach (var rune in composed.EnumerateRunes())
        {
            if (!rune.IsBmp) { sb.Append(Replacement); continue; }
            var c = (char)rune.Value;
            if (Equivalents.TryGetValue(c, out var equivalent)) c = equivalent;
            if (c == '\n') { sb.Append(c); continue; }
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) continue; // C0 and C1 controls, \r included
            sb.Append(IsEncodable(c) ? c : BaseLetter(c) is { } letter ? letter : Replacement);
        }
        return sb.ToString();
    }

    /// <summary>The base letter of an accented letter (its canonical decomposition without the marks), when WinAnsi has it.</summary>
    private static char? BaseLetter(char c)
    {
        if (!char.IsLetter(c)) return null;
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 1 && IsEncodable(decomposed[0])
            && decomposed.Skip(1).All(m => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(m) == System.Globalization.UnicodeCategory.NonSpacingMark)
            ? decomposed[0] : null;
    }

    public static bool IsEncodable(char c) => (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xFF) || HighCodes.ContainsKey(c);

    /// <summary>The byte of a character of <see cref="Sanitize"/>d text (the replacement for any other).</summary>
    public static byte Encode(char c) =>
        (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xFF) ? (byte)c
        : HighCodes.TryGetValue(c, out var b) ? b
        : (byte)Replacement;

    /// <summary>Sanitizes then encodes.</summary>
    public static byte[] GetBytes(string? text)
    {
        var clean = Sanitize(text);
        var bytes = new byte[clean.Length];
        for (var i = 0; i < clean.Length; i++) bytes[i] = Encode(clean[i]);
        return bytes;
    }
}
