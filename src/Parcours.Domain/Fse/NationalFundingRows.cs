using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Fse;

/// <summary>ESF axis of a funding line in national Tables 6 and 6BIS (codelists.md §10.2, last paragraph).</summary>
public enum FundingAxis
{
    /// <summary>Inclusion axis (axis 3 of the 2014-2020 programme, and the ESF+ inclusion priority).</summary>
    INCLUSION = 1,

    /// <summary>Technical-assistance axis (axis 4).</summary>
    ASSISTANCE_TECHNIQUE,
}

/// <summary>Leaf rows of national Tables 6 and 6BIS («Financements mobilisés», reports.md RPT-06).</summary>
public enum FundingRow
{
    INCLUSION_COLLECTIVITES_LOCALES = 1,
    INCLUSION_DEPARTEMENT,
    INCLUSION_REGION,
    INCLUSION_ETAT,
    INCLUSION_AUTRES_PUBLICS,
    INCLUSION_AUTRES_PRIVES,
    INCLUSION_FSE,
    AT_COLLECTIVITES_LOCALES,
    AT_FSE,

    /// <summary>Other funders of the technical-assistance axis: not a row of the published table, kept so that the axis adds up.</summary>
    AT_AUTRES,
    NON_MOBILISE_PRIVES,
    NON_MOBILISE_AUTRES,
}

/// <summary>Rows of national Table 7 («Financements alloués», reports.md RPT-07), SIAE block first.</summary>
public enum AllocationRow
{
    SIAE_ACI = 1,
    SIAE_EI,
    SIAE_ETTI,
    SIAE_AI,
    SIAE_RQ,
    SIAE_EITI,
    SIAE_GEIQ,
    FRANCE_TRAVAIL,
    MISSION_LOCALE,
    ORGANISME_FORMATION,
    MAISON_EMPLOI,

    /// <summary>Local employment committee (CBE): TYPE_ORGANISATION has no kind for it, so the row stays at 0.</summary>
    CBE,
    CLUB_ENTREPRISES_FONDATION,
    OPERATION_INTERNE,
    ASSOCIATION_INSERTION_EMPLOI,
    CCAS_CIAS,
    COLLECTIVITE_LOCALE,
    AUTRE_PARTENAIRE,
}

/// <summary>
/// Mapping of the programming lines and their financings to the rows of national Tables 6, 6BIS and 7 (reports.md
/// RPT-06, RPT-07; rules ). Each mapping has this one definition; the reports apply it to grouped query
/// results.
/// </summary>
public static class NationalFundingRows
{
    /// <summary>
    /// A line counts in the funding tables from its vote on (R-407: drafts and lines «to be voted» never count);
    /// an abandoned line is out, and so is a line merged into another one (its amounts are in that line).
    /// </summary>
    public static bool IsRetained(ProgrammingLineStatus status) =>
        status >= ProgrammingLineStatus.VOTEE && status is not (ProgrammingLineStatus.ABANDONNEE or ProgrammingLineStatus.INTEGREE);

    /// <summary>The axis of a line: technical assistance for AXE4_AT, inclusion otherwise (a line without specific objective included).</summary>
    public static FundingAxis Axis(FseSpecificObjective? objective) =>
        objective == FseSpecificObjective.AXE4_AT ? FundingAxis.ASSISTANCE_TECHNIQUE : FundingAxis.INCLUSION;

    /// <summary>
    /// A public body for the own funds of its operations (codelists.md §10.2, AUTOFINANCEMENT): the kinds of category
    /// PUBLIC of TYPE_ORGANISATION, and France Travail (a public institution).
    /// </summary>
    public static bool IsPublicBody(OrganisationKind kind) =>
        kind == OrganisationKind.FRANCE_TRAVAIL
        || CodeListRegistry.Attribute("TYPE_ORGANISATION", CodeListRegistry.Code(kind), "Category") == "PUBLIC";

    /// <summary>The funder kind a line is published under: own funds go to other public or other private funds by the operator.</summary>
    public static FunderKind PublishedKind(FunderKind kind, OrganisationKind operatorKind) =>
        kind != FunderKind.AUTOFINANCEMENT ? kind
        : IsPublicBody(operatorKind) ? FunderKind.AUTRE_PUBLIC : FunderKind.AUTRE_PRIVE;

