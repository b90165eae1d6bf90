using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Pathways;

/// <summary>A professional who follows people: référent de parcours, référent unique RSA, coach… (exchange format §5.2).</summary>
public class Referent : IVersioned
{
    public long Id { get; set; }

    /// <summary>The programme organisation the référent works for, which owns the caseload data.</summary>
    public long OrganisationId { get; set; }

    /// <summary>The employer (an operator, a commune, a CCAS…).</summary>
    public long? EmployerOrganisationId { get; set; }

    public Organisation? Employer { get; set; }

    public string? ExternalId { get; set; }

    public ProfessionalRole Role { get; set; }

    public required string LastName { get; set; }

    public required string FirstName { get; set; }

    public string? Email { get; set; }

    /// <summary>Share of a full-time post (0 &lt; fte ≤ 1), in hundredths to stay exact on both engines.</summary>
    public int FteHundredths { get; set; } = 100;

    public bool FundedByProgramme { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public int Version { get; set; }

    public string DisplayName => $"{FirstName} {LastName}";
}
