using Parcours.Domain.CodeLists;
using Parcours.Domain.Pathways;

namespace Parcours.Domain.Tests.Pathways;

/// <summary>The exit proposal and its refusal by the commission (W-02 `ExitPending` → previous state), at their boundaries.</summary>
public class ExitProposalsTests
{
    private static readonly DateOnly Entry = new(2025, 1, 15);
    private static readonly DateOnly Today = new(2025, 9, 30);
    private static readonly Step Job = new() { Id = 7, StepType = StepType.EMPLOI_SORTIE, StartDate = new DateOnly(2025, 3, 1), ContractType = ContractType.CDI };

    private static bool Propose(DateOnly proposedOn, ExitReason reason = ExitReason.ABANDON, Step? step = null, bool pending = false,
        PathwayStatus status = PathwayStatus.ENTRE) =>
        ExitProposals.CheckPropose(status, Entry, pending, reason, step, proposedOn, null, Today).IsValid;

    [Theory]
    [InlineData("2025-01-15", true)]
    [InlineData("2025-01-14", false)]
    [InlineData("2025-09-30", true)]
    [InlineData("2025-10-01", false)]
    public void Proposal_DatedBetweenEntryAndToday(string on, bool expected) => Assert.Equal(expected, Propose(DateOnly.Parse(on)));

    [Fact]
    public void Proposal_OnePendingAtATime_JobExitNeedsItsStep_OnAPathwayInProgress()
    {
        Assert.False(Propose(Today, pending: true));
        Assert.False(Propose(Today, ExitReason.EMPLOI_DURABLE));
        Assert.True(Propose(Today, ExitReason.EMPLOI_DURABLE, Job));
        Assert.True(Propose(Today, status: PathwayStatus.EN_VEILLE));
        Assert.False(Propose(Today, status: PathwayStatus.SORTI));
    }

    [Theory]
    [InlineData("2025-09-01", "Justificatifs insuffisants", true)] // decided the day it was proposed
    [InlineData("2025-08-31", "Justificatifs insuffisants", false)] // before the proposal
    [InlineData("2025-10-01", "Justificatifs insuffisants", false)] // tomorrow
    [InlineData("2025-09-30", "  ", false)]                         // no reason
    public void Refusal_NeedsAReason_DatedFromTheProposalToToday(string decidedOn, string reason, bool expected)
    {
        var pending = new ExitProposal { ProposedOn = new DateOnly(2025, 9, 1), Reason = ExitReason.ABANDON };
        Assert.Equal(expected, ExitProposals.CheckRefuse(pending, reason, DateOnly.Parse(decidedOn), Today).IsValid);
    }

    [Fact]
    public void Refusal_WithoutAPendingProposal_IsRefused()
    {
        Assert.False(ExitProposals.CheckRefuse(null, "Motif", Today, Today).IsValid);
        var refused = new ExitProposal { ProposedOn = Entry, Status = ExitProposalStatus.REFUSEE };
        Assert.False(ExitProposals.CheckRefuse(refused, "Motif", Today, Today).IsValid);
    }
}
