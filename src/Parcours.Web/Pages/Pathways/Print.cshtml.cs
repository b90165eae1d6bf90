using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Core.Documents;
using Parcours.Core.Pathways;

namespace Parcours.Web.Pages.Pathways;

/// <summary>
/// Printable documents of a pathway: the contract (CER, contrat d'engagement…) and the exit
/// attestation for the FSE, as print-ready HTML (GET) or as a PDF file (GET ?handler=pdf). Both come from the same
/// <see cref="PrintDocument"/> and the same scoped query: a pathway outside the user's scope answers 404 in both.
/// </summary>
public sealed class PrintModel(PathwayWorkspaceQueries queries, TimeProvider clock) : PageModel
{
    public PrintDocument? Doc { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string document, long? contractId, CancellationToken ct)
    {
        Doc = await LoadAsync(id, document, contractId, ct);
        return Doc is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(long id, string document, long? contractId, CancellationToken ct)
    {
        var doc = await LoadAsync(id, document, contractId, ct);
        if (doc is null) return NotFound();
        return File(new PdfRenderer(clock).Render(doc.ToLayout()), PdfRenderer.ContentType, doc.FileName + ".pdf");
    }

    private async Task<PrintDocument?> LoadAsync(long id, string document, long? contractId, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } w ? PathwayPrintDocuments.Build(w, document, contractId) : null;
}
