using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Core.Pathways;
using Parcours.Domain.CodeLists;
using Parcours.Web.Infrastructure;

namespace Parcours.Web.Pages.Pathways;

/// <summary>Records a prescription (W-01, ∅ → Received): a new person, or a known one coming back .</summary>
[Authorize(Policy = Policies.ManageCaseloads)]
public sealed class PrescribeModel(PathwayWorkflow workflow, TimeProvider clock) : PageModel
{
    [BindProperty] public string LastName { get; set; } = "";
    [BindProperty] public string FirstName { get; set; } = "";
    [BindProperty] public DateOnly? BirthDate { get; set; }
    [BindProperty] public Sex Sex { get; set; } = Sex.FEMME;
    [BindProperty] public PrescriberKind? PrescriberKind { get; set; }
    [BindProperty] public string? PrescriberName { get; set; }
    [BindProperty] public DateOnly PrescriptionDate { get; set; }
    [BindProperty(SupportsGet = true, Name = "participant")] public long? ParticipantId { get; set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet() => PrescriptionDate = Today.From(clock);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (PrescriberKind is null) Errors = ["Choisissez le type de prescripteur."];
        else if (!ModelState.IsValid) Errors = ["Une date ou une valeur saisie n'est pas valide : vérifiez le formulaire."];
        if (Errors.Count > 0) return Page();
        var (pathwayId, result) = await workflow.PrescribeAsync(new PathwayWorkflow.PrescriptionInput(LastName, FirstName, BirthDate, Sex,
            PrescriberKind!.Value, PrescriberName, PrescriptionDate, Scheme.PLIE, ParticipantId), ct);
        if (!result.IsValid || pathwayId is null)
        {
            Errors = result.Errors.Select(e => e.Message).ToList();
            return Page();
        }
        TempData["Success"] = "La prescription a été enregistrée.";
        return Redirect($"/parcours/{pathwayId}");
    }
}
