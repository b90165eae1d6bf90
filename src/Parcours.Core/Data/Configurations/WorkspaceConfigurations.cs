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
