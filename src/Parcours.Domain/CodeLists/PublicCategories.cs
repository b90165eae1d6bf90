namespace Parcours.Domain.CodeLists;

/// <summary>Public category at entry (codelists.md §2.3).</summary>
public static class PublicCategories
{
    /// <summary>
    /// The exclusive <c>CATEGORIE_PUBLIC</c> of an entered pathway, with the Parcours-default precedence
    /// of codelists.md §2.3: RSA if the person receives the RSA at entry, otherwise DELD if they have
    /// been a jobseeker for 12 months or more, otherwise AUTRE.
    /// </summary>
    public static PublicCategory Derive(bool rsaAtEntry, bool jobseeker12MonthsOrMore) =>
        rsaAtEntry ? PublicCategory.RSA
        : jobseeker12MonthsOrMore ? PublicCategory.DELD
        : PublicCategory.AUTRE;
}
