using Parcours.Domain.Access;

namespace Parcours.Domain.Reporting;

#pragma warning disable CA1707 // Identifiers should not contain underscores: members are stored codes, like the code lists.
/// <summary>The editorial blocks of the PLIE monthly letter (reports.md RPT-13, blocks 3 and 6).</summary>
public enum LetterBlock
{
    /// <summary>Block 3, «Actions de l'année»: collective actions held, events, company partnerships.</summary>
    ACTIONS = 1,

    /// <summary>Block 6, «Faits marquants».</summary>
    FAITS_MARQUANTS,
}
#pragma warning restore CA1707

/// <summary>
/// A short text written by the coordination team for one block of the monthly letter of a programme and a month.
/// Stored as written (plain text, escaped wherever it is shown), never computed. Every write is audited.
/// </summary>
public class LetterEditorial : IVersioned
{
    public const int MaxLength = 2000;

    public long Id { get; set; }
    public long OrganisationId { get; set; }

    /// <summary>The month of the letter, <c>YYYY-MM</c>.</summary>
    public string Month { get; set; } = "";

    public LetterBlock Block { get; set; }
    public string Text { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";
    public int Version { get; set; }

    public static string Label(LetterBlock block) => block switch
    {
        LetterBlock.ACTIONS => "Actions de l'année",
        _ => "Faits marquants",
    };

    /// <summary>
    /// Validates and normalises a text before it is stored: line endings as \n, trimmed, at most
    /// <see cref="MaxLength"/> characters, no control characters but line breaks and tabs. Returns the French error, or
    /// null when the text is acceptable.
    /// </summary>
    public static string? Validate(string? text, out string normalised)
    {
        normalised = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        if (normalised.Length > MaxLength)
            return $"Le texte dépasse {MaxLength} caractères ({normalised.Length}).";
        if (normalised.Any(c => char.IsControl(c) && c is not ('\n' or '\t')))
            return "Le texte contient des caractères de contrôle.";
        return null;
    }
}
