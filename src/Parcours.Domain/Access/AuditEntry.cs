namespace Parcours.Domain.Access;

/// <summary>
/// Who changed what and when. Values of identity fields are never copied here: the entry says the field
/// changed, not what it holds, so that the log does not become a second copy of personal data.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public long? UserId { get; set; }

    /// <summary>Login of the user, or the name of the command for writes made by the CLI.</summary>
    public required string Actor { get; set; }

    public long? OrganisationId { get; set; }

    /// <summary>Entity name, for example «Pathway».</summary>
    public required string EntityType { get; set; }

    public long EntityId { get; set; }

    /// <summary>Created, Updated or Deleted.</summary>
    public required string Action { get; set; }

    /// <summary>JSON object: field → [before, after]; identity fields carry «modifié» only.</summary>
    public string? Changes { get; set; }
}
