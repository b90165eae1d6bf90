using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Core.Pathways;
using Parcours.Core.ReferenceData;
using Parcours.Domain.Access;
using Parcours.Web.Infrastructure;

namespace Parcours.Web.Pages.Participants;

public sealed class DetailsModel(ParticipantQueries queries, ReassignReferent reassign) : PageModel
{
    public ParticipantFile? Record { get; private set; }
    public IReadOnlyList<ReferentOption> Referents { get; private set; } = [];
    public string? ReassignError { get; private set; }
    public string? CommuneName { get; private set; }
    public bool CanReassign => User.Has(Role.Coordinator);
    /// <summary>Sensitive data are shown to référents, coordinators and the FSE officer only.</summary>
    public bool ShowSensitive => SensitiveData.MaySee(UserClaims.Roles(User));

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReassignAsync(long id, long pathwayId, long referentId, int version, CancellationToken ct)
    {
        if (!CanReassign) return NotFound();
        var result = await reassign.ExecuteAsync(new ReassignReferent.Input(pathwayId, referentId, version), ct);
        if (result is null) return NotFound();
        if (!result.IsValid)
        {
            ReassignError = result.ToString();
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        TempData["Success"] = "Le parcours a été réaffecté.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Record = await queries.FileAsync(id, ShowSensitive, ct);
        if (Record is null) return false;
        if (CanReassign) Referents = await queries.ReferentsAsync(ct);
        CommuneName = Record.CommuneInsee is { } code ? CommuneCatalog.Default.FindByInseeCode(code)?.Name : null;
        return true;
    }
}
