using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Pathways;

/// <summary>
/// A person followed in one or more pathways. The profile holds no identity: names, birth date, NIR and contact
/// details live in <see cref="ParticipantIdentity"/>, linked by id, so that a pseudonymised view needs no copy.
/// </summary>
public class Participant : IVersioned, IPersonalData
{
    public long Id { get; set; }

    /// <summary>The organisation that owns the record .</summary>
    public long OrganisationId { get; set; }

    /// <summary>Local identifier of the producer in exchanged datasets (exchange format §4.1).</summary>
    public string? ExternalId { get; set; }

    public Sex Sex { get; set; }

    public int? BirthYear { get; set; }

    public ParticipantIdentity? Identity { get; set; }

    public List<Pathway> Pathways { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }

    public int Version { get; set; }
}
