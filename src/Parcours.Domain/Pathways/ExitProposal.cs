using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Common;

namespace Parcours.Domain.Pathways;

#pragma warning disable CA1707 // Identifiers should not contain underscores: members are stored codes, like the code lists.
/// <summary>Where an exit proposal stands (W-02 `ExitPending`; internal to Parcours, never exchanged).</summary>
public enum ExitProposalStatus
{
    PROPOSEE = 1,
    VALIDEE,
    REFUSEE,
}
#pragma warning restore CA1707

/// <summary>
/// An exit proposed by the référent and awaiting the commission (W-02 `ExitPending`, W-04 `PositiveExitProposed`).
/// While it is pending the exchanged status stays ENTRE or EN_VEILLE; the commission validates it (the exit is recorded)
/// or refuses it with a reason (the pathway simply goes on).
/// </summary>
public class ExitProposal : IVersioned, IPersonalData
{
    public long Id { get; set; }
    public long PathwayId { get; set; }
    public DateOnly ProposedOn { get; set; }
    public ExitReason Reason { get; set; }
    public long? ExitStepId { get; set; }
    /// <summary>The exit date proposed (exits other than a job; a job exit is dated by its validation, R-119).</summary>
    public DateOnly? ExitDate { get; set; }
    public ExitProposalStatus Status { get; set; } = ExitProposalStatus.PROPOSEE;
    public DateOnly? DecidedOn { get; set; }
    public string? RefusalReason { get; set; }
    public int Version { get; set; }
}

/// <summary>The rules of the exit proposal and its refusal: pure functions, no clock, no database.</summary>
public static class ExitProposals
{
    public const int MaxRefusalReasonLength = 500;

    public static ValidationResult CheckPropose(PathwayStatus status, DateOnly? entryDate, bool pendingExists, ExitReason reason, Step? step,
        DateOnly proposedOn, DateOnly? exitDate, DateOnly today)
    {
        var result = new ValidationResult();
        if (status is not (PathwayStatus.ENTRE or PathwayStatus.EN_VEILLE) || entryDate is null)
            return result.Add(null, "Une sortie ne se propose que pour un parcours en cours.");
        if (pendingExists) return result.Add(null, "Une sortie est déjà proposée et attend la décision de la commission.");
        if (proposedOn > today) result.Add("ProposedOn", "La date de la proposition ne peut pas être dans le futur.");
        if (proposedOn < entryDate) result.Add("ProposedOn", $"La date de la proposition précède la date d'entrée ({entryDate:dd/MM/yyyy}).");
        if (exitDate is { } d && d < entryDate) result.Add("ExitDate", $"La date de sortie précède la date d'entrée ({entryDate:dd/MM/yyyy}).");
        if (exitDate is { } d2 && d2 > today) result.Add("ExitDate", "La date de sortie ne peut pas être dans le futur.");
        if (reason is ExitReason.EMPLOI_DURABLE or ExitReason.EMPLOI_AIDE_6_MOIS && step is null)
            result.Add("ExitStepId", "Choisissez l'étape d'emploi qui justifie la sortie.");
        if (ExitRules.CheckAgainstStep(reason, step) is { } mismatch) result.Add("Reason", mismatch);
        return result;
    }

    /// <summary>The commission refuses the pending proposal: a reason is required, the decision is dated from the proposal to today.</summary>
    public static ValidationResult CheckRefuse(ExitProposal? pending, string? refusalReason, DateOnly decidedOn, DateOnly today)
    {
        var result = new ValidationResult();
        if (pending is null || pending.Status != ExitProposalStatus.PROPOSEE) return result.Add(null, "Aucune sortie proposée n'attend de décision.");
        if (string.IsNullOrWhiteSpace(refusalReason)) result.Add("RefusalReason", "Le motif du refus est obligatoire.");
        else if (refusalReason.Trim().Length > MaxRefusalReasonLength) result.Add("RefusalReason", "Le motif du refus est limité à 500 caractères.");
        if (decidedOn > today) result.Add("DecidedOn", "La date de la décision ne peut pas être dans le futur.");
        if (decidedOn < pending.ProposedOn) result.Add("DecidedOn", $"La date de la décision précède la proposition ({pending.ProposedOn:dd/MM/yyyy}).");
        return result;
    }

    public static string Label(this ExitProposalStatus s) => s switch
    {
        ExitProposalStatus.PROPOSEE => "Proposée, en attente de la commission",
        ExitProposalStatus.VALIDEE => "Validée par la commission",
        ExitProposalStatus.REFUSEE => "Refusée par la commission",
        _ => s.ToString(),
    };
}
