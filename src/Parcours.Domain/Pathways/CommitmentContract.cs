using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Pathways;

/// <summary>A commitment contract: CER, PPAE, contrat d'engagement or PLIE commitment (exchange format §5.7, R-5xx).</summary>
public class CommitmentContract : IVersioned, IPersonalData
{
    public long Id { get; set; }
    public string? ExternalId { get; set; }
    public long PathwayId { get; set; }
    public CommitmentContractKind Kind { get; set; }
    public DateOnly SignedOn { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public decimal? WeeklyActivityHours { get; set; }
    public bool? ReducedHours { get; set; }
    public long? SignatoryOrganisationId { get; set; }
    public DateOnly? SentOn { get; set; }
    public int Version { get; set; }
}
