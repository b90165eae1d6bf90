using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Pathways;

/// <summary>What the entry commission records on entry (W-01, R-106, R-108, R-109): the profile at entry.</summary>
public sealed record EntryDecision(DateOnly EntryDate)
{
    public PublicCategory? PublicCategory { get; init; }
    public bool? ThRqth { get; init; }
    public bool? RegisteredFranceTravail { get; init; }
    public bool? QpvResident { get; init; }
    public string? QpvCode { get; init; }
    public bool? LoneParent { get; init; }
    public bool? RsaRightsAndDuties { get; init; }
    public EducationLevelFt? EducationLevel { get; init; }
    public EducationLevel1969? EducationLevel1969 { get; init; }
    public int? InactivityMonths { get; init; }
    public InactivityBand? InactivityBand { get; init; }
    public FseEntrySituation? LabourMarketStatus { get; init; }
    /// <summary>The person's birth date, when known, to compute the age at entry .</summary>
    public DateOnly? BirthDate { get; init; }
    public int? BirthYear { get; init; }
}
