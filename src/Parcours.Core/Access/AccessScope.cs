namespace Parcours.Core.Access;

/// <summary>
/// Who is asking, and which personal data they may see. One instance per request (web) or per command (CLI).
/// The database context applies it as global query filters, so that pages, API and exports cannot forget it.
/// </summary>
public sealed class AccessScope
{
    /// <summary>
    /// No restriction: CLI commands and background work run by an operator of the installation. A new scope sees
    /// nothing (organisation -1, empty caseload) until <see cref="System"/> or <see cref="RestrictTo"/> says otherwise.
    /// </summary>
    public bool Unrestricted { get; private set; }

    public long OrganisationId { get; private set; } = -1;

    /// <summary>How personal data are filtered; the database context builds one model per mode, with no OR on flags,
    /// so that the filters use the indexes.</summary>
    public ScopeMode Mode => Unrestricted ? ScopeMode.Unrestricted : CaseloadOnly ? ScopeMode.Caseload : ScopeMode.Organisation;

    /// <summary>
    /// When true, only pathways followed by <see cref="ReferentIds"/> are visible: a référent sees their caseload,
    /// plus the caseloads a coordinator shared with them.
    /// </summary>
    public bool CaseloadOnly { get; private set; } = true;

    public List<long> ReferentIds { get; private set; } = [];

    public long? UserId { get; private set; }

    /// <summary>Login or command name written in the audit log.</summary>
    public string Actor { get; private set; } = "anonyme";

    public static AccessScope System(string actor) => new() { Actor = actor, Unrestricted = true, CaseloadOnly = false };

    /// <summary>Sees no personal data at all: the state of a web request before a user is known.</summary>
    public void RestrictToNothing()
    {
        Unrestricted = false;
        UserId = null;
        Actor = "anonyme";
        OrganisationId = -1;
        CaseloadOnly = true;
        ReferentIds = [];
    }

    public void RestrictTo(long userId, string login, long organisationId, bool caseloadOnly, IEnumerable<long> referentIds)
    {
        Unrestricted = false;
        UserId = userId;
        Actor = login;
        OrganisationId = organisationId;
        CaseloadOnly = caseloadOnly;
        ReferentIds = referentIds.Distinct().ToList();
    }

    public void ActAs(string actor) => Actor = actor;
}

public enum ScopeMode
{
    Unrestricted,
    Organisation,
    Caseload,
}
