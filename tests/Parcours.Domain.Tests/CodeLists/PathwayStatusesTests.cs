using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Tests.CodeLists;

public class PathwayStatusesTests
{
    public static TheoryData<PathwayStatus, PathwayStatus> AllowedTransitions() => new()
    {
        { PathwayStatus.PRESCRIT, PathwayStatus.PRE_AFFECTE },
        { PathwayStatus.PRESCRIT, PathwayStatus.CONVOQUE },
        { PathwayStatus.PRESCRIT, PathwayStatus.ENTRE },
        { PathwayStatus.PRESCRIT, PathwayStatus.NON_ENTRE },
        { PathwayStatus.PRE_AFFECTE, PathwayStatus.CONVOQUE },
        { PathwayStatus.PRE_AFFECTE, PathwayStatus.NON_ENTRE },
        { PathwayStatus.CONVOQUE, PathwayStatus.CONVOQUE },
        { PathwayStatus.CONVOQUE, PathwayStatus.ENTRETIEN },
        { PathwayStatus.CONVOQUE, PathwayStatus.NON_ENTRE },
        { PathwayStatus.ENTRETIEN, PathwayStatus.EN_COMMISSION },
        { PathwayStatus.ENTRETIEN, PathwayStatus.ENTRE },
        { PathwayStatus.ENTRETIEN, PathwayStatus.NON_ENTRE },
        { PathwayStatus.EN_COMMISSION, PathwayStatus.ENTRE },
        { PathwayStatus.EN_COMMISSION, PathwayStatus.ENTRETIEN },
        { PathwayStatus.EN_COMMISSION, PathwayStatus.NON_ENTRE },
        { PathwayStatus.ENTRE, PathwayStatus.EN_VEILLE },
        { PathwayStatus.ENTRE, PathwayStatus.SORTI },
        { PathwayStatus.EN_VEILLE, PathwayStatus.ENTRE },
        { PathwayStatus.EN_VEILLE, PathwayStatus.SORTI },
    };

    public static TheoryData<PathwayStatus, PathwayStatus> RefusedTransitions() => new()
    {
        { PathwayStatus.PRESCRIT, PathwayStatus.PRESCRIT },
        { PathwayStatus.PRESCRIT, PathwayStatus.ENTRETIEN },
        { PathwayStatus.PRESCRIT, PathwayStatus.EN_COMMISSION },
        { PathwayStatus.PRESCRIT, PathwayStatus.SORTI },
        { PathwayStatus.PRE_AFFECTE, PathwayStatus.ENTRE },
        { PathwayStatus.PRE_AFFECTE, PathwayStatus.PRESCRIT },
        { PathwayStatus.CONVOQUE, PathwayStatus.ENTRE },
        { PathwayStatus.CONVOQUE, PathwayStatus.EN_COMMISSION },
        { PathwayStatus.ENTRETIEN, PathwayStatus.ENTRETIEN },
        { PathwayStatus.EN_COMMISSION, PathwayStatus.SORTI },
        { PathwayStatus.ENTRE, PathwayStatus.ENTRE },
        { PathwayStatus.ENTRE, PathwayStatus.NON_ENTRE },
        { PathwayStatus.ENTRE, PathwayStatus.PRESCRIT },
        { PathwayStatus.EN_VEILLE, PathwayStatus.EN_VEILLE },
        { PathwayStatus.EN_VEILLE, PathwayStatus.NON_ENTRE },
        { PathwayStatus.SORTI, PathwayStatus.ENTRE },
        { PathwayStatus.SORTI, PathwayStatus.PRESCRIT },
        { PathwayStatus.NON_ENTRE, PathwayStatus.PRESCRIT },
        { PathwayStatus.NON_ENTRE, PathwayStatus.ENTRE },
    };

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void CanTransition_AllowedPair_IsTrue(PathwayStatus from, PathwayStatus to)
    {
        // Arrange & Act
        var allowed = PathwayStatuses.CanTransition(from, to);

        // Assert
        Assert.True(allowed, $"{from} → {to} is in the table of §4.4.");
    }

    [Theory]
    [MemberData(nameof(RefusedTransitions))]
    public void CanTransition_RefusedPair_IsFalse(PathwayStatus from, PathwayStatus to)
    {
        // Arrange & Act
        var allowed = PathwayStatuses.CanTransition(from, to);

        // Assert
        Assert.False(allowed, $"{from} → {to} is not in the table of §4.4.");
    }

    [Fact]
    public void AllowedTargets_EveryStatus_MatchesDocumentTransitionTable()
    {
        // Arrange: the "From | To" table of codelists.md §4.4, read from the document itself.
        var table = SpecDocument.TableWithHeader("From", "To")
            .ToDictionary(
                row => CodeListRegistry.Parse<PathwayStatus>(row[0]),
                row => Columns.CodesIn<PathwayStatus>(row[1]));

        // Act & Assert
        Columns.AssertForEvery<PathwayStatus>(from =>
        {
            var expected = table.GetValueOrDefault(from) ?? [];
            var actual = PathwayStatuses.AllowedTargets(from);
            return actual.SequenceEqual(expected)
                ? null
                : $"AllowedTargets() gives [{string.Join(", ", actual)}], the transition table says [{string.Join(", ", expected)}].";
        });
    }

    [Fact]
    public void AllowedTransitions_TheoryData_CoversTheWholeTable()
    {
        // Arrange
        var theoryPairs = AllowedTransitions().Select(row => ((PathwayStatus)row[0], (PathwayStatus)row[1])).ToHashSet();

        // Act
        var tablePairs = Enum.GetValues<PathwayStatus>()
            .SelectMany(from => PathwayStatuses.AllowedTargets(from).Select(to => (from, to)))
            .ToHashSet();

        // Assert
        Assert.Equal(tablePairs.Order(), theoryPairs.Order());
    }

    [Fact]
    public void Phase_EveryStatus_MatchesPhaseColumn() =>
        Columns.AssertForEvery<PathwayStatus>(status =>
        {
            var expected = Columns.Of(status, "Phase");
            var actual = PathwayStatuses.Phase(status).ToString();
            return actual == expected ? null : $"Phase() gives {actual}, column says {expected}.";
        });

    [Theory]
    [InlineData(PathwayStatus.SORTI)]
    [InlineData(PathwayStatus.NON_ENTRE)]
    public void AllowedTargets_ClosedStatus_IsEmpty(PathwayStatus status)
    {
        // Arrange & Act
        var targets = PathwayStatuses.AllowedTargets(status);

        // Assert
        Assert.Empty(targets);
        Assert.Equal(PathwayPhase.CLOS, PathwayStatuses.Phase(status));
    }
}
