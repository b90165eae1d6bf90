namespace Parcours.Domain.CodeLists;

#pragma warning disable CA1707 // Identifiers should not contain underscores: members are the document's phase names.
/// <summary>Phase of a pathway status (codelists.md §4.4, column "Phase"). Not an exchanged list.</summary>
public enum PathwayPhase
{
    PRE_ENTREE = 1,
    EN_PARCOURS,
    CLOS,
}
#pragma warning restore CA1707

/// <summary>Statuses of a pathway and their transitions (codelists.md §4.4).</summary>
public static class PathwayStatuses
{
    private static readonly IReadOnlyList<PathwayStatus> None = Array.AsReadOnly(Array.Empty<PathwayStatus>());

    private static readonly Dictionary<PathwayStatus, IReadOnlyList<PathwayStatus>> Transitions = new()
    {
        [PathwayStatus.PRESCRIT] = List(PathwayStatus.PRE_AFFECTE, PathwayStatus.CONVOQUE, PathwayStatus.ENTRE, PathwayStatus.NON_ENTRE),
        [PathwayStatus.PRE_AFFECTE] = List(PathwayStatus.CONVOQUE, PathwayStatus.NON_ENTRE),
        [PathwayStatus.CONVOQUE] = List(PathwayStatus.CONVOQUE, PathwayStatus.ENTRETIEN, PathwayStatus.NON_ENTRE),
        [PathwayStatus.ENTRETIEN] = List(PathwayStatus.EN_COMMISSION, PathwayStatus.ENTRE, PathwayStatus.NON_ENTRE),
        [PathwayStatus.EN_COMMISSION] = List(PathwayStatus.ENTRE, PathwayStatus.ENTRETIEN, PathwayStatus.NON_ENTRE),
        [PathwayStatus.ENTRE] = List(PathwayStatus.EN_VEILLE, PathwayStatus.SORTI),
        [PathwayStatus.EN_VEILLE] = List(PathwayStatus.ENTRE, PathwayStatus.SORTI),
    };

    /// <summary>
    /// Phase of a status (codelists.md §4.4, column "Phase"): PRE_ENTREE before entry, EN_PARCOURS
    /// in the caseload, CLOS once exited or not entered.
    /// </summary>
    public static PathwayPhase Phase(PathwayStatus status) => status switch
    {
        PathwayStatus.PRESCRIT or PathwayStatus.PRE_AFFECTE or PathwayStatus.CONVOQUE or PathwayStatus.ENTRETIEN
            or PathwayStatus.EN_COMMISSION => PathwayPhase.PRE_ENTREE,
        PathwayStatus.ENTRE or PathwayStatus.EN_VEILLE => PathwayPhase.EN_PARCOURS,
        PathwayStatus.SORTI or PathwayStatus.NON_ENTRE => PathwayPhase.CLOS,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>
    /// The statuses a pathway may move to from <paramref name="from"/> (codelists.md §4.4, table of
    /// allowed transitions), in document order. Empty for the closed statuses SORTI and NON_ENTRE:
    /// a person who comes back gets a new pathway.
    /// </summary>
    public static IReadOnlyList<PathwayStatus> AllowedTargets(PathwayStatus from)
    {
        if (!Enum.IsDefined(from))
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, null);
        }

        return Transitions.TryGetValue(from, out var targets) ? targets : None;
    }

    /// <summary>
    /// True when the application allows the change of status (codelists.md §4.4). CONVOQUE → CONVOQUE
    /// (a new convocation) is the only allowed self-transition.
    /// </summary>
    public static bool CanTransition(PathwayStatus from, PathwayStatus to) => AllowedTargets(from).Contains(to);

    private static IReadOnlyList<PathwayStatus> List(params PathwayStatus[] statuses) => Array.AsReadOnly(statuses);
}
