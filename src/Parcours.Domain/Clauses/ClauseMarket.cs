using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Clauses;

/// <summary>
/// A public contract (or lot) with a social clause (exchange format §5.13). Stored for the exchange format now; the
/// Clauses module will take the table over.
/// </summary>
public class ClauseMarket : IVersioned
{
    public long Id { get; set; }
    public string? ExternalId { get; set; }
    public long BuyerOrganisationId { get; set; }
    public string? ClauseOperationId { get; set; }
    public string? OperationName { get; set; }
    public string? Lot { get; set; }
    public ClauseLegalBasis LegalBasis { get; set; }
    public bool? InsertionAwardCriterion { get; set; }
    public MarketKind MarketKind { get; set; }
    public decimal? HoursRequired { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? AwardeeSiret { get; set; }
    public long? AwardeeOrganisationId { get; set; }
    public bool? QpvAnru { get; set; }
    public long? FacilitatorOrganisationId { get; set; }
    public int Version { get; set; }
}

/// <summary>Insertion hours worked by one person on one market over a period (exchange format §5.14).</summary>
public class ClauseHours : IVersioned, IPersonalData
{
    public long Id { get; set; }
    public string? ExternalId { get; set; }
    public long MarketId { get; set; }
    public long? ParticipantId { get; set; }
    public long? PathwayId { get; set; }
    public string? EmployerSiret { get; set; }
    public ClauseModality Modality { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public decimal Hours { get; set; }
    public ContractType? ContractType { get; set; }
    public ClausePublic? EligiblePublic { get; set; }
    public int Version { get; set; }
}

/// <summary>Rules of the clause markets and hours (exchange format §5.13, §5.14).</summary>
public static class ClauseRules
{
    /// <summary>HOURS_IMPLAUSIBLE: more than 48 hours a week over the period (days counted inclusively).</summary>
    public static bool HoursImplausible(decimal hours, DateOnly start, DateOnly end)
    {
        var days = end.DayNumber - start.DayNumber + 1;
        return days > 0 && hours > 48m * days / 7m;
    }

    /// <summary>A period that starts before the market's start or ends after its end (PERIOD_OUTSIDE_PARENT).</summary>
    public static bool OutsideParent(DateOnly start, DateOnly end, DateOnly? parentStart, DateOnly? parentEnd) =>
        (parentStart is { } ps && start < ps) || (parentEnd is { } pe && end > pe);
}
