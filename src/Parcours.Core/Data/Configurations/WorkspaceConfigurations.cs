using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parcours.Domain.Pathways;

namespace Parcours.Core.Data.Configurations;

/// <summary>Tables of the référent's workspace (migration 0003_workspace).</summary>
internal sealed class PathwayDocumentConfiguration : IEntityTypeConfiguration<PathwayDocument>
{
    public void Configure(EntityTypeBuilder<PathwayDocument> b)
    {
        b.ToTable("pathways_document");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.HasOne<Pathway>().WithMany().HasForeignKey(x => x.PathwayId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.PathwayId, x.Kind }).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class RsaOrientationConfiguration : IEntityTypeConfiguration<RsaOrientation>
{
    public void Configure(EntityTypeBuilder<RsaOrientation> b)
    {
        b.ToTable("pathways_rsa_orientation");
        b.Property(x => x.OrganisationName).HasMaxLength(200);
        b.HasOne<Pathway>().WithMany().HasForeignKey(x => x.PathwayId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PathwayId).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

/// <summary>Changes of the participant's situation after entry (migration 0005_workspace_followup).</summary>
internal sealed class SituationChangeConfiguration : IEntityTypeConfiguration<SituationChange>
{
    public void Configure(EntityTypeBuilder<SituationChange> b)
    {
        b.ToTable("pathways_situation_change");
        b.Property(x => x.CommuneInsee).HasMaxLength(5);
        b.Property(x => x.FamilySituation).HasConversion<string>().HasMaxLength(40);
        b.Ignore(x => x.Situation);
        b.HasOne<Pathway>().WithMany().HasForeignKey(x => x.PathwayId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.PathwayId, x.EffectiveOn });
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

/// <summary>Tripartite reviews (migration 0005_workspace_followup).</summary>
internal sealed class TripartiteReviewConfiguration : IEntityTypeConfiguration<TripartiteReview>
{
    public void Configure(EntityTypeBuilder<TripartiteReview> b)
    {
        b.ToTable("pathways_review");
        b.Property(x => x.Decision).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Conclusions).HasMaxLength(ReviewRules.MaxConclusionsLength);
        b.Ignore(x => x.Attendees);
        b.HasOne<Pathway>().WithMany().HasForeignKey(x => x.PathwayId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.PathwayId, x.HeldOn });
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

/// <summary>Post-employment follow-up contacts (migration 0005_workspace_followup).</summary>
internal sealed class EmploymentFollowUpConfiguration : IEntityTypeConfiguration<EmploymentFollowUp>
{
    public void Configure(EntityTypeBuilder<EmploymentFollowUp> b)
    {
        b.ToTable("pathways_followup");
        b.Property(x => x.Situation).HasConversion<string>().HasMaxLength(40);
        b.HasOne<Pathway>().WithMany().HasForeignKey(x => x.PathwayId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Step>().WithMany().HasForeignKey(x => x.StepId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.StepId, x.Milestone }).IsUnique();
        b.HasIndex(x => x.PathwayId);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

/// <summary>Exits proposed to the commission, validated or refused (migration 0005_workspace_followup).</summary>
internal sealed class ExitProposalConfiguration : IEntityTypeConfiguration<ExitProposal>
{
    public void Configure(EntityTypeBuilder<ExitProposal> b)
    {
        b.ToTable("pathways_exit_proposal");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.RefusalReason).HasMaxLength(ExitProposals.MaxRefusalReasonLength);
        b.HasOne<Pathway>().WithMany().HasForeignKey(x => x.PathwayId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.PathwayId, x.Status });
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
