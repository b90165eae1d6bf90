using Parcours.Domain.Access;

namespace Parcours.Domain.Pathways;

#pragma warning disable CA1707 // Identifiers should not contain underscores: members are stored codes, like the code lists.
/// <summary>
/// A supporting document of a pathway: the items of the administrative file checked before the entry commission
/// (R-105) and the evidence of a validated exit (R-129). Not an exchanged list: codes are internal to Parcours.
/// </summary>
public enum PathwayDocumentKind
{
    PIECE_IDENTITE = 1,
    JUSTIFICATIF_DOMICILE,
    JUSTIFICATIF_STATUT,
    ENGAGEMENT_SIGNE,
    QUESTIONNAIRE_FSE,
    CONTRAT_TRAVAIL,
    BULLETINS_SALAIRE,
    ATTESTATION_EMPLOYEUR,
}
#pragma warning restore CA1707

/// <summary>A document received for a pathway, with the date it was received.</summary>
public class PathwayDocument : IVersioned, IPersonalData
{
    public long Id { get; set; }
    public long PathwayId { get; set; }
    public PathwayDocumentKind Kind { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public int Version { get; set; }
}

/// <summary>The administrative file before the commission (R-105) and the evidence of an exit (R-129).</summary>
public static class PathwayDocuments
{
    /// <summary>Product default checklist of R-105 (the FSE questionnaire only when the pathway is FSE-funded).</summary>
    public static IReadOnlyList<PathwayDocumentKind> EntryChecklist(bool fseFunded) => fseFunded
        ? [PathwayDocumentKind.PIECE_IDENTITE, PathwayDocumentKind.JUSTIFICATIF_DOMICILE, PathwayDocumentKind.JUSTIFICATIF_STATUT, PathwayDocumentKind.ENGAGEMENT_SIGNE, PathwayDocumentKind.QUESTIONNAIRE_FSE]
        : [PathwayDocumentKind.PIECE_IDENTITE, PathwayDocumentKind.JUSTIFICATIF_DOMICILE, PathwayDocumentKind.JUSTIFICATIF_STATUT, PathwayDocumentKind.ENGAGEMENT_SIGNE];

    public static IReadOnlyList<PathwayDocumentKind> ExitEvidence { get; } =
        [PathwayDocumentKind.CONTRAT_TRAVAIL, PathwayDocumentKind.BULLETINS_SALAIRE, PathwayDocumentKind.ATTESTATION_EMPLOYEUR];

    /// <summary>The missing items of the entry checklist; empty when the file is complete.</summary>
    public static IReadOnlyList<PathwayDocumentKind> MissingForEntry(IEnumerable<PathwayDocumentKind> received, bool fseFunded)
    {
        var set = received.ToHashSet();
        return EntryChecklist(fseFunded).Where(k => !set.Contains(k)).ToList();
    }

    /// <summary>
    /// Evidence of a durable-job exit (R-129): the contract, plus payslips or an employer attestation covering the
    /// 6 months. Returns the French message of what is missing, or null.
    /// </summary>
    public static string? MissingDurableJobEvidence(IEnumerable<PathwayDocumentKind> evidence)
    {
        var set = evidence.ToHashSet();
        var missing = new List<string>();
        if (!set.Contains(PathwayDocumentKind.CONTRAT_TRAVAIL)) missing.Add("le contrat de travail");
        if (!set.Contains(PathwayDocumentKind.BULLETINS_SALAIRE) && !set.Contains(PathwayDocumentKind.ATTESTATION_EMPLOYEUR))
            missing.Add("les bulletins de salaire ou une attestation de l'employeur couvrant les 6 mois");
        return missing.Count == 0 ? null : $"Justificatifs manquants pour valider la sortie en emploi durable : {string.Join(" et ", missing)}.";
    }

    public static string Label(this PathwayDocumentKind kind) => kind switch
    {
        PathwayDocumentKind.PIECE_IDENTITE => "Pièce d'identité",
        PathwayDocumentKind.JUSTIFICATIF_DOMICILE => "Justificatif de domicile",
        PathwayDocumentKind.JUSTIFICATIF_STATUT => "Justificatif du statut déclaré (RSA, inscription France Travail, RQTH)",
        PathwayDocumentKind.ENGAGEMENT_SIGNE => "Engagement PLIE signé",
        PathwayDocumentKind.QUESTIONNAIRE_FSE => "Questionnaire d'entrée FSE complet",
        PathwayDocumentKind.CONTRAT_TRAVAIL => "Contrat de travail",
        PathwayDocumentKind.BULLETINS_SALAIRE => "Bulletins de salaire des 6 mois",
        PathwayDocumentKind.ATTESTATION_EMPLOYEUR => "Attestation de l'employeur",
        _ => kind.ToString(),
    };
}
