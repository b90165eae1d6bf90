using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Offer;

/// <summary>Rules of the Département actions and their monthly reports (exchange format §5.11, §5.12).</summary>
public static class ActionRules
{
    /// <summary>FORFAIT_PAR_PLACE_PRORATA: reference lump sum × funded places ÷ reference places, rounded to the cent.</summary>
    public static decimal ProratedAmount(decimal referenceLumpSum, int fundedPlaces, int referencePlaces) =>
        Math.Round(referenceLumpSum * fundedPlaces / referencePlaces, 2, MidpointRounding.AwayFromZero);

    /// <summary>Figures of one month computed from the steps of the action (§5.12).</summary>
    public sealed record MonthFigures(int AccompaniedLastDay, int Entries, int ExitsEmploiDurable, int ExitsEmploiTransition, int ExitsPositive, int ExitsAutre)
    {
        public int Exits => ExitsEmploiDurable + ExitsEmploiTransition + ExitsPositive + ExitsAutre;
    }

    /// <summary>A step enrolled in an action: its dates and its exit category (null while it runs).</summary>
    public readonly record struct ActionStep(DateOnly Start, DateOnly? End, DepartementExitCategory? Outcome);

    /// <summary>
    /// §5.12 with D the last day of the month: accompanied = steps started on or before D and not ended on or before
    /// D (a person who leaves on day D is no longer accompanied at the end of D); entries = steps started in the
    /// month; exits = steps ended in the month, by outcome (AUTRE when the outcome is unknown).
    /// </summary>
    public static MonthFigures Compute(DateOnly month, IEnumerable<ActionStep> steps)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        int stock = 0, entries = 0, durable = 0, transition = 0, positive = 0, other = 0;
        foreach (var s in steps)
        {
            if (s.Start <= last && (s.End is null || s.End > last)) stock++;
            if (s.Start >= first && s.Start <= last) entries++;
            if (s.End is { } end && end >= first && end <= last)
            {
                switch (s.Outcome)
                {
                    case DepartementExitCategory.EMPLOI_DURABLE: durable++; break;
                    case DepartementExitCategory.EMPLOI_TRANSITION: transition++; break;
                    case DepartementExitCategory.POSITIVE: positive++; break;
                    default: other++; break;
                }
            }
        }
        return new MonthFigures(stock, entries, durable, transition, positive, other);
    }

    /// <summary>STOCK_DISCONTINUITY: this month's stock must be the previous stock plus entries minus all exits.</summary>
    public static bool StockContinues(int previousStock, MonthFigures month) =>
        month.AccompaniedLastDay == previousStock + month.Entries - month.Exits;
}
