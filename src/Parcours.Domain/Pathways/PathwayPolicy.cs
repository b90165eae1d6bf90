namespace Parcours.Domain.Pathways;

/// <summary>
/// Thresholds of the pathway workflows, per programme. Defaults are those of rules.md:
/// 3 convocations, no step for 3 months, review at 18 months, no maximum duration by default
/// nationally, 60 days without contact, a file active of 70 per référent.
/// </summary>
public sealed record PathwayPolicy
{
    public int MaxConvocations { get; init; } = 3;
    public int NoStepAlertMonths { get; init; } = 3;
    public int ReviewAfterMonths { get; init; } = 18;
    public int? MaxPathwayMonths { get; init; }
    /// <summary>The «maximum duration approaching» warning, this many months before the maximum (R-115, product default 3).</summary>
    public int MaxDurationWarningMonths { get; init; } = 3;
    public int NoContactAlertDays { get; init; } = 60;
    /// <summary>A CER or contrat d'engagement ending within this many days is to renew (R-508, product default 30).</summary>
    public int ContractRenewalDays { get; init; } = 30;
    /// <summary>Review date of a pathway on hold when none is recorded: the start of the hold + this many months .</summary>
    public int OnHoldReviewMonths { get; init; } = 3;
    public int CaseloadNorm { get; init; } = 70;
    /// <summary>RSA: weeks from the opening of rights to the orientation (2024 decree, R-503), per Département.</summary>
    public int RsaOrientationWeeks { get; init; } = 6;
    /// <summary>RSA: weeks from the orientation to the signed contract (2024 decree, R-505), per Département.</summary>
    public int RsaContractWeeks { get; init; } = 4;
    /// <summary>R-103: a prescription not pre-assigned after this many days raises an alert.</summary>
    public int PreAssignmentDeadlineDays { get; init; } = 7;
    /// <summary>R-104: no convocation this many days after the pre-assignment raises an alert.</summary>
    public int ConvocationDeadlineDays { get; init; } = 14;
    /// <summary>R-212: a pre-assignment lasting more than this many days without a decision raises an alert (6 weeks).</summary>
    public int PreAssignmentMaxDays { get; init; } = 42;
    public int CaseloadLow { get; init; } = 60;
    public int CaseloadHigh { get; init; } = 100;

    public static PathwayPolicy Default { get; } = new();
}
