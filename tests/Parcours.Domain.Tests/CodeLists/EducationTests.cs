using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Tests.CodeLists;

public class EducationTests
{
    [Theory]
    [InlineData(EducationLevelFt.AFS, EducationLevel1969.VI, ConsolidationEducationGroup.VI)]
    [InlineData(EducationLevelFt.CP4, EducationLevel1969.VI, ConsolidationEducationGroup.VI)]
    [InlineData(EducationLevelFt.CFG, EducationLevel1969.VI, ConsolidationEducationGroup.VI)]
    [InlineData(EducationLevelFt.C3A, EducationLevel1969.V_BIS, ConsolidationEducationGroup.V_BIS)]
    [InlineData(EducationLevelFt.C12, EducationLevel1969.V, ConsolidationEducationGroup.V)]
    [InlineData(EducationLevelFt.NV5, EducationLevel1969.V, ConsolidationEducationGroup.V)]
    [InlineData(EducationLevelFt.NV4, EducationLevel1969.IV, ConsolidationEducationGroup.IV_ET_PLUS)]
    [InlineData(EducationLevelFt.NV3, EducationLevel1969.III, ConsolidationEducationGroup.IV_ET_PLUS)]
    [InlineData(EducationLevelFt.NV2, EducationLevel1969.II, ConsolidationEducationGroup.IV_ET_PLUS)]
    [InlineData(EducationLevelFt.NV1, EducationLevel1969.I, ConsolidationEducationGroup.IV_ET_PLUS)]
    public void To1969ThenConsolidationGroup_FranceTravailCode_FollowsTable33(
        EducationLevelFt level, EducationLevel1969 expected1969, ConsolidationEducationGroup expectedGroup)
    {
        // Arrange & Act
        var level1969 = Education.To1969(level);
        var group = Education.ConsolidationGroup(level1969);

        // Assert
        Assert.Equal(expected1969, level1969);
        Assert.Equal(expectedGroup, group);
        Assert.Equal(expectedGroup, Education.ConsolidationGroup(level));
    }

    [Fact]
    public void To1969_EveryFranceTravailCode_Matches1969LevelColumn() =>
        Columns.AssertForEvery<EducationLevelFt>(level =>
        {
            var expected = Columns.LeadingCode<EducationLevel1969>(Columns.Of(level, "1969 level"));
            var actual = Education.To1969(level);
            return actual == expected ? null : $"To1969() gives {actual}, column says {expected}.";
        });

    [Fact]
    public void ConsolidationGroup_EveryFranceTravailCode_MatchesConsolidationGroupColumn() =>
        Columns.AssertForEvery<EducationLevelFt>(level =>
        {
            var expected = Columns.LeadingCode<ConsolidationEducationGroup>(Columns.Of(level, "Consolidation group"));
            var actual = Education.ConsolidationGroup(level);
            return actual == expected ? null : $"ConsolidationGroup() gives {actual}, column says {expected}.";
        });

    [Fact]
    public void ConsolidationGroup_Every1969Level_MatchesConsolidationGroupColumn() =>
        Columns.AssertForEvery<EducationLevel1969>(level =>
        {
            var expected = Columns.LeadingCode<ConsolidationEducationGroup>(Columns.Of(level, "Consolidation group"));
            var actual = Education.ConsolidationGroup(level);
            return actual == expected ? null : $"ConsolidationGroup() gives {actual}, column says {expected}.";
        });

    [Fact]
    public void ConsolidationGroup_EmptyLevel_IsIndetermine()
    {
        // Arrange
        EducationLevel1969? level = null;

        // Act
        var group = Education.ConsolidationGroup(level);

        // Assert
        Assert.Equal(ConsolidationEducationGroup.INDETERMINE, group);
    }

    [Fact]
    public void To2019_Every1969Level_Matches2019LevelColumn() =>
        Columns.AssertForEvery<EducationLevel1969>(level =>
        {
            var cell = Columns.Of(level, "2019 level");
            var expected = Columns.LeadingCode<CertificationLevel2019>(cell);
            var actual = Education.To2019(level);
            return actual == expected ? null : $"To2019() gives {actual?.ToString() ?? "null"}, column says \"{cell}\".";
        });

