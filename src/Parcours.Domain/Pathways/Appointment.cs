using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Pathways;

/// <summary>An appointment with the référent: planned, attended or missed (exchange format §5.8).</summary>
public class Appointment : IVersioned, IPersonalData
{
    public long Id { get; set; }
    public string? ExternalId { get; set; }
    public long PathwayId { get; set; }
    public DateOnly Date { get; set; }
    public AppointmentKind Kind { get; set; }
    /// <summary>true present, false absent, null not yet known.</summary>
    public bool? Attended { get; set; }
    public long? ReferentId { get; set; }
    /// <summary>Rank of the convocation for a pre-entry appointment (1 to 9).</summary>
    public int? ConvocationRank { get; set; }
    /// <summary>Interview note: free text that never leaves Parcours .</summary>
    public string? Note { get; set; }
    public int Version { get; set; }
}
