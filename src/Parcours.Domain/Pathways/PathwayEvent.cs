using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Pathways;

/// <summary>A transition or a notable change of a pathway, kept for history: nothing is overwritten (workflows, general conventions).</summary>
public class PathwayEvent
{
    public long Id { get; set; }

    public long PathwayId { get; set; }

    /// <summary>Date the event took effect in the field (for example the convocation date).</summary>
    public DateOnly On { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public required string Kind { get; set; }

    public PathwayStatus? FromStatus { get; set; }

    public PathwayStatus? ToStatus { get; set; }

    /// <summary>Short structured detail (no free text about the person).</summary>
    public string? Detail { get; set; }
}