    [Fact]
    public void To2019_EveryFranceTravailCode_Matches2019LevelColumn() =>
        Columns.AssertForEvery<EducationLevelFt>(level =>
        {
            var cell = Columns.Of(level, "2019 level");
            var expected = Columns.LeadingCode<CertificationLevel2019>(cell);
            var actual = Education.To2019(level);
            return actual == expected ? null : $"To2019() gives {actual?.ToString() ?? "null"}, column says \"{cell}\".";
        });

    [Theory]
    [InlineData(EducationLevel1969.I, CertificationLevel2019.NIVEAU_7)]
    [InlineData(EducationLevel1969.V, CertificationLevel2019.NIVEAU_3)]
    [InlineData(EducationLevel1969.VI, null)]
    [InlineData(EducationLevel1969.V_BIS, null)]
    [InlineData(EducationLevel1969.INDETERMINE, null)]
    public void To2019_1969Level_FollowsDecret201914(EducationLevel1969 level, CertificationLevel2019? expected)
    {
        // Arrange & Act
        var level2019 = Education.To2019(level);

        // Assert
        Assert.Equal(expected, level2019);
    }

    [Fact]
    public void DefaultIsced_Every1969Level_MatchesDefaultCiteGroupColumn() =>
        Columns.AssertForEvery<EducationLevel1969>(level =>
        {
            var cell = Columns.Of(level, "Default CITE group");
            var expected = Columns.LeadingCode<IscedGroup>(cell);
            var actual = Education.DefaultIsced(level);
            return actual == expected ? null : $"DefaultIsced() gives {actual?.ToString() ?? "null"}, column says \"{cell}\".";
        });

    [Fact]
    public void DefaultIsced_EveryFranceTravailCode_MatchesCiteGroupColumn() =>
        Columns.AssertForEvery<EducationLevelFt>(level =>
        {
            var expected = Columns.LeadingCode<IscedGroup>(Columns.Of(level, "CITE group"));
            var actual = Education.DefaultIsced(level);
            return actual == expected ? null : $"DefaultIsced() gives {actual}, column says {expected}.";
        });

    [Fact]
    public void DefaultIsced_Every2019Level_MatchesCiteGroupColumn() =>
        Columns.AssertForEvery<CertificationLevel2019>(level =>
        {
            var expected = Columns.LeadingCode<IscedGroup>(Columns.Of(level, "CITE group"));
            var actual = Education.DefaultIsced(level);
            return actual == expected ? null : $"DefaultIsced() gives {actual}, column says {expected}.";
        });

    [Fact]
    public void TrainingLevelTo1969Row_Every2019Level_MatchesFormerLevelColumnOrVBis() =>
        Columns.AssertForEvery<CertificationLevel2019>(level =>
        {
            var expected = Columns.LeadingCode<EducationLevel1969>(Columns.Of(level, "Former level (1969)")) ?? EducationLevel1969.V_BIS;
            var actual = Education.TrainingLevelTo1969Row(level);
            return actual == expected ? null : $"TrainingLevelTo1969Row() gives {actual}, expected {expected}.";
        });

    [Theory]
    [InlineData(CertificationLevel2019.NIVEAU_1, EducationLevel1969.V_BIS)]
    [InlineData(CertificationLevel2019.NIVEAU_2, EducationLevel1969.V_BIS)]
    [InlineData(CertificationLevel2019.NIVEAU_3, EducationLevel1969.V)]
    [InlineData(CertificationLevel2019.NIVEAU_8, EducationLevel1969.I)]
    public void TrainingLevelTo1969Row_2019Level_FollowsRule364(CertificationLevel2019 level, EducationLevel1969 expected)
    {
        // Arrange & Act
        var row = Education.TrainingLevelTo1969Row(level);

        // Assert
        Assert.Equal(expected, row);
    }

    [Theory]
    [InlineData(EducationLevelFt.C12, EducationLevel1969.V, true)]
    [InlineData(EducationLevelFt.NV4, EducationLevel1969.IV, true)]
    [InlineData(EducationLevelFt.NV4, EducationLevel1969.III, false)]
    [InlineData(EducationLevelFt.AFS, EducationLevel1969.INDETERMINE, false)]
    public void Consistent_FranceTravailAnd1969Levels_AgreeWithTable33(EducationLevelFt level, EducationLevel1969 level1969, bool expected)
    {
        // Arrange & Act
        var consistent = Education.Consistent(level, level1969);

        // Assert
        Assert.Equal(expected, consistent);
    }
}
