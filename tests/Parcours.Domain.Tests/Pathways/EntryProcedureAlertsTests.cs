using Parcours.Domain.CodeLists;
using Parcours.Domain.Pathways;

namespace Parcours.Domain.Tests.Pathways;

/// <summary>The entry-procedure alerts at their boundaries, and the commission's deferral.</summary>
public class EntryProcedureAlertsTests
{
    private static readonly DateOnly Received = new(2025, 3, 1);

    private static bool Has(EntryAlertKind kind, PathwayStatus status, string today, DateOnly? preAssigned = null, int convocations = 0) =>
        EntryProcedureAlerts.For(status, Received, preAssigned, convocations, PathwayPolicy.Default, DateOnly.Parse(today)).Any(a => a.Kind == kind);

    [Theory]
    [InlineData("2025-03-08", false)] // exactly 7 days
    [InlineData("2025-03-09", true)]  // more than 7 days
    public void NotPreAssigned_AfterMoreThanSevenDays(string today, bool expected)
    {
        Assert.Equal(expected, Has(EntryAlertKind.NotPreAssigned, PathwayStatus.PRESCRIT, today));
        Assert.False(Has(EntryAlertKind.NotPreAssigned, PathwayStatus.PRE_AFFECTE, today, Received));
    }

    [Theory]
    [InlineData("2025-03-16", false)] // pre-assigned on 02/03: exactly 14 days
    [InlineData("2025-03-17", true)]
    public void NoConvocation_AfterMoreThanFourteenDays_UnlessOneWasSent(string today, bool expected)
    {
        var assigned = new DateOnly(2025, 3, 2);
        Assert.Equal(expected, Has(EntryAlertKind.NoConvocation, PathwayStatus.PRE_AFFECTE, today, assigned));
        Assert.False(Has(EntryAlertKind.NoConvocation, PathwayStatus.PRE_AFFECTE, today, assigned, convocations: 1));
    }

    [Theory]
    [InlineData("2025-04-13", false)] // pre-assigned on 02/03: exactly 42 days
    [InlineData("2025-04-14", true)]
    public void LongPreAssignment_AfterSixWeeksWithoutDecision(string today, bool expected)
    {
        var assigned = new DateOnly(2025, 3, 2);
        Assert.Equal(expected, Has(EntryAlertKind.LongPreAssignment, PathwayStatus.EN_COMMISSION, today, assigned, 1));
        Assert.False(Has(EntryAlertKind.LongPreAssignment, PathwayStatus.ENTRE, today, assigned, 1));
    }

    [Fact]
    public void Deferral_SendsTheFileBackToTheInterviewStage_WithItsReason()
    {
        var pathway = new Pathway { Status = PathwayStatus.EN_COMMISSION, PrescriptionDate = Received, EntryCommissionDate = new DateOnly(2025, 4, 1) };
        Assert.False(pathway.DeferCommission(" ", new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 1)).IsValid);
        Assert.False(pathway.DeferCommission("Justificatif manquant", new DateOnly(2025, 4, 2), new DateOnly(2025, 4, 1)).IsValid);
        Assert.True(pathway.DeferCommission("Justificatif de domicile manquant", new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 1)).IsValid);
        Assert.Equal(PathwayStatus.ENTRETIEN, pathway.Status);
        Assert.Null(pathway.EntryCommissionDate);
        Assert.Equal("Justificatif de domicile manquant", pathway.Events[^1].Detail);
        Assert.False(pathway.DeferCommission("Encore", new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 1)).IsValid);
    }
}
