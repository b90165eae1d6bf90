namespace Parcours.Domain.Access;

/// <summary>A person who logs in. Belongs to one organisation .</summary>
public class User : IVersioned
{
    public long Id { get; set; }

    public long OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    /// <summary>Login, lower case.</summary>
    public required string Login { get; set; }

    public required string DisplayName { get; set; }

    public string PasswordHash { get; set; } = "";

    public Role Roles { get; set; }

    /// <summary>The référent record this user acts as, for a référent.</summary>
    public long? ReferentId { get; set; }

    public int FailedLoginCount { get; set; }

    public DateTime? LockedUntilUtc { get; set; }

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }

    public bool Has(Role role) => (Roles & role) != 0;
}
