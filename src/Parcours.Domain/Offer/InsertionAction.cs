using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Offer;

/// <summary>
/// An action funded by a Département call for projects, for a period with constant annual figures (exchange format
/// §5.11). Stored for the exchange format now; the Offer module will take the table over.
/// </summary>
public class InsertionAction : IVersioned
{
    public long Id { get; set; }
    public string? ExternalId { get; set; }
    public string CallId { get; set; } = "";
    public string? ConventionId { get; set; }
    public InsertionActionType ActionType { get; set; }
    public string? LocalActionType { get; set; }
    public long FunderOrganisationId { get; set; }
    public long OperatorOrganisationId { get; set; }
    public string TerritoryCode { get; set; } = "";
    public ActionOperatingMode OperatingMode { get; set; }
    public int FundedPlaces { get; set; }
    public int? ReferencePlaces { get; set; }
    public decimal? ReferenceLumpSum { get; set; }
    public decimal AnnualAmount { get; set; }
    public ActionFundingMode FundingMode { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public ApplicationStatus? ApplicationStatus { get; set; }
    public int? QpvPlacesForecast { get; set; }
    public int Version { get; set; }
}

/// <summary>The monthly report of an action (exchange format §5.12): one per action and month.</summary>
public class MonthlyReport : IVersioned
{
    public long Id { get; set; }
    public long ActionId { get; set; }
    /// <summary>First day of the month reported.</summary>
    public DateOnly Month { get; set; }
    public int AccompaniedLastDay { get; set; }
    public int Entries { get; set; }
    public int ExitsEmploiDurable { get; set; }
    public int ExitsEmploiTransition { get; set; }
    public int ExitsPositive { get; set; }
    public int ExitsAutre { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public int Version { get; set; }
}
