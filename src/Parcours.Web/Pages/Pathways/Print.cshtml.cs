using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Core.Pathways;

namespace Parcours.Web.Pages.Pathways;

/// <summary>
/// Print-ready documents of a pathway: the contract (CER, contrat d'engagement…) and the exit
/// attestation for the FSE. Plain HTML with a print stylesheet; the browser prints it or saves it as PDF.
/// </summary>
public sealed class PrintModel(PathwayWorkspaceQueries queries) : PageModel
{
    public PathwayWorkspace? W { get; private set; }
    public ContractView? Contract { get; private set; }
    public string Document { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, string document, long? contractId, CancellationToken ct)
    {
        W = await queries.GetAsync(id, ct);
        if (W is null) return NotFound();
        Document = document;
        if (document == "contrat")
        {
            Contract = W.Pathway.Contracts.FirstOrDefault(c => c.Id == contractId);
            if (Contract is null) return NotFound();
        }
        else if (document != "attestation" || W.Pathway.ExitReason is null) return NotFound();
        return Page();
    }
}
