using Parcours.Domain.Access;
using Parcours.Domain.Common;

namespace Parcours.Domain.Pathways;

#pragma warning disable CA1707 // Identifiers should not contain underscores: members are stored codes, like the code lists.
/// <summary>The person's situation found at a follow-up contact (W-05; internal to Parcours).</summary>
public enum FollowUpSituation
{
    EN_EMPLOI = 1,
    EN_EMPLOI_DIFFICULTES,
    AUTRE,
}
#pragma warning restore CA1707

/// <summary>
/// One post-employment follow-up contact (W-05, R-130) of an exit job: the milestone (+1, +3 or +6 months after the
/// job start), its planned date, the day it was done and the situation found.
/// </summary>
public class EmploymentFollowUp : IVersioned, IPersonalData
{
    public long Id { get; set; }
    public long PathwayId { get; set; }
    public long StepId { get; set; }
    /// <summary>Months after the job start: 1, 3 or 6.</summary>
    public int Milestone { get; set; }
    public DateOnly PlannedOn { get; set; }
    public DateOnly DoneOn { get; set; }
    public FollowUpSituation Situation { get; set; }
    public int Version { get; set; }
}

/// <summary>One planned contact of the schedule, done or not.</summary>
public sealed record FollowUpContact(int Milestone, DateOnly PlannedOn, DateOnly? DoneOn, FollowUpSituation? Situation)
{
    public bool IsDue(DateOnly today) => DoneOn is null && today >= PlannedOn;
}

/// <summary>The follow-up schedule of an exit job (R-130 product default: +1, +3 and +6 months after the job start).</summary>
public static class FollowUpSchedule
{
    public static IReadOnlyList<int> Milestones { get; } = [1, 3, 6];

    public static DateOnly PlannedOn(DateOnly jobStart, int milestone) => CalendarMonths.Plus(jobStart, milestone);

    /// <summary>The three contacts of a job, with those done (by milestone).</summary>
    public static IReadOnlyList<FollowUpContact> For(DateOnly jobStart, IEnumerable<EmploymentFollowUp> done)
    {
        var byMilestone = done.GroupBy(f => f.Milestone).ToDictionary(g => g.Key, g => g.First());
        return Milestones.Select(m => byMilestone.TryGetValue(m, out var f)
            ? new FollowUpContact(m, PlannedOn(jobStart, m), f.DoneOn, f.Situation)
            : new FollowUpContact(m, PlannedOn(jobStart, m), null, null)).ToList();
    }

    /// <summary>The contacts due and not done as of today (planned date reached, inclusive), given the milestones done.</summary>
    public static IReadOnlyList<FollowUpContact> Due(DateOnly jobStart, IReadOnlyCollection<int> milestonesDone, DateOnly today) =>
        Milestones.Where(m => !milestonesDone.Contains(m) && today >= PlannedOn(jobStart, m))
            .Select(m => new FollowUpContact(m, PlannedOn(jobStart, m), null, null)).ToList();

    /// <summary>
    /// A contact is recorded on an exit job, for a milestone of the schedule not yet recorded, on a day
    /// between the job start and today (inclusive).
    /// </summary>
    public static ValidationResult Check(Step step, int milestone, DateOnly doneOn, IReadOnlyCollection<int> milestonesDone, DateOnly today)
    {
        var result = new ValidationResult();
        if (!step.IsExitJob) return result.Add("StepId", "Le suivi dans l'emploi concerne un emploi de sortie (CDI, ou contrat de plus de 6 mois hors contrat aidé).");
        if (!Milestones.Contains(milestone)) return result.Add("Milestone", "L'échéance du suivi doit être à 1, 3 ou 6 mois.");
        if (milestonesDone.Contains(milestone)) result.Add("Milestone", $"Le contact à {milestone} mois est déjà enregistré.");
        if (doneOn > today) result.Add("DoneOn", "La date du contact ne peut pas être dans le futur.");
        if (doneOn < step.StartDate) result.Add("DoneOn", $"La date du contact précède le début de l'emploi ({step.StartDate:dd/MM/yyyy}).");
        return result;
    }

    public static string Label(this FollowUpSituation s) => s switch
    {
        FollowUpSituation.EN_EMPLOI => "Toujours en emploi",
        FollowUpSituation.EN_EMPLOI_DIFFICULTES => "En emploi, avec des difficultés",
        FollowUpSituation.AUTRE => "Autre (n'est plus dans l'emploi)",
        _ => s.ToString(),
    };
}
