using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Access;

/// <summary>
/// An organisation: a PLIE, a Département, an operator, an employer… Organisations that run a programme
/// own the personal data of their pathways.
/// </summary>
public class Organisation : IVersioned
{
    public long Id { get; set; }

    /// <summary>Short unique code, also the producer code of exchanged datasets (exchange format §2.3).</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public OrganisationKind Kind { get; set; }

    public string? Siret { get; set; }

    public string? CommuneInsee { get; set; }

    public string? Departement { get; set; }

    /// <summary>Registration number of an association (RNA, «W» and 9 digits).</summary>
    public string? Rna { get; set; }

    /// <summary>Code in a national register, for instance the national PLIE network's code of a PLIE.</summary>
    public string? NationalCode { get; set; }

    public long? ParentOrganisationId { get; set; }

    /// <summary>The FSE intermediate body that manages this organisation's FSE operations (kind OI, OI_PIVOT or DEPARTEMENT).</summary>
    public long? IntermediateBodyId { get; set; }

    public DateOnly? ActiveFrom { get; set; }

    public DateOnly? ActiveTo { get; set; }

    /// <summary>Maximum pathway length in months; null means no limit, the national default.</summary>
    public int? MaxPathwayMonths { get; set; }

    /// <summary>Target file active per référent FTE (R-110, default 70).</summary>
    public int CaseloadNorm { get; set; } = 70;

    public int Version { get; set; }
}
