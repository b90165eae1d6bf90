namespace Parcours.Domain.CodeLists;

/// <summary>Prescriber groups of the PLIE monthly letter, block 2 (reports.md RPT-13).</summary>
public enum PrescriberGroup
{
    FRANCE_TRAVAIL = 1,
    DEPARTEMENT,
    AUTRES,
}

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

    /// <summary>
    /// The group of the monthly letter (reports.md RPT-13, block 2): France Travail, the Département, or the others;
    /// null when the prescriber kind is not recorded (the letter's «Non renseigné» row, R-005).
    /// </summary>
    public static PrescriberGroup? LetterGroup(PrescriberKind? kind) => kind switch
    {
        null => null,
        PrescriberKind.FRANCE_TRAVAIL => PrescriberGroup.FRANCE_TRAVAIL,
        PrescriberKind.DEPARTEMENT => PrescriberGroup.DEPARTEMENT,
        _ => PrescriberGroup.AUTRES,
    };
}
