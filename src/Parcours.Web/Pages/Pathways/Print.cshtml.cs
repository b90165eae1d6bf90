using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Core.Pathways;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Pathways;

namespace Parcours.Web.Pages.Pathways;

/// <summary>
/// Print-ready documents of a pathway: the contract (CER, contrat d'engagement…) and the exit
/// attestation for the FSE, as HTML with a print stylesheet (the browser prints it or saves it as PDF).
/// </summary>
public sealed class PrintModel(PathwayWorkspaceQueries queries) : PageModel
{
    public PrintDocument? Doc { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string document, long? contractId, CancellationToken ct)
    {
        var w = await queries.GetAsync(id, ct);
        if (w is null) return NotFound();
        Doc = Build(w, document, contractId);
        return Doc is null ? NotFound() : Page();
    }

    private static PrintDocument? Build(PathwayWorkspace w, string document, long? contractId)
    {
        static string D(DateOnly? d) => d?.ToString("dd/MM/yyyy") ?? "—";
        var p = w.Pathway;
        var fields = new List<(string, string)>
        {
            ("Participant", $"{w.LastName.ToUpperInvariant()} {w.FirstName}"),
            ("Date de naissance", D(w.BirthDate)),
            ("Dispositif", $"{p.Scheme.Label()} — parcours n° {p.Rank}"),
            ("Référent", p.ReferentName ?? "—"),
            ("Entrée dans le parcours", D(p.EntryDate)),
        };
        if (document == "contrat")
        {
            if (p.Contracts.FirstOrDefault(c => c.Id == contractId) is not { } k) return null;
            fields.Add(("Signé le", D(k.SignedOn)));
            fields.Add(("Période", $"du {D(k.StartDate)} au {D(k.EndDate)}"));
            fields.Add(("Durée hebdomadaire d'activité", k.WeeklyHours is { } h ? $"{h:0.##} heures" : "—"));
            return new PrintDocument(k.Kind.Label(), fields, "Engagements réciproques",
                "Le participant s'engage à participer aux actions définies avec son référent et à l'informer de tout changement de situation. " +
                "Le référent s'engage à l'accompagner vers l'emploi durable et à faire le point régulièrement avec lui.",
                ["Le participant", "Le référent"]);
        }
        if (document != "attestation" || p.ExitReason is not { } reason) return null;
        fields.Add(("Motif de sortie", reason.Label()));
        fields.Add(("Catégorie", p.ExitCategory?.Label() ?? "—"));
        fields.Add(("Date de sortie", D(p.ExitDate)));
        fields.Add(("Validée par la commission le", D(p.ExitValidationDate)));
        if (p.Steps.FirstOrDefault(s => s.Id == p.ExitStepId) is { } step)
            fields.Add(("Situation justifiant la sortie", $"{step.Type.Label()}{(step.ContractType is { } ct ? $", {ct.Label()}" : "")}{(step.EmployerName is null ? "" : $", {step.EmployerName}")}, depuis le {D(step.StartDate)}"));
        var evidence = w.Documents.Where(d => PathwayDocuments.ExitEvidence.Contains(d.Kind)).Select(d => d.Kind.Label()).ToList();
        fields.Add(("Justificatifs au dossier", evidence.Count == 0 ? "—" : string.Join(", ", evidence)));
        return new PrintDocument("Attestation de sortie", fields, null,
            "Attestation établie pour le Fonds social européen : le participant nommé ci-dessus est sorti du parcours pour le motif indiqué, validé au vu des justificatifs listés.",
            ["Pour la structure, le coordinateur", "Date et cachet"]);
    }
}
