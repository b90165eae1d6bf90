using System.Globalization;
using System.Text.RegularExpressions;
using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Tests.CodeLists;

public partial class InactivityBandsTests
{
    [Theory]
    [InlineData(0, InactivityBand.MOINS_1_AN)]
    [InlineData(11, InactivityBand.MOINS_1_AN)]
    [InlineData(12, InactivityBand.DE_1_A_2_ANS)]
    [InlineData(23, InactivityBand.DE_1_A_2_ANS)]
    [InlineData(24, InactivityBand.DE_2_A_3_ANS)]
    [InlineData(35, InactivityBand.DE_2_A_3_ANS)]
    [InlineData(36, InactivityBand.DE_3_A_5_ANS)]
    [InlineData(59, InactivityBand.DE_3_A_5_ANS)]
    [InlineData(60, InactivityBand.PLUS_5_ANS)]
    [InlineData(400, InactivityBand.PLUS_5_ANS)]
    public void FromMonths_MonthsAtBoundary_IsTheDocumentBand(int months, InactivityBand expected)
    {
        // Arrange & Act
        var band = InactivityBands.FromMonths(months);

        // Assert
        Assert.Equal(expected, band);
    }

    [Fact]
    public void FromMonths_NegativeMonths_Throws()
    {
        // Arrange
        const int months = -1;

        // Act & Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => InactivityBands.FromMonths(months));
    }

    [Fact]
    public void FromMonths_EveryMonthTo200_MatchesMeaningColumn()
    {
        // Arrange
        var ranges = new List<(InactivityBand Band, int Min, int Max)>();
        foreach (var band in Enum.GetValues<InactivityBand>().Where(b => b != InactivityBand.AUCUNE_ACTIVITE))
        {
            var meaning = Columns.Of(band, "Meaning");
            var between = Between().Match(meaning);
            var more = OrMore().Match(meaning);
            Assert.True(between.Success || more.Success, $"List DUREE_INACTIVITE: code {band}: unreadable meaning \"{meaning}\".");
            ranges.Add(between.Success
                ? (band, int.Parse(between.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(between.Groups[2].Value, CultureInfo.InvariantCulture))
                : (band, int.Parse(more.Groups[1].Value, CultureInfo.InvariantCulture), int.MaxValue));
        }

        // Act
        var failures = Enumerable.Range(0, 201)
            .Select(m => (Months: m, Expected: ranges.Single(r => r.Min <= m && m <= r.Max).Band, Actual: InactivityBands.FromMonths(m)))
            .Where(x => x.Expected != x.Actual)
            .Select(x => $"List DUREE_INACTIVITE: {x.Months} months gives {x.Actual}, the Meaning column gives {x.Expected}.")
            .ToList();

        // Assert
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [GeneratedRegex(@"^(\d+) to (\d+) months\.$")]
    private static partial Regex Between();

    [GeneratedRegex(@"^(\d+) months or more\.$")]
    private static partial Regex OrMore();
}
