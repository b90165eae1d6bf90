using Parcours.Domain.CodeLists;
using Parcours.Domain.Common;

namespace Parcours.Domain.Pathways;

/// <summary>The alerts of a pathway in the caseload (W-02), in the order the caseload page shows them.</summary>
public enum CaseloadAlertKind
{
    /// <summary>R-118, R-119: an exit job reached its 6th month: check the conditions and validate the positive exit.</summary>
    ExitJobValidationDue = 1,
    /// <summary>R-115: today ≥ entry + MaxPathwayMonths.</summary>
    MaxDurationReached,
    /// <summary>R-115: today ≥ entry + (MaxPathwayMonths − 3 months), the maximum not yet reached.</summary>
    MaxDurationApproaching,
    /// <summary>R-113: in progress, no step today, and today &gt; (end of the last step, or entry) + 3 months.</summary>
    NoStep,
    /// <summary>R-114: today ≥ entry + 18 months: on the next portfolio review.</summary>
    Review,
    /// <summary>R-508: the current CER or contrat d'engagement ends within 30 days (or has ended without a new one).</summary>
    ContractToRenew,
    /// <summary>R-135: no attended appointment (nor entry) for 60 days.</summary>
    NoContact,
    /// <summary>R-116: on hold and its review date is reached.</summary>
    OnHoldReviewDue,
    /// <summary>R-137: the next tripartite review planned at the last one is reached (inclusive).</summary>
    TripartiteReviewDue,
    /// <summary>R-130: a post-employment follow-up contact (+1, +3, +6 months after the exit job start) is due and not done.</summary>
    FollowUpDue,
}

/// <summary>One alert raised on a pathway, with the date it became due and a French message.</summary>
public sealed record CaseloadAlert(CaseloadAlertKind Kind, DateOnly DueOn, string Message)
{
    public string Label => Kind.Label();
}

/// <summary>
/// What the alert rules need to know about a pathway, as of a day: a flat projection that the caseload query fills in
/// one set-based query (no entity graph).
/// </summary>
public sealed record PathwaySnapshot
{
    public PathwayStatus Status { get; init; }
    public DateOnly? EntryDate { get; init; }
    /// <summary>The day the current status began (the start of a hold).</summary>
    public DateOnly? StatusSince { get; init; }
    /// <summary>At least one step in progress today (started, not ended before today).</summary>
    public bool HasStepInProgress { get; init; }
    /// <summary>Latest end date of the ended steps (null when no step has ended).</summary>
    public DateOnly? LastStepEnd { get; init; }
    /// <summary>Start of the earliest exit job in progress, the one whose 6-month clock runs.</summary>
    public DateOnly? ExitJobStart { get; init; }
    /// <summary>Date of the last attended appointment.</summary>
    public DateOnly? LastContact { get; init; }
    /// <summary>End date of the latest CER or contrat d'engagement, when it has one.</summary>
    public DateOnly? ContractEnd { get; init; }
    /// <summary>Date of the latest tripartite review held.</summary>
    public DateOnly? LastReviewOn { get; init; }
    /// <summary>Next review date planned at the latest tripartite review.</summary>
    public DateOnly? NextReviewOn { get; init; }
    /// <summary>Follow-up milestones (1, 3, 6) already done for the exit job of <see cref="ExitJobStart"/>.</summary>
    public IReadOnlyCollection<int> FollowUpsDone { get; init; } = [];
}

