using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Pathways;

/// <summary>
/// The RSA orientation of a recipient followed by a Département (W-07, R-502 to R-505): rights opening, orientation
/// (type and organisation). The référent unique is the pathway's référent; the contract is the pathway's CER or
/// contrat d'engagement.
/// </summary>
public class RsaOrientation : IVersioned, IPersonalData
{
    public long Id { get; set; }
    public long PathwayId { get; set; }
    public DateOnly RightsOpenedOn { get; set; }
    public DateOnly? OrientedOn { get; set; }
    public RsaOrientationType? OrientationType { get; set; }
    public string? OrganisationName { get; set; }
    public int Version { get; set; }
}

/// <summary>The delays of the 2024 decree: to orient after the rights open, to sign after the orientation.</summary>
public static class RsaDelays
{
    public static DateOnly OrientationDeadline(DateOnly rightsOpenedOn, PathwayPolicy policy) => rightsOpenedOn.AddDays(7 * policy.RsaOrientationWeeks);

    public static DateOnly ContractDeadline(DateOnly orientedOn, PathwayPolicy policy) => orientedOn.AddDays(7 * policy.RsaContractWeeks);

    /// <summary>What is overdue today, in French; empty when the file is on time. The deadline day itself is still on time.</summary>
    public static IReadOnlyList<string> Overdue(RsaOrientation o, DateOnly? contractSignedOn, PathwayPolicy policy, DateOnly today)
    {
        var late = new List<string>();
        if (o.OrientedOn is null)
        {
            var deadline = OrientationDeadline(o.RightsOpenedOn, policy);
            if (today > deadline) late.Add($"Orientation en retard : à faire au plus tard le {deadline:dd/MM/yyyy} ({policy.RsaOrientationWeeks} semaines après l'ouverture des droits).");
        }
        else if (contractSignedOn is null)
        {
            var deadline = ContractDeadline(o.OrientedOn.Value, policy);
            if (today > deadline) late.Add($"Contrat en retard : à signer au plus tard le {deadline:dd/MM/yyyy} ({policy.RsaContractWeeks} semaines après l'orientation).");
        }
        return late;
    }

    public static Common.ValidationResult Check(DateOnly rightsOpenedOn, DateOnly? orientedOn, RsaOrientationType? type, DateOnly today)
    {
        var result = new Common.ValidationResult();
        if (rightsOpenedOn > today) result.Add("RightsOpenedOn", "La date d'ouverture des droits ne peut pas être dans le futur.");
        if (orientedOn is { } o && o < rightsOpenedOn) result.Add("OrientedOn", "L'orientation précède l'ouverture des droits.");
        if (orientedOn is { } o2 && o2 > today) result.Add("OrientedOn", "La date d'orientation ne peut pas être dans le futur.");
        if (orientedOn is not null && type is null) result.Add("OrientationType", "Le type d'orientation (sociale, professionnelle ou socio-professionnelle) est obligatoire.");
        return result;
    }
}
