using Parcours.Domain.Common;

namespace Parcours.Domain.Tests.Common;

/// <summary>Month arithmetic of R-002.</summary>
public class CalendarMonthsTests
{
    [Theory]
    [InlineData("2025-08-31", 6, "2026-02-28")]
    [InlineData("2023-08-31", 6, "2024-02-29")]
    [InlineData("2025-01-31", 1, "2025-02-28")]
    [InlineData("2025-03-31", 1, "2025-04-30")]
    [InlineData("2025-03-15", 6, "2025-09-15")]
    [InlineData("2025-11-30", 3, "2026-02-28")]
    [InlineData("2024-02-29", 12, "2025-02-28")]
    [InlineData("2025-05-31", 0, "2025-05-31")]
    public void Plus_Months_KeepsTheDayOrFallsBackToTheLastDayOfTheMonth(string date, int months, string expected)
    {
        // Act
        var result = CalendarMonths.Plus(DateOnly.Parse(date), months);

        // Assert
        Assert.Equal(DateOnly.Parse(expected), result);
    }

    [Theory]
    [InlineData("2026-02-27", false)]
    [InlineData("2026-02-28", true)]
    [InlineData("2026-03-01", true)]
    public void IsReached_AfterSixMonths_ReachedOnStartPlusSixMonths(string today, bool expected)
    {
        // Act
        var reached = CalendarMonths.IsReached(new DateOnly(2025, 8, 31), 6, DateOnly.Parse(today));

        // Assert
        Assert.Equal(expected, reached);
    }

    [Theory]
    [InlineData("2025-09-14", false)]
    [InlineData("2025-09-15", false)]
    [InlineData("2025-09-16", true)]
    public void IsMoreThan_SixMonths_OnlyStrictlyAfterStartPlusSixMonths(string today, bool expected)
    {
        // Act
        var more = CalendarMonths.IsMoreThan(new DateOnly(2025, 3, 15), 6, DateOnly.Parse(today));

        // Assert
        Assert.Equal(expected, more);
    }

    [Theory]
    [InlineData("2025-01-01", "2025-01-01", 0.0)]
    [InlineData("2025-01-01", "2025-01-31", 0.99)]
    [InlineData("2024-01-01", "2025-01-01", 12.02)]
    [InlineData("2025-01-01", "2026-01-01", 11.99)]
    [InlineData("2025-01-01", "2029-01-01", 48.0)]
    public void StatisticalMonths_Days_DividedBy30Point4375(string start, string end, double expected)
    {
        // Act
        var months = CalendarMonths.StatisticalMonths(DateOnly.Parse(start), DateOnly.Parse(end));

        // Assert
        Assert.Equal(expected, Math.Round(months, 2, MidpointRounding.AwayFromZero));
    }

    [Theory]
    [InlineData("2025-01-15", "2025-01-14", 0)]
    [InlineData("2025-01-15", "2025-02-14", 0)]
    [InlineData("2025-01-15", "2025-02-15", 1)]
    [InlineData("2025-01-31", "2025-02-28", 1)]
    [InlineData("2025-01-31", "2025-03-30", 1)]
    [InlineData("2025-01-31", "2025-03-31", 2)]
    [InlineData("2025-08-31", "2026-02-28", 6)]
    [InlineData("2025-08-31", "2026-02-27", 5)]
    [InlineData("2020-06-10", "2025-06-10", 60)]
    public void WholeMonths_StartToDate_CompletedCalendarMonths(string start, string date, int expected)
    {
        // Act
        var months = CalendarMonths.WholeMonths(DateOnly.Parse(start), DateOnly.Parse(date));

        // Assert
        Assert.Equal(expected, months);
    }
}