/// <summary>The alert rules of W-02, pure functions of a snapshot, a policy and today (no clock, no database).</summary>
public static class CaseloadAlerts
{
    public static IReadOnlyList<CaseloadAlert> For(PathwaySnapshot p, PathwayPolicy policy, DateOnly today)
    {
        var alerts = new List<CaseloadAlert>();
        if (p.Status is not (PathwayStatus.ENTRE or PathwayStatus.EN_VEILLE) || p.EntryDate is not { } entry) return alerts;

        if (p.Status == PathwayStatus.EN_VEILLE)
        {
            // on hold raises only the review alert.
            var review = CalendarMonths.Plus(p.StatusSince ?? entry, policy.OnHoldReviewMonths);
            if (today >= review)
                alerts.Add(new(CaseloadAlertKind.OnHoldReviewDue, review, $"Parcours en veille : revue prévue le {review:dd/MM/yyyy}."));
            return alerts;
        }

        if (p.ExitJobStart is { } jobStart && ExitRules.IsValidationDue(jobStart, today))
        {
            var due = ExitRules.ValidationDate(jobStart);
            alerts.Add(new(CaseloadAlertKind.ExitJobValidationDue, due,
                $"Emploi durable depuis le {jobStart:dd/MM/yyyy} : 6 mois atteints le {due:dd/MM/yyyy}, vérifiez les conditions et validez la sortie positive."));
        }

        if (policy.MaxPathwayMonths is { } max)
        {
            var reached = CalendarMonths.Plus(entry, max);
            var warning = CalendarMonths.Plus(entry, Math.Max(0, max - policy.MaxDurationWarningMonths));
            if (today >= reached)
                alerts.Add(new(CaseloadAlertKind.MaxDurationReached, reached,
                    $"Durée maximale de {max} mois atteinte le {reached:dd/MM/yyyy} : proposez une sortie (durée maximale) ou une prolongation."));
            else if (today >= warning)
                alerts.Add(new(CaseloadAlertKind.MaxDurationApproaching, warning,
                    $"La durée maximale de {max} mois sera atteinte le {reached:dd/MM/yyyy}."));
        }

        if (!p.HasStepInProgress)
        {
            var since = p.LastStepEnd is { } end && end > entry ? end : entry;
            if (CalendarMonths.IsMoreThan(since, policy.NoStepAlertMonths, today))
                alerts.Add(new(CaseloadAlertKind.NoStep, CalendarMonths.Plus(since, policy.NoStepAlertMonths).AddDays(1),
                    $"Aucune étape depuis le {since:dd/MM/yyyy} (plus de {policy.NoStepAlertMonths} mois)."));
        }

        if (p.ExitJobStart is { } followedJob && FollowUpSchedule.Due(followedJob, p.FollowUpsDone, today) is { Count: > 0 } dueContacts)
        {
            var first = dueContacts[0];
            alerts.Add(new(CaseloadAlertKind.FollowUpDue, first.PlannedOn,
                $"Suivi dans l'emploi à {first.Milestone} mois prévu le {first.PlannedOn:dd/MM/yyyy} : contact à faire."));
        }

        // the 18-month review is due until a tripartite review is held on or after that date; then the next
        // review date planned at the latest review takes over.
        var reviewOn = CalendarMonths.Plus(entry, policy.ReviewAfterMonths);
        if (p.NextReviewOn is { } next && today >= next && (p.LastReviewOn is null || p.LastReviewOn < next))
            alerts.Add(new(CaseloadAlertKind.TripartiteReviewDue, next,
                $"Bilan tripartite prévu le {next:dd/MM/yyyy} : à tenir."));
        if (today >= reviewOn && (p.LastReviewOn is null || p.LastReviewOn < reviewOn))
            alerts.Add(new(CaseloadAlertKind.Review, reviewOn,
                $"Parcours de {policy.ReviewAfterMonths} mois ou plus (depuis le {reviewOn:dd/MM/yyyy}) : à inscrire à la prochaine revue de portefeuille."));

        if (p.ContractEnd is { } contractEnd && today >= contractEnd.AddDays(-policy.ContractRenewalDays))
            alerts.Add(new(CaseloadAlertKind.ContractToRenew, contractEnd.AddDays(-policy.ContractRenewalDays),
                today > contractEnd
                    ? $"Le contrat d'engagement a pris fin le {contractEnd:dd/MM/yyyy} : à renouveler."
                    : $"Le contrat d'engagement prend fin le {contractEnd:dd/MM/yyyy} : à renouveler."));

        var lastContact = p.LastContact is { } c && c > entry ? c : entry;
        if (today.DayNumber - lastContact.DayNumber >= policy.NoContactAlertDays)
            alerts.Add(new(CaseloadAlertKind.NoContact, lastContact.AddDays(policy.NoContactAlertDays),
                $"Aucun rendez-vous honoré depuis le {lastContact:dd/MM/yyyy} ({policy.NoContactAlertDays} jours ou plus)."));

        return alerts;
    }

    public static string Label(this CaseloadAlertKind kind) => kind switch
    {
        CaseloadAlertKind.ExitJobValidationDue => "Sortie à valider (6 mois d'emploi)",
        CaseloadAlertKind.MaxDurationReached => "Durée maximale atteinte",
        CaseloadAlertKind.MaxDurationApproaching => "Durée maximale proche",
        CaseloadAlertKind.NoStep => "Sans étape depuis plus de 3 mois",
        CaseloadAlertKind.Review => "Revue à 18 mois",
        CaseloadAlertKind.ContractToRenew => "Contrat à renouveler",
        CaseloadAlertKind.NoContact => "Sans contact depuis 2 mois",
        CaseloadAlertKind.OnHoldReviewDue => "Veille à revoir",
        CaseloadAlertKind.TripartiteReviewDue => "Bilan tripartite à tenir",
        CaseloadAlertKind.FollowUpDue => "Suivi dans l'emploi à faire",
        _ => kind.ToString(),
    };
}
