using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Tests.CodeLists;

public class PrescriberKindsTests
{
    [Fact]
    public void FeedCode_EveryKind_MatchesNationalFeedColumn() =>
        Columns.AssertForEvery<PrescriberKind>(kind =>
        {
            var expected = Columns.LeadingCode<PrescriberKind>(Columns.Of(kind, "Written in the national feed as"));
            var actual = PrescriberKinds.FeedCode(kind);
            return actual == expected ? null : $"FeedCode() gives {actual}, column says {expected}.";
        });

    [Fact]
    public void IsSensitive_EveryKind_MatchesSensitiveMarkInMeaning() =>
        Columns.AssertForEvery<PrescriberKind>(kind =>
        {
            var expected = Columns.Of(kind, "Meaning").Contains("Sensitive", StringComparison.Ordinal);
            var actual = PrescriberKinds.IsSensitive(kind);
            return actual == expected ? null : $"IsSensitive() gives {actual}.";
        });

    [Theory]
    [InlineData(PrescriberKind.JUSTICE, PrescriberKind.AUTRE)]
    [InlineData(PrescriberKind.SANTE_HANDICAP, PrescriberKind.AUTRE)]
    [InlineData(PrescriberKind.FRANCE_TRAVAIL, PrescriberKind.FRANCE_TRAVAIL)]
    public void FeedCode_Kind_HidesSensitiveKinds(PrescriberKind kind, PrescriberKind expected)
    {
        // Arrange & Act
        var feed = PrescriberKinds.FeedCode(kind);

        // Assert
        Assert.Equal(expected, feed);
    }
}

public class PrescriberGroupTests
{
    [Theory]
    [InlineData(PrescriberKind.FRANCE_TRAVAIL, PrescriberGroup.FRANCE_TRAVAIL)]
    [InlineData(PrescriberKind.DEPARTEMENT, PrescriberGroup.DEPARTEMENT)]
    [InlineData(PrescriberKind.MISSION_LOCALE, PrescriberGroup.AUTRES)]
    [InlineData(PrescriberKind.CAP_EMPLOI, PrescriberGroup.AUTRES)]
    [InlineData(PrescriberKind.CCAS, PrescriberGroup.AUTRES)]
    [InlineData(PrescriberKind.JUSTICE, PrescriberGroup.AUTRES)]
    [InlineData(PrescriberKind.CANDIDATURE_SPONTANEE, PrescriberGroup.AUTRES)]
    public void LetterGroup_Kind_FranceTravailDepartementOrOthers(PrescriberKind kind, PrescriberGroup expected) =>
        Assert.Equal(expected, PrescriberKinds.LetterGroup(kind));

    [Fact]
    public void LetterGroup_NoPrescriberKind_IsUnknown() => Assert.Null(PrescriberKinds.LetterGroup(null));
}
