namespace Parcours.Domain.Access;

/// <summary>A coordinator lets a user see the caseload of another référent, for example during an absence.</summary>
public class CaseloadShare
{
    public long Id { get; set; }

    public long OrganisationId { get; set; }

    /// <summary>The référent whose caseload is shared.</summary>
    public long ReferentId { get; set; }

    public long SharedWithUserId { get; set; }

    public long GrantedByUserId { get; set; }

    public DateTime GrantedAtUtc { get; set; }
}
