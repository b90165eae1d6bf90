using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Pathways;

/// <summary>One step of a pathway: a job, a training course, a mobilisation action, an immersion… (exchange format §5.5, W-03).</summary>
public class Step : IVersioned, IPersonalData
{
    public long Id { get; set; }
    public string? ExternalId { get; set; }
    public long PathwayId { get; set; }
    public Pathway? Pathway { get; set; }
    public StepType StepType { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? PlannedEndDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public bool? FinancedByProgramme { get; set; }
    public long? OperationId { get; set; }
    public long? ActionId { get; set; }
    public long? ProviderOrganisationId { get; set; }

    // Employment
    public ContractType? ContractType { get; set; }
    /// <summary>Contractual duration in months at signature, two decimals at most (codelists.md §5.5).</summary>
    public decimal? ContractMonths { get; set; }
    public bool? OpenEnded { get; set; }
    public decimal? WeeklyHours { get; set; }
    public string? EmployerName { get; set; }
    public string? EmployerSiret { get; set; }
    public NafSection? EmployerNafSection { get; set; }
    public EmployerKind? EmployerKind { get; set; }
    public EstablishmentSize? EmployerSize { get; set; }

    // Training
    public TrainingDomain? TrainingDomain { get; set; }
    public CertificationLevel2019? TrainingLevel { get; set; }
    public ValidationNature? ValidationNature { get; set; }
    public bool? QualificationObtained { get; set; }
    public decimal? TotalHours { get; set; }

    public BarrierCategory? BarrierCode { get; set; }
    public long? ClauseMarketId { get; set; }

    // Département action exit
    public ExitReason? ExitReason { get; set; }
    public ContractType? ExitContractType { get; set; }
    public decimal? ExitContractMonths { get; set; }
    public DepartementExitCategory? Outcome { get; set; }

    public int Version { get; set; }

    public StepFamily Family => StepTypes.Family(StepType);

    public bool IsDurableContract => ContractType is { } type && ContractRules.IsDurable(type, ContractMonths, OpenEnded == true);

    /// <summary>In progress on a date: started, and not ended before that date.</summary>
    public bool IsInProgressOn(DateOnly date) => StartDate <= date && (EndDate is null || EndDate >= date);

    /// <summary>
    /// An exit job («emploi de sortie», R-118): a step of type EMPLOI_SORTIE, or a clause job on a durable contract
    /// that is neither an SIAE contract nor a subsidised one. It starts the 6-month validation clock.
    /// </summary>
    public bool IsExitJob => StepType == StepType.EMPLOI_SORTIE
        || (StepType == StepType.CLAUSE_SOCIALE && IsDurableContract
            && ContractType is not (CodeLists.ContractType.CUI_CAE or CodeLists.ContractType.CUI_CIE or CodeLists.ContractType.CREATION_ENTREPRISE));
}
