using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Fse;

/// <summary>Rules of the programming lines and their financings (exchange format §5.9, §5.10).</summary>
public static class ProgrammingRules
{
    /// <summary>
    /// Statuses «VOTEE or later» whose mobilised financings must add up to the total cost (FINANCING_UNBALANCED).
    /// An abandoned line is not checked: its financings are no longer expected to balance.
    /// </summary>
    public static bool MustBalance(ProgrammingLineStatus status) =>
        status >= ProgrammingLineStatus.VOTEE && status != ProgrammingLineStatus.ABANDONNEE;

    /// <summary>True when the mobilised financings differ from the total cost by more than one cent.</summary>
    public static bool IsUnbalanced(decimal totalCost, decimal mobilisedFinancings) => Math.Abs(totalCost - mobilisedFinancings) > 0.01m;

    /// <summary>The ESF is always a direct financing (§5.10).</summary>
    public static bool NatureAllowed(FunderKind kind, FinancingNature nature) => kind != FunderKind.FSE || nature == FinancingNature.DIRECT;

    /// <summary>
    /// FSE_THRESHOLD: a line whose ESF amount is below <paramref name="minimumFse"/> or whose ESF share of the total
    /// cost is above <paramref name="maximumShare"/> (0 to 1). Thresholds left null are not checked.
    /// </summary>
    public static bool OutsideFseThresholds(decimal totalCost, decimal fseAmount, decimal? minimumFse, decimal? maximumShare) =>
        fseAmount > 0 && ((minimumFse is { } min && fseAmount < min) || (maximumShare is { } max && totalCost > 0 && fseAmount / totalCost > max));
}
