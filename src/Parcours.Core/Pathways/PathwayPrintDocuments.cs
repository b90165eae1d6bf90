using System.Globalization;
using Parcours.Core.Documents;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Pathways;

namespace Parcours.Core.Pathways;

/// <summary>
/// A printable document of a pathway: a title, labelled fields, a text and signature boxes. The same record gives
/// the print-ready HTML page and the PDF download, so both show the same data.
/// </summary>
/// <param name="FileName">Download name without extension and without any personal name, e.g. <c>contrat-engagement-2025-03</c>.</param>
public sealed record PrintDocument(string Title, IReadOnlyList<(string Label, string Value)> Fields, string? Heading, string Text,
    IReadOnlyList<string> Signatures, string FileName)
{
    /// <summary>
    /// The document for the PDF writer. The participant's name is in the body only: the document information
    /// (title) and the footer carry the kind of document, never a person's name.
    /// </summary>
    public LayoutDocument ToLayout()
    {
        var document = new LayoutDocument(Title) { Footer = $"{Title} — Parcours" };
        document.Heading(Title).Space(6).Fields(Fields);
        if (Heading is not null) document.Heading(Heading, 2);
        document.Paragraph(Text).Space(12).Signatures([.. Signatures]);
        return document;
    }
}

/// <summary>The contract (CER, contrat d'engagement…) and the FSE exit attestation of a pathway .</summary>
public static class PathwayPrintDocuments
{
    public const string Contract = "contrat";
    public const string ExitAttestation = "attestation";

    /// <summary>The document, or null when the pathway has no such contract or has not exited.</summary>
    public static PrintDocument? Build(PathwayWorkspace w, string document, long? contractId)
    {
        static string D(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "—";
        static string Month(DateOnly? d) => d?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "sans-date";
        var p = w.Pathway;
        var fields = new List<(string, string)>
        {
            ("Participant", $"{w.LastName.ToUpperInvariant()} {w.FirstName}"),
            ("Date de naissance", D(w.BirthDate)),
            ("Dispositif", $"{p.Scheme.Label()} — parcours n° {p.Rank}"),
            ("Référent", p.ReferentName ?? "—"),
            ("Entrée dans le parcours", D(p.EntryDate)),
        };
        if (document == Contract)
        {
            if (p.Contracts.FirstOrDefault(c => c.Id == contractId) is not { } k) return null;
            fields.Add(("Signé le", D(k.SignedOn)));
            fields.Add(("Période", $"du {D(k.StartDate)} au {D(k.EndDate)}"));
            fields.Add(("Durée hebdomadaire d'activité", k.WeeklyHours is { } h ? string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"{h:0.##} heures") : "—"));
            var slug = k.Kind.ToString().ToLowerInvariant().Replace('_', '-');
            return new PrintDocument(k.Kind.Label(), fields, "Engagements réciproques",
                "Le participant s'engage à participer aux actions définies avec son référent et à l'informer de tout changement de situation. " +
                "Le référent s'engage à l'accompagner vers l'emploi durable et à faire le point régulièrement avec lui.",
                ["Le participant", "Le référent"], $"{slug}-{Month(k.StartDate)}");
        }
        if (document != ExitAttestation || p.ExitReason is not { } reason) return null;
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
            ["Pour la structure, le coordinateur", "Date et cachet"], $"attestation-sortie-{Month(p.ExitDate ?? p.ExitValidationDate)}");
    }
}
