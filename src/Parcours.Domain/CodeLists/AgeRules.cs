namespace Parcours.Domain.CodeLists;

/// <summary>Age classes, bands and categories (codelists.md §2.2 and §0.7).</summary>
public static class AgeRules
{
    /// <summary>
    /// Age in completed years on a reference date (codelists.md §0.7). A person born on 29 February
    /// completes a year on 1 March in non-leap years.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The reference date is before the birth date.</exception>
    public static int AgeAt(DateOnly birthDate, DateOnly on)
    {
        if (on < birthDate)
        {
            throw new ArgumentOutOfRangeException(nameof(on), on, "The reference date is before the birth date.");
        }

        var age = on.Year - birthDate.Year;
        if (on.Month < birthDate.Month || (on.Month == birthDate.Month && on.Day < birthDate.Day))
        {
            age--;
        }

        return age;
    }

    /// <summary><c>CLASSE_AGE_26</c> (codelists.md §2.2): MOINS_26 under 26, otherwise PLUS_26.</summary>
    public static AgeClass26 Class26(int age)
    {
        ThrowIfNegative(age);
        return age < 26 ? AgeClass26.MOINS_26 : AgeClass26.PLUS_26;
    }

    /// <summary>
    /// <c>TRANCHE_AGE</c> (codelists.md §2.2): the five bands 15-24, 25-44, 45-54, 55-64, 65+;
    /// null under 15 (counted in the unknown row).
    /// </summary>
    public static AgeBand? Band(int age)
    {
        ThrowIfNegative(age);
        return age switch
        {
            < 15 => null,
            <= 24 => AgeBand.AGE_15_24,
            <= 44 => AgeBand.AGE_25_44,
            <= 54 => AgeBand.AGE_45_54,
            <= 64 => AgeBand.AGE_55_64,
            _ => AgeBand.AGE_65_PLUS,
        };
    }

    /// <summary>
    /// The non-exclusive <c>CATEGORIE_AGE</c> categories of an age (codelists.md §2.2, column
    /// "Rule (age at entry)"), in document order.
    /// </summary>
    public static IReadOnlyList<AgeCategory> Categories(int age)
    {
        ThrowIfNegative(age);
        var categories = new List<AgeCategory>(4);
        if (age < 26)
        {
            categories.Add(AgeCategory.JEUNE);
        }

        if (age >= 45)
        {
            categories.Add(AgeCategory.SENIOR);
        }

        if (age >= 50)
        {
            categories.Add(AgeCategory.SENIOR_50);
        }

        if (age >= 55)
        {
            categories.Add(AgeCategory.AGE_55_PLUS);
        }

        if (age < 25)
        {
            categories.Add(AgeCategory.MOINS_25);
        }

        if (age < 18)
        {
            categories.Add(AgeCategory.MOINS_18);
        }

        if (age is >= 18 and <= 29)
        {
            categories.Add(AgeCategory.AGE_18_29);
        }

        return categories.AsReadOnly();
    }

    private static void ThrowIfNegative(int age) => ArgumentOutOfRangeException.ThrowIfNegative(age);
}
