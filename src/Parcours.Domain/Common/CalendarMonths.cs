namespace Parcours.Domain.Common;

/// <summary>Month arithmetic of rule R-002 («Dates, months and durations»).</summary>
public static class CalendarMonths
{
    /// <summary>
    /// D + n months keeps the day number, or falls back to the last day of the month (31 August + 6 months = 28 or 29 February).
    /// <see cref="DateOnly.AddMonths"/> already behaves that way; this name states the rule.
    /// </summary>
    public static DateOnly Plus(DateOnly date, int months) => date.AddMonths(months);

    /// <summary>"After N months" (au terme de N mois) is reached on D + N months.</summary>
    public static bool IsReached(DateOnly start, int months, DateOnly today) => today >= Plus(start, months);

    /// <summary>"More than N months" is true strictly after D + N months.</summary>
    public static bool IsMoreThan(DateOnly start, int months, DateOnly today) => today > Plus(start, months);

    /// <summary>Statistical duration in months: days ÷ 30.4375 (= days × 12 ÷ 365.25), R-002.</summary>
    public static double StatisticalMonths(DateOnly start, DateOnly end) => (end.DayNumber - start.DayNumber) / 30.4375;

    /// <summary>Whole calendar months elapsed from start to date (0 when the date is before start + 1 month).</summary>
    public static int WholeMonths(DateOnly start, DateOnly date)
    {
        if (date < start) return 0;
        var months = (date.Year - start.Year) * 12 + date.Month - start.Month;
        if (Plus(start, months) > date) months--;
        return Math.Max(0, months);
    }
}
