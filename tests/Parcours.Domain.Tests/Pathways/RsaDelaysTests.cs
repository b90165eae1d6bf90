using Parcours.Domain.CodeLists;
using Parcours.Domain.Pathways;

namespace Parcours.Domain.Tests.Pathways;

/// <summary>The delays of the 2024 decree at their boundaries, and configurable per Département.</summary>
public class RsaDelaysTests
{
    private static readonly DateOnly Rights = new(2026, 3, 2);

    [Theory]
    [InlineData(42, false)] // exactly 6 weeks: still on time
    [InlineData(43, true)]
    public void Orientation_OverdueAfterSixWeeks(int days, bool overdue)
    {
        var o = new RsaOrientation { RightsOpenedOn = Rights };
        Assert.Equal(overdue, RsaDelays.Overdue(o, null, PathwayPolicy.Default, Rights.AddDays(days)).Count == 1);
    }

    [Theory]
    [InlineData(28, false)] // exactly 4 weeks after the orientation
    [InlineData(29, true)]
    public void Contract_OverdueFourWeeksAfterOrientation(int days, bool overdue)
    {
        var oriented = Rights.AddDays(20);
        var o = new RsaOrientation { RightsOpenedOn = Rights, OrientedOn = oriented, OrientationType = RsaOrientationType.PROFESSIONNELLE };
        var late = RsaDelays.Overdue(o, null, PathwayPolicy.Default, oriented.AddDays(days));
        Assert.Equal(overdue, late.Count == 1);
        if (overdue) Assert.StartsWith("Contrat en retard", late[0]);
        Assert.Empty(RsaDelays.Overdue(o, oriented.AddDays(3), PathwayPolicy.Default, oriented.AddDays(days)));
    }

    [Fact]
    public void Delays_ArePerDepartement()
    {
        var policy = PathwayPolicy.Default with { RsaOrientationWeeks = 4 };
        Assert.Equal(Rights.AddDays(28), RsaDelays.OrientationDeadline(Rights, policy));
        Assert.Single(RsaDelays.Overdue(new RsaOrientation { RightsOpenedOn = Rights }, null, policy, Rights.AddDays(29)));
    }

    [Fact]
    public void Check_OrientationNeedsItsType_AndComesAfterTheRights()
    {
        var result = RsaDelays.Check(Rights, Rights.AddDays(-1), null, Rights.AddDays(10));
        Assert.Contains(result.Errors, e => e.Message == "L'orientation précède l'ouverture des droits.");
        Assert.Contains(result.Errors, e => e.Field == "OrientationType");
    }
}