    /// <summary>The leaf row of Table 6 of a financing line.</summary>
    public static FundingRow Row(FunderKind kind, FundingAxis axis, bool mobilised, OrganisationKind operatorKind)
    {
        var published = PublishedKind(kind, operatorKind);
        if (!mobilised) return published == FunderKind.AUTRE_PRIVE ? FundingRow.NON_MOBILISE_PRIVES : FundingRow.NON_MOBILISE_AUTRES;
        if (axis == FundingAxis.ASSISTANCE_TECHNIQUE)
            return published switch
            {
                FunderKind.COMMUNE_EPCI => FundingRow.AT_COLLECTIVITES_LOCALES,
                FunderKind.FSE => FundingRow.AT_FSE,
                _ => FundingRow.AT_AUTRES,
            };
        return published switch
        {
            FunderKind.COMMUNE_EPCI => FundingRow.INCLUSION_COLLECTIVITES_LOCALES,
            FunderKind.CONSEIL_DEPARTEMENTAL => FundingRow.INCLUSION_DEPARTEMENT,
            FunderKind.CONSEIL_REGIONAL => FundingRow.INCLUSION_REGION,
            FunderKind.ETAT => FundingRow.INCLUSION_ETAT,
            FunderKind.FSE => FundingRow.INCLUSION_FSE,
            FunderKind.AUTRE_PUBLIC => FundingRow.INCLUSION_AUTRES_PUBLICS,
            _ => FundingRow.INCLUSION_AUTRES_PRIVES,
        };
    }

    /// <summary>The subtotal of Table 6 a leaf row belongs to.</summary>
    public static string Subtotal(FundingRow row) => row switch
    {
        FundingRow.NON_MOBILISE_PRIVES or FundingRow.NON_MOBILISE_AUTRES => "SOUS_TOTAL_NON_MOBILISE",
        FundingRow.AT_COLLECTIVITES_LOCALES or FundingRow.AT_FSE or FundingRow.AT_AUTRES => "AXE_ASSISTANCE_TECHNIQUE",
        _ => "AXE_INCLUSION",
    };

    /// <summary>
    /// The row of Table 7 of a line, from its operator. An internal operation (procurement mode OPERATION_INTERNE,
    /// or a line run by the programme itself or its host structure) counts in OPERATION_INTERNE whatever the kind.
    /// </summary>
    public static AllocationRow AllocationRowOf(OrganisationKind operatorKind, bool internalOperation) =>
        internalOperation ? AllocationRow.OPERATION_INTERNE : operatorKind switch
        {
            OrganisationKind.ACI => AllocationRow.SIAE_ACI,
            OrganisationKind.EI => AllocationRow.SIAE_EI,
            OrganisationKind.ETTI => AllocationRow.SIAE_ETTI,
            OrganisationKind.AI => AllocationRow.SIAE_AI,
            OrganisationKind.EITI => AllocationRow.SIAE_EITI,
            OrganisationKind.RQ => AllocationRow.SIAE_RQ,
            OrganisationKind.GEIQ => AllocationRow.SIAE_GEIQ,
            OrganisationKind.FRANCE_TRAVAIL => AllocationRow.FRANCE_TRAVAIL,
            OrganisationKind.MISSION_LOCALE => AllocationRow.MISSION_LOCALE,
            OrganisationKind.ORGANISME_FORMATION => AllocationRow.ORGANISME_FORMATION,
            OrganisationKind.MAISON_EMPLOI => AllocationRow.MAISON_EMPLOI,
            OrganisationKind.ENTREPRISE => AllocationRow.CLUB_ENTREPRISES_FONDATION,
            OrganisationKind.PLIE => AllocationRow.OPERATION_INTERNE,
            OrganisationKind.CAP_EMPLOI or OrganisationKind.EA or OrganisationKind.ESAT => AllocationRow.ASSOCIATION_INSERTION_EMPLOI,
            OrganisationKind.CCAS => AllocationRow.CCAS_CIAS,
            OrganisationKind.COLLECTIVITE or OrganisationKind.DEPARTEMENT or OrganisationKind.REGION => AllocationRow.COLLECTIVITE_LOCALE,
            _ => AllocationRow.AUTRE_PARTENAIRE,
        };

    /// <summary>The rows of the «Total SIAE» block of Table 7 (régies de quartier and GEIQ included, as in the national table).</summary>
    public static bool IsSiae(AllocationRow row) => row <= AllocationRow.SIAE_GEIQ;
}
