using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Pathways;

/// <summary>The alerts of the entry procedure (W-01).</summary>
public enum EntryAlertKind
{
    /// <summary>R-103: a prescription still «Received» more than 7 days after it was received.</summary>
    NotPreAssigned = 1,
    /// <summary>R-104: pre-assigned more than 14 days ago and no convocation sent.</summary>
    NoConvocation,
    /// <summary>R-212: pre-assignment duration above 42 days (6 weeks) without a decision (entry or non-entry).</summary>
    LongPreAssignment,
}

/// <summary>One entry-procedure alert, with the day it became due and a French message.</summary>
public sealed record EntryAlert(EntryAlertKind Kind, DateOnly DueOn, string Message)
{
    public string Label => Kind switch
    {
        EntryAlertKind.NotPreAssigned => "À pré-affecter",
        EntryAlertKind.NoConvocation => "Aucune convocation",
        EntryAlertKind.LongPreAssignment => "Pré-affectation longue",
        _ => Kind.ToString(),
    };
}

/// <summary>The deadlines of the entry procedure: pure functions of the procedure dates and today.</summary>
public static class EntryProcedureAlerts
{
    public static IReadOnlyList<EntryAlert> For(PathwayStatus status, DateOnly? prescriptionDate, DateOnly? preAssignmentDate, int convocationCount,
        PathwayPolicy policy, DateOnly today)
    {
        var alerts = new List<EntryAlert>();
        if (status == PathwayStatus.PRESCRIT && prescriptionDate is { } received && today.DayNumber - received.DayNumber > policy.PreAssignmentDeadlineDays)
            alerts.Add(new(EntryAlertKind.NotPreAssigned, received.AddDays(policy.PreAssignmentDeadlineDays + 1),
                $"Prescription reçue le {received:dd/MM/yyyy}, non pré-affectée depuis plus de {policy.PreAssignmentDeadlineDays} jours."));
        if (preAssignmentDate is not { } assigned) return alerts;
        if (status == PathwayStatus.PRE_AFFECTE && convocationCount == 0 && today.DayNumber - assigned.DayNumber > policy.ConvocationDeadlineDays)
            alerts.Add(new(EntryAlertKind.NoConvocation, assigned.AddDays(policy.ConvocationDeadlineDays + 1),
                $"Pré-affecté le {assigned:dd/MM/yyyy} : aucune convocation envoyée depuis plus de {policy.ConvocationDeadlineDays} jours."));
        if (status is PathwayStatus.PRE_AFFECTE or PathwayStatus.CONVOQUE or PathwayStatus.ENTRETIEN or PathwayStatus.EN_COMMISSION
            && today.DayNumber - assigned.DayNumber > policy.PreAssignmentMaxDays)
            alerts.Add(new(EntryAlertKind.LongPreAssignment, assigned.AddDays(policy.PreAssignmentMaxDays + 1),
                $"Pré-affecté depuis le {assigned:dd/MM/yyyy} : plus de {policy.PreAssignmentMaxDays} jours sans décision d'entrée ou de non-entrée."));
        return alerts;
    }
}
