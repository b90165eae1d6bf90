using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Pathways;

/// <summary>A barrier to employment identified on a pathway, and the date it was lifted .</summary>
public class Barrier : IVersioned, IPersonalData
{
    public long Id { get; set; }
    public string? ExternalId { get; set; }
    public long PathwayId { get; set; }
    public BarrierCategory BarrierCode { get; set; }
    public DateOnly IdentifiedOn { get; set; }
    public DateOnly? LiftedOn { get; set; }
    public int Version { get; set; }

    public bool IsLifted => LiftedOn is not null;
}
