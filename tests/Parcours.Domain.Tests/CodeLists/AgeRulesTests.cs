using System.Text.RegularExpressions;
using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Tests.CodeLists;

public partial class AgeRulesTests
{
    [Theory]
    [InlineData("2000-03-15", "2026-03-14", 25)]
    [InlineData("2000-03-15", "2026-03-15", 26)]
    [InlineData("2000-03-15", "2000-03-15", 0)]
    [InlineData("1999-12-31", "2025-01-01", 25)]
    [InlineData("2004-02-29", "2030-02-28", 25)]
    [InlineData("2004-02-29", "2030-03-01", 26)]
    [InlineData("2004-02-29", "2032-02-29", 28)]
    public void AgeAt_BirthDateAndReferenceDate_IsCompletedYears(string birth, string on, int expected)
    {
        // Arrange
        var birthDate = DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture);
        var reference = DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture);

        // Act
        var age = AgeRules.AgeAt(birthDate, reference);

        // Assert
        Assert.Equal(expected, age);
    }

    [Fact]
    public void AgeAt_ReferenceBeforeBirth_Throws()
    {
        // Arrange
        var birthDate = new DateOnly(2000, 3, 15);

        // Act & Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => AgeRules.AgeAt(birthDate, new DateOnly(2000, 3, 14)));
    }

    [Fact]
    public void Class26_DayBefore26thBirthday_IsMoins26()
    {
        // Arrange
        var age = AgeRules.AgeAt(new DateOnly(2000, 3, 15), new DateOnly(2026, 3, 14));

        // Act
        var ageClass = AgeRules.Class26(age);

        // Assert
        Assert.Equal(AgeClass26.MOINS_26, ageClass);
    }

    [Fact]
    public void Class26_On26thBirthday_IsPlus26()
    {
        // Arrange
        var age = AgeRules.AgeAt(new DateOnly(2000, 3, 15), new DateOnly(2026, 3, 15));

        // Act
        var ageClass = AgeRules.Class26(age);

        // Assert
        Assert.Equal(AgeClass26.PLUS_26, ageClass);
    }

    [Theory]
    [InlineData(0, AgeClass26.MOINS_26)]
    [InlineData(25, AgeClass26.MOINS_26)]
    [InlineData(26, AgeClass26.PLUS_26)]
    [InlineData(90, AgeClass26.PLUS_26)]
    public void Class26_Age_SplitsAt26(int age, AgeClass26 expected)
    {
        // Arrange & Act
        var ageClass = AgeRules.Class26(age);

        // Assert
        Assert.Equal(expected, ageClass);
    }

    [Theory]
    [InlineData(14, null)]
    [InlineData(15, AgeBand.AGE_15_24)]
    [InlineData(24, AgeBand.AGE_15_24)]
    [InlineData(25, AgeBand.AGE_25_44)]
    [InlineData(44, AgeBand.AGE_25_44)]
    [InlineData(45, AgeBand.AGE_45_54)]
    [InlineData(54, AgeBand.AGE_45_54)]
    [InlineData(55, AgeBand.AGE_55_64)]
    [InlineData(64, AgeBand.AGE_55_64)]
    [InlineData(65, AgeBand.AGE_65_PLUS)]
    public void Band_AgeAtBoundary_IsTheDocumentBand(int age, AgeBand? expected)
    {
        // Arrange & Act
        var band = AgeRules.Band(age);

        // Assert
        Assert.Equal(expected, band);
    }

    [Fact]
    public void Band_EveryAgeTo120_MatchesMeaningColumn()
    {
        // Arrange
        var ranges = Enum.GetValues<AgeBand>().Select(b => (Band: b, Range: ParseRange(Columns.Of(b, "Meaning")))).ToList();

        // Act
        var failures = Enumerable.Range(0, 121)
            .Select(age => (Age: age, Expected: ranges.Where(r => r.Range.Min <= age && age <= r.Range.Max).Select(r => (AgeBand?)r.Band).SingleOrDefault(), Actual: AgeRules.Band(age)))
            .Where(x => x.Expected != x.Actual)
            .Select(x => $"List TRANCHE_AGE: age {x.Age} gives {x.Actual}, the Meaning column gives {x.Expected}.")
            .ToList();

        // Assert
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Categories_EveryAgeTo120_MatchesRuleColumn()
    {
        // Arrange
        var rules = Enum.GetValues<AgeCategory>().Select(c => (Category: c, Rule: ParseRule(Columns.Of(c, "Rule (age at entry)")))).ToList();

        // Act
        var failures = new List<string>();
        for (var age = 0; age <= 120; age++)
        {
            var expected = rules.Where(r => r.Rule(age)).Select(r => r.Category).ToList();
            var actual = AgeRules.Categories(age);
            if (!actual.SequenceEqual(expected))
            {
                failures.Add($"List CATEGORIE_AGE: age {age} gives [{string.Join(", ", actual)}], the Rule column gives [{string.Join(", ", expected)}].");
            }
        }

        // Assert
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Categories_Age25_IsJeuneAnd18To29()
    {
        // Arrange & Act
        var categories = AgeRules.Categories(25);

        // Assert
        Assert.Equal([AgeCategory.JEUNE, AgeCategory.AGE_18_29], categories);
    }

    private static (int Min, int Max) ParseRange(string meaning)
    {
        var between = Between().Match(meaning);
        if (between.Success)
        {
            return (int.Parse(between.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(between.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        var over = OrOver().Match(meaning);
        Assert.True(over.Success, $"Unreadable age band meaning \"{meaning}\".");
        return (int.Parse(over.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.MaxValue);
    }

    private static Func<int, bool> ParseRule(string rule)
    {
        var comparison = Comparison().Match(rule);
        if (comparison.Success)
        {
            var bound = int.Parse(comparison.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            return comparison.Groups[1].Value == "<" ? age => age < bound : age => age >= bound;
        }

        var range = Range().Match(rule);
        Assert.True(range.Success, $"Unreadable age rule \"{rule}\".");
        var min = int.Parse(range.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var max = int.Parse(range.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        return age => min <= age && age <= max;
    }

    [GeneratedRegex(@"^(\d+) to (\d+) ")]
    private static partial Regex Between();

    [GeneratedRegex(@"^(\d+) or over ")]
    private static partial Regex OrOver();

    [GeneratedRegex(@"^age (<|≥) (\d+)$")]
    private static partial Regex Comparison();

    [GeneratedRegex(@"^(\d+) ≤ age ≤ (\d+)$")]
    private static partial Regex Range();
}
