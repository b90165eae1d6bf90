using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parcours.Domain.Access;

namespace Parcours.Core.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("access_organisation");
        b.Property(o => o.Code).HasMaxLength(32);
        b.HasIndex(o => o.Code).IsUnique();
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.Siret).HasMaxLength(14);
        b.Property(o => o.CommuneInsee).HasMaxLength(5);
        b.Property(o => o.Departement).HasMaxLength(3);
        b.Property(o => o.Rna).HasMaxLength(10);
        b.Property(o => o.NationalCode).HasMaxLength(32);
        b.HasOne<Organisation>().WithMany().HasForeignKey(o => o.ParentOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(o => o.IntermediateBodyId).OnDelete(DeleteBehavior.Restrict);
        b.Property(o => o.Version).IsConcurrencyToken();
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.ToTable("access_user");
        b.Property(u => u.Login).HasMaxLength(100);
        b.HasIndex(u => u.Login).IsUnique();
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.PasswordHash).HasMaxLength(200);
        b.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Pathways.Referent>().WithMany().HasForeignKey(u => u.ReferentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(u => u.Version).IsConcurrencyToken();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("access_audit_entry");
        b.Property(a => a.Actor).HasMaxLength(100);
        b.Property(a => a.EntityType).HasMaxLength(60);
        b.Property(a => a.Action).HasMaxLength(20);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.HasIndex(a => a.AtUtc);
    }
}

internal sealed class CaseloadShareConfiguration : IEntityTypeConfiguration<CaseloadShare>
{
    public void Configure(EntityTypeBuilder<CaseloadShare> b)
    {
        b.ToTable("access_caseload_share");
        b.HasIndex(s => new { s.SharedWithUserId, s.ReferentId }).IsUnique();
        b.HasOne<User>().WithMany().HasForeignKey(s => s.SharedWithUserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Domain.Pathways.Referent>().WithMany().HasForeignKey(s => s.ReferentId).OnDelete(DeleteBehavior.Cascade);
    }
}
