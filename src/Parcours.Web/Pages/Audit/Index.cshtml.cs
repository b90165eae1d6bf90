using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Domain.Access;
using Parcours.Web.Infrastructure;

namespace Parcours.Web.Pages.Audit;

[Authorize(Policy = Policies.ReadAudit)]
public sealed class IndexModel(ParcoursDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "type")] public string? Type { get; set; }
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> Types { get; } = ["Pathway", "Participant", "ParticipantIdentity", "Step", "Barrier", "CommitmentContract", "Appointment", "User", "Referent", "Dataset"];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking().Where(a => a.OrganisationId == db.Scope.OrganisationId);
        if (!string.IsNullOrEmpty(Type)) query = query.Where(a => a.EntityType == Type);
        Entries = await query.OrderByDescending(a => a.Id).Take(200).ToListAsync(ct);
    }

    public static string TypeLabel(string type) => type switch
    {
        "Pathway" => "Parcours",
        "Participant" => "Participant",
        "ParticipantIdentity" => "Identité",
        "Step" => "Étape",
        "Barrier" => "Frein",
        "CommitmentContract" => "Contrat d'engagement",
        "Appointment" => "Rendez-vous",
        "User" => "Utilisateur",
        "Referent" => "Référent",
        "Dataset" => "Jeu de données",
        _ => type,
    };

    public static string ActionLabel(string action) => action switch
    {
        "Created" => "Création",
        "Updated" => "Modification",
        "Deleted" => "Suppression",
        "Imported" => "Import",
        "Exported" => "Export",
        "ExportedAnonymised" => "Export anonymisé",
        _ => action,
    };
}
