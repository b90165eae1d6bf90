using System.Globalization;
using System.Text;
using Parcours.Domain.Access;

namespace Parcours.Domain.Pathways;

/// <summary>Identity and contact data of a participant, kept apart from the profile. Every field is *identity*.</summary>
public class ParticipantIdentity : IVersioned, IPersonalData
{
    /// <summary>Same value as the participant's id.</summary>
    public long Id { get; set; }

    public long OrganisationId { get; set; }

    public Participant? Participant { get; set; }

    public required string LastName { get; set; }

    public string? BirthName { get; set; }

    public required string FirstName { get; set; }

    public DateOnly? BirthDate { get; set; }

    public string? Nir { get; set; }

    public string? FranceTravailId { get; set; }

    public string? CafNumber { get; set; }

    public string? AddressLine { get; set; }

    public string? PostalCode { get; set; }

    public string? CommuneInsee { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>Upper-case name without accents, «NOM PRENOM», for searching.</summary>
    public string SearchName { get; set; } = "";

    public int Version { get; set; }

    public void RefreshSearchName() => SearchName = Normalise($"{LastName} {FirstName}");

    /// <summary>Upper case, accents removed, spaces collapsed: «Lefèvre-Dubois  Zoé» → «LEFEVRE-DUBOIS ZOE».</summary>
    public static string Normalise(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c))
            {
                if (!lastSpace) sb.Append(' ');
                lastSpace = true;
                continue;
            }
            lastSpace = false;
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }
}
