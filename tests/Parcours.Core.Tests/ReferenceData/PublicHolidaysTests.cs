using Parcours.Core.ReferenceData;

namespace Parcours.Core.Tests.ReferenceData;

public class PublicHolidaysTests
{
    [Fact]
    public void Easter_monday_2026_is_april_6()
    {
        var holidays = PublicHolidays.ForYear(2026);

        Assert.Contains(new PublicHoliday(new DateOnly(2026, 4, 6), "Lundi de Pâques"), holidays);
        Assert.True(PublicHolidays.IsPublicHoliday(new DateOnly(2026, 4, 6)));
    }

    [Fact]
    public void Metropolitan_year_has_eleven_holidays_sorted_by_date()
    {
        var holidays = PublicHolidays.ForYear(2026);

        Assert.Equal(11, holidays.Count);
        Assert.Equal(holidays.OrderBy(h => h.Date).ToList(), holidays);
        Assert.Contains(holidays, h => h.Date == new DateOnly(2026, 5, 14) && h.Name == "Ascension");
        Assert.Contains(holidays, h => h.Date == new DateOnly(2026, 5, 25) && h.Name == "Lundi de Pentecôte");
        Assert.DoesNotContain(holidays, h => h.Name == "Vendredi Saint");
    }

    [Fact]
    public void Alsace_moselle_adds_good_friday_and_st_stephen()
    {
        var holidays = PublicHolidays.ForYear(2026, alsaceMoselle: true);

        Assert.Equal(13, holidays.Count);
        Assert.Contains(new PublicHoliday(new DateOnly(2026, 4, 3), "Vendredi Saint"), holidays);
        Assert.Contains(new PublicHoliday(new DateOnly(2026, 12, 26), "Saint Étienne"), holidays);
    }

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_sunday_matches_known_dates(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), PublicHolidays.EasterSunday(year));
}
