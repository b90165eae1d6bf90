namespace Parcours.Domain.CodeLists;

/// <summary>Time without work at entry (codelists.md §2.5).</summary>
public static class InactivityBands
{
    /// <summary>
    /// The <c>DUREE_INACTIVITE</c> band of <c>inactivity_months</c> (codelists.md §2.5): 0-11, 12-23,
    /// 24-35, 36-59 months, 60 or more. <c>AUCUNE_ACTIVITE</c> (never worked) is never derived from months.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative months.</exception>
    public static InactivityBand FromMonths(int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        return months switch
        {
            <= 11 => InactivityBand.MOINS_1_AN,
            <= 23 => InactivityBand.DE_1_A_2_ANS,
            <= 35 => InactivityBand.DE_2_A_3_ANS,
            <= 59 => InactivityBand.DE_3_A_5_ANS,
            _ => InactivityBand.PLUS_5_ANS,
        };
    }
}
