using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Fse;

/// <summary>
/// One annual programming line (an FSE operation or another funded line), in its latest version (exchange format §5.9).
/// Stored for the exchange format now; the Fse module will take the table over.
/// </summary>
public class Operation : IVersioned
{
    public long Id { get; set; }
    public string? ExternalId { get; set; }
    public long ProgrammeOrganisationId { get; set; }
    public int Year { get; set; }
    public int? ProgrammingVersion { get; set; }
    public DateOnly? VersionDate { get; set; }
    public string? Code { get; set; }
    public string? FseOperationNumber { get; set; }
    public FseSpecificObjective? FseSpecificObjective { get; set; }
    public PlieExpenseHeading? ExpenseHeading { get; set; }
    /// <summary>Required in a full dataset, absent from the anonymised feed.</summary>
    public string? Title { get; set; }
    public long OperatorOrganisationId { get; set; }
    public decimal? ObjectiveValue { get; set; }
    public ObjectiveUnit? ObjectiveUnit { get; set; }
    public decimal TotalCost { get; set; }
    public ProcurementMode? ProcurementMode { get; set; }
    public ProgrammingLineStatus Status { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public int Version { get; set; }
}

/// <summary>One funder's share of an operation (exchange format §5.10).</summary>
public class Financing : IVersioned
{
    public long Id { get; set; }
    public string? ExternalId { get; set; }
    public long OperationId { get; set; }
    public FunderKind FunderKind { get; set; }
    public long? FunderOrganisationId { get; set; }
    public string? FunderName { get; set; }
    public decimal Amount { get; set; }
    public FinancingNature Nature { get; set; }
    public bool Mobilised { get; set; }
    public int Version { get; set; }
}
