namespace Parcours.Core.ReferenceData;

/// <summary>A French public holiday (jour férié).</summary>
/// <param name="Date">The day.</param>
/// <param name="Name">French name, as in @socialgouv/jours-feries (e.g. "Lundi de Pâques").</param>
public sealed record PublicHoliday(DateOnly Date, string Name);

/// <summary>
/// French public holidays by year.
/// The npm package <c>@socialgouv/jours-feries</c> ships code only (no data file), so this
/// class computes the same list the same way: fixed dates plus the Easter-based ones (Easter
/// Monday, Ascension = Easter + 39 days, Whit Monday = Easter + 50 days), Easter being computed
/// with the anonymous Gregorian algorithm (Meeus/Jones/Butcher) that the package ports.
/// (The package's JavaScript port truncates one division differently, which moves Easter in
/// some years outside 1900–2099, e.g. 1805; over 1900–2099 both give the same dates. This
/// class follows the published algorithm.)
/// Alsace-Moselle adds Good Friday and St Stephen's Day.
/// </summary>
public static class PublicHolidays
{
    /// <summary>Years the Gregorian Easter computation covers.</summary>
    public const int MinYear = 1583;
    public const int MaxYear = 9999;

    /// <summary>The public holidays of <paramref name="year"/>, sorted by date.</summary>
    /// <param name="year">The year.</param>
    /// <param name="alsaceMoselle">Include the two extra days of Bas-Rhin, Haut-Rhin and Moselle.</param>
    public static IReadOnlyList<PublicHoliday> ForYear(int year, bool alsaceMoselle = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        var easter = EasterSunday(year);
        var holidays = new List<PublicHoliday>(13)
        {
            new(new DateOnly(year, 1, 1), "Jour de l'an"),
            new(new DateOnly(year, 5, 1), "Fête du travail"),
            new(new DateOnly(year, 5, 8), "Victoire des alliés"),
            new(new DateOnly(year, 7, 14), "Fête Nationale"),
            new(new DateOnly(year, 8, 15), "Assomption"),
            new(new DateOnly(year, 11, 1), "Toussaint"),
            new(new DateOnly(year, 11, 11), "Armistice"),
            new(new DateOnly(year, 12, 25), "Noël"),
            new(easter.AddDays(1), "Lundi de Pâques"),
            new(easter.AddDays(39), "Ascension"),
            new(easter.AddDays(50), "Lundi de Pentecôte"),
        };
        if (alsaceMoselle)
        {
            holidays.Add(new(easter.AddDays(-2), "Vendredi Saint"));
            holidays.Add(new(new DateOnly(year, 12, 26), "Saint Étienne"));
        }

        holidays.Sort((a, b) => a.Date.CompareTo(b.Date));
        return holidays;
    }

    /// <summary>Whether <paramref name="date"/> is a public holiday.</summary>
    public static bool IsPublicHoliday(DateOnly date, bool alsaceMoselle = false) =>
        ForYear(date.Year, alsaceMoselle).Any(h => h.Date == date);

    /// <summary>Easter Sunday of a Gregorian year (anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
