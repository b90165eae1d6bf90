using Parcours.Domain.CodeLists;
using Parcours.Domain.Common;

namespace Parcours.Domain.Pathways;

/// <summary>Checks of a step against its pathway (R-111, W-03): dates, closed pathway, required fields by family.</summary>
public static class StepRules
{
    public static ValidationResult CheckNew(Pathway pathway, Step step, DateOnly today)
    {
        var result = new ValidationResult();
        if (pathway.Status is not (PathwayStatus.ENTRE or PathwayStatus.EN_VEILLE))
            result.Add(null, pathway.Status == PathwayStatus.SORTI
                ? "Ce parcours est clos : on ne peut plus y ajouter d'étape."
                : "Une étape ne peut être ajoutée qu'à un parcours entré.");
        CheckDates(result, pathway, step.StartDate, step.PlannedEndDate, step.EndDate, today);
        if (IsEmployment(step.Family))
        {
            if (step.ContractType is null) result.Add(nameof(Step.ContractType), "Le type de contrat est obligatoire pour une étape d'emploi.");
            if (string.IsNullOrWhiteSpace(step.EmployerName)) result.Add(nameof(Step.EmployerName), "L'employeur est obligatoire pour une étape d'emploi.");
            if (step.WeeklyHours is null) result.Add(nameof(Step.WeeklyHours), "La durée hebdomadaire est obligatoire pour une étape d'emploi.");
            if (step.ContractType is { } ct && ct != ContractType.CDI && step.OpenEnded != true && step.ContractMonths is null && step.PlannedEndDate is null)
                result.Add(nameof(Step.ContractMonths), "Pour un contrat à durée déterminée, indiquez sa durée en mois ou sa date de fin prévue.");
        }
        if (step.WeeklyHours is < 0 or > 60) result.Add(nameof(Step.WeeklyHours), "La durée hebdomadaire doit être comprise entre 0 et 60 heures.");
        if (step.EmployerSiret is { Length: > 0 } siret && !SiretChecks.IsValidSiret(siret))
            result.Add(nameof(Step.EmployerSiret), "Le SIRET de l'employeur n'est pas valide.");
        if (step.StepType == StepType.EMPLOI_SORTIE && step.ContractType is { } type && !ContractRules.IsDurable(type, step.ContractMonths, step.OpenEnded == true))
            result.Add(nameof(Step.ContractType), "Un emploi de sortie exige un contrat durable (CDI, ou contrat de plus de 6 mois).");
        return result;
    }

    public static ValidationResult CheckClose(Pathway pathway, Step step, DateOnly endDate, DateOnly today)
    {
        var result = new ValidationResult();
        if (step.EndDate is not null) result.Add(nameof(Step.EndDate), "Cette étape est déjà close.");
        if (endDate < step.StartDate) result.Add(nameof(Step.EndDate), $"La date de fin précède le début de l'étape ({step.StartDate:dd/MM/yyyy}).");
        if (endDate > today) result.Add(nameof(Step.EndDate), "La date de fin ne peut pas être dans le futur.");
        if (pathway.ExitDate is { } exit && endDate > exit) result.Add(nameof(Step.EndDate), "La date de fin suit la date de sortie du parcours.");
        return result;
    }

    /// <summary>The families whose steps are jobs: contract, employer and hours are required .</summary>
    public static bool IsEmployment(StepFamily family) => family is StepFamily.EMPLOI_PARCOURS_IAE or StepFamily.EMPLOI_PARCOURS_HORS_IAE
        or StepFamily.EMPLOI_PARCOURS_AUTRE or StepFamily.EMPLOI_SORTIE or StepFamily.CLAUSE_SOCIALE;

    private static void CheckDates(ValidationResult result, Pathway pathway, DateOnly start, DateOnly? plannedEnd, DateOnly? end, DateOnly today)
    {
        if (pathway.EntryDate is { } entry && start < entry)
            result.Add(nameof(Step.StartDate), $"Le début de l'étape précède l'entrée dans le parcours ({entry:dd/MM/yyyy}).");
        if (plannedEnd is { } p && p < start) result.Add(nameof(Step.PlannedEndDate), "La fin prévue précède le début de l'étape.");
        if (end is { } e && e < start) result.Add(nameof(Step.EndDate), "La date de fin précède le début de l'étape.");
        if (end is { } e2 && e2 > today) result.Add(nameof(Step.EndDate), "La date de fin ne peut pas être dans le futur.");
    }
}
