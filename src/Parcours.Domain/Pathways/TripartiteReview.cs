using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Common;

namespace Parcours.Domain.Pathways;

#pragma warning disable CA1707 // Identifiers should not contain underscores: members are stored codes, like the code lists.
/// <summary>What a tripartite review decides for the pathway (W-02 reviews; internal to Parcours).</summary>
public enum ReviewDecision
{
    POURSUITE = 1,
    NOUVELLE_ETAPE,
    MISE_EN_VEILLE,
    PROPOSITION_SORTIE,
}
#pragma warning restore CA1707

/// <summary>
/// A tripartite review («bilan tripartite», W-02, R-137): the participant, the référent and the prescriber or the
/// employer (or step operator) review the pathway; conclusions, decision and the date of the next review.
/// </summary>
public class TripartiteReview : IVersioned, IPersonalData
{
    public long Id { get; set; }
    public long PathwayId { get; set; }
    public DateOnly HeldOn { get; set; }
    public bool ParticipantPresent { get; set; }
    public bool ReferentPresent { get; set; }
    public bool PrescriberPresent { get; set; }
    /// <summary>The employer or the step operator («référent d'étape»).</summary>
    public bool EmployerPresent { get; set; }
    /// <summary>Free text, internal like the interview notes: masked in the audit log, in no export or feed.</summary>
    public string? Conclusions { get; set; }
    public ReviewDecision Decision { get; set; }
    public DateOnly? NextReviewOn { get; set; }
    public int Version { get; set; }

    public int Attendees => (ParticipantPresent ? 1 : 0) + (ReferentPresent ? 1 : 0) + (PrescriberPresent ? 1 : 0) + (EmployerPresent ? 1 : 0);
}

/// <summary>The rules of a tripartite review: pure functions, no clock, no database.</summary>
public static class ReviewRules
{
    public const int MaxConclusionsLength = 4000;

    /// <summary>
    /// A review is held on a pathway in progress, between its entry and today (inclusive), with the participant and
    /// at least one professional (référent, prescriber, employer or step operator); the next review, when planned,
    /// comes after this one.
    /// </summary>
    public static ValidationResult Check(PathwayStatus status, DateOnly? entryDate, TripartiteReview review, DateOnly today)
    {
        var result = new ValidationResult();
        if (status is not (PathwayStatus.ENTRE or PathwayStatus.EN_VEILLE) || entryDate is null)
            return result.Add(null, "Un bilan tripartite ne s'enregistre que sur un parcours en cours.");
        if (review.HeldOn > today) result.Add("HeldOn", "La date du bilan ne peut pas être dans le futur.");
        if (review.HeldOn < entryDate) result.Add("HeldOn", $"La date du bilan précède la date d'entrée ({entryDate:dd/MM/yyyy}).");
        if (!review.ParticipantPresent) result.Add("ParticipantPresent", "Le participant doit être présent au bilan tripartite.");
        if (!review.ReferentPresent && !review.PrescriberPresent && !review.EmployerPresent)
            result.Add("Attendees", "Indiquez au moins un professionnel présent (référent, prescripteur, employeur ou opérateur d'étape).");
        if (review.NextReviewOn is { } next && next <= review.HeldOn)
            result.Add("NextReviewOn", "Le prochain bilan doit être postérieur à celui-ci.");
        if (review.Conclusions is { Length: > MaxConclusionsLength }) result.Add("Conclusions", "Les conclusions sont limitées à 4 000 caractères.");
        return result;
    }

    public static string Label(this ReviewDecision d) => d switch
    {
        ReviewDecision.POURSUITE => "Poursuite du parcours",
        ReviewDecision.NOUVELLE_ETAPE => "Nouvelle étape à programmer",
        ReviewDecision.MISE_EN_VEILLE => "Mise en veille",
        ReviewDecision.PROPOSITION_SORTIE => "Proposition de sortie",
        _ => d.ToString(),
    };
}
