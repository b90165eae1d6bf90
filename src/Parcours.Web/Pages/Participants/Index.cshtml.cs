using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Core.Pathways;
using Parcours.Domain.CodeLists;

namespace Parcours.Web.Pages.Participants;

public sealed class IndexModel(ParticipantQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "nom")] public string? Nom { get; set; }
    [BindProperty(SupportsGet = true, Name = "referent")] public long? Referent { get; set; }
    [BindProperty(SupportsGet = true, Name = "statut")] public PathwayStatus? Statut { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<ParticipantRow> Result { get; private set; } = new([], 1, 50, 0);
    public IReadOnlyList<ReferentOption> Referents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await queries.SearchAsync(new ParticipantSearch(Nom, Referent, Statut, PageNumber), ct);
        Referents = await queries.ReferentsAsync(ct);
    }
}
