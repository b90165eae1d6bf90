namespace Parcours.Domain.Access;

/// <summary>Roles a user holds in their organisation. A user may hold several.</summary>
[Flags]
public enum Role
{
    None = 0,
    /// <summary>Manages users and settings of the organisation.</summary>
    Administrator = 1,
    /// <summary>Sees every pathway of the programme, reassigns, runs the commission.</summary>
    Coordinator = 2,
    /// <summary>Follows a caseload of participants.</summary>
    Referent = 4,
    /// <summary>Manages FSE operations and indicators.</summary>
    FseOfficer = 8,
    /// <summary>Operator of funded actions: sees only the enrolments in its actions.</summary>
    Operator = 16,
    /// <summary>Reads without changing anything.</summary>
    Reader = 32,
}

public static class RoleLabels
{
    public static readonly Role[] All = [Role.Administrator, Role.Coordinator, Role.Referent, Role.FseOfficer, Role.Operator, Role.Reader];

    public static string Label(this Role role) => role switch
    {
        Role.Administrator => "Administrateur",
        Role.Coordinator => "Coordinateur",
        Role.Referent => "Référent",
        Role.FseOfficer => "Chargé de mission FSE",
        Role.Operator => "Opérateur",
        Role.Reader => "Lecteur",
        _ => string.Join(", ", All.Where(r => role.HasFlag(r)).Select(Label)),
    };
}
