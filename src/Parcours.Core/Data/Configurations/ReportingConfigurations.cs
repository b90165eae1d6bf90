using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parcours.Domain.Access;
using Parcours.Domain.Reporting;

namespace Parcours.Core.Data.Configurations;

/// <summary>Tables of the Reporting module (migration 0006_reporting).</summary>
internal sealed class LetterEditorialConfiguration : IEntityTypeConfiguration<LetterEditorial>
{
    public void Configure(EntityTypeBuilder<LetterEditorial> b)
    {
        b.ToTable("reporting_letter_editorial");
        b.Property(x => x.Month).HasMaxLength(7);
        b.Property(x => x.Block).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Text).HasMaxLength(LetterEditorial.MaxLength);
        b.Property(x => x.UpdatedBy).HasMaxLength(100);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.Month, x.Block }).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
