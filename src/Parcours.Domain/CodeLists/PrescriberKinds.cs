namespace Parcours.Domain.CodeLists;

/// <summary>Kinds of prescriber (codelists.md §4.2).</summary>
public static class PrescriberKinds
{
    /// <summary>
    /// True for the sensitive kinds (codelists.md §4.2 and §0.6): JUSTICE (judicial) and
    /// SANTE_HANDICAP (health).
    /// </summary>
    public static bool IsSensitive(PrescriberKind kind) =>
        kind is PrescriberKind.JUSTICE or PrescriberKind.SANTE_HANDICAP;

    /// <summary>
    /// The code written in the anonymised national feed (codelists.md §4.2, column "Written in the
    /// national feed as"): the sensitive kinds become AUTRE, every other kind is written as is.
    /// </summary>
    public static PrescriberKind FeedCode(PrescriberKind kind) =>
        IsSensitive(kind) ? PrescriberKind.AUTRE : kind;
}
