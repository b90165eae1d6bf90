using Parcours.Domain.CodeLists;
using Parcours.Domain.Common;

namespace Parcours.Domain.Pathways;

/// <summary>Exit classification and the 6-month validation of durable employment (R-117 to, exchange format P7).</summary>
public static class ExitRules
{
    /// <summary>Months a durable job must last before the positive exit is validated .</summary>
    public const int ValidationMonths = 6;

    /// <summary>Validation date of an exit job: job start + 6 months, calendar arithmetic .</summary>
    public static DateOnly ValidationDate(DateOnly jobStart) => CalendarMonths.Plus(jobStart, ValidationMonths);

    /// <summary>The 6-month check is due on the validation date itself («au terme de 6 mois», R-002).</summary>
    public static bool IsValidationDue(DateOnly jobStart, DateOnly today) => today >= ValidationDate(jobStart);

    /// <summary>Category, national row and neutralisable flag of an exit reason, with the national defaults.</summary>
    public static ExitClassification Classify(ExitReason reason) =>
        new(reason, ExitReasons.Category(reason), ExitReasons.ConsolidationRow(reason), ExitReasons.IsNeutralisable(reason));

    /// <summary>
    /// Rule P7 of the exchange format: the exit reason must agree with the step that justifies it.
    /// Returns an error message, or null when they agree (or when there is no step to check).
    /// </summary>
    public static string? CheckAgainstStep(ExitReason reason, Step? step)
    {
        if (step is null) return null;
        var durable = step.IsDurableContract;
        return reason switch
        {
            ExitReason.EMPLOI_DURABLE when !durable =>
                "Une sortie en emploi durable exige un contrat durable (CDI, ou contrat de plus de 6 mois).",
            ExitReason.EMPLOI_AIDE_6_MOIS when !(step.ContractType is ContractType.CUI_CAE or ContractType.CUI_CIE && durable) =>
                "Une sortie en emploi aidé exige un contrat CUI-CAE ou CUI-CIE de plus de 6 mois.",
            ExitReason.EMPLOI_TRANSITION when durable =>
                "Une sortie en emploi de transition exige un contrat qui n'est pas durable.",
            ExitReason.FORMATION_QUALIFIANTE when step.Family != StepFamily.FORMATION_QUALIFIANTE =>
                "Une sortie en formation qualifiante exige une étape de formation qualifiante.",
            ExitReason.CREATION_ACTIVITE when !(step.Family == StepFamily.CREATION_ENTREPRISE || step.StepType == StepType.EITI || step.ContractType == ContractType.CREATION_ENTREPRISE) =>
                "Une sortie en création d'activité exige une étape de création d'entreprise.",
            _ => null,
        };
    }
}

/// <summary>How an exit reason counts in the national tables.</summary>
public sealed record ExitClassification(ExitReason Reason, ExitCategory Category, ConsolidationExitRow Row, bool Neutralisable)
{
    public bool IsPositive => Category == ExitCategory.POSITIVE;
}
