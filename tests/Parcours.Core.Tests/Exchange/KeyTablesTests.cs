using Parcours.Core.Exchange;

namespace Parcours.Core.Tests.Exchange;

/// <summary>The compact key tables of an import: ids derived from slots, and the duplicate sets filled to 90 %.</summary>
public sealed class KeyTablesTests
{
    [Fact]
    public void IdTable_NewSlots_GetConsecutiveIdsInSlotOrderSkippingThoseMatchedToStoredRecords()
    {
        // Arrange: two stored records, then five new ones of which the second and fourth are matched to stored persons.
        var ids = new IdTable(2);
        ids.Add(40);
        ids.Add(17);
        for (var i = 0; i < 5; i++) ids.Add(null);
        ids[3] = 17;
        ids[5] = 40;

        // Act
        var before = Enumerable.Range(0, ids.Count).Select(s => ids[s]).ToList();
        ids.AssignPending(1000);
        var after = Enumerable.Range(0, ids.Count).Select(s => ids[s]).ToList();

        // Assert
        Assert.Equal(3, ids.PendingCount);
        Assert.Equal([40L, 17, 0, 17, 0, 40, 0], before);
        Assert.Equal([40L, 17, 1000, 17, 1001, 40, 1002], after);
        Assert.Throws<ArgumentOutOfRangeException>(() => ids[7]);
    }

    [Fact]
    public void KeySet_FilledBeyondItsExpectedSize_FindsEveryDuplicate()
    {
        // Arrange: 90 % fill limit, sized for 1,000 keys, given 5,000 distinct keys (0 among them) and then each again.
        var set = new KeySet(1000, 0.9);
        var random = new Random(3);
        var keys = new HashSet<ulong> { 0 };
        while (keys.Count < 5000) keys.Add((ulong)random.NextInt64() ^ ((ulong)random.Next() << 63));

        // Act
        var added = keys.Count(set.Add);
        var again = keys.Count(set.Add);

        // Assert
        Assert.Equal(5000, added);
        Assert.Equal(0, again);
        Assert.Equal(5000, set.Count);
    }
}
