using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parcours.Domain.Access;
using Parcours.Domain.Pathways;

namespace Parcours.Core.Data.Configurations;

internal sealed class ReferentConfiguration : IEntityTypeConfiguration<Referent>
{
    public void Configure(EntityTypeBuilder<Referent> b)
    {
        b.ToTable("pathways_referent");
        b.Property(r => r.ExternalId).HasMaxLength(64);
        b.Property(r => r.LastName).HasMaxLength(100);
        b.Property(r => r.FirstName).HasMaxLength(100);
        b.Property(r => r.Email).HasMaxLength(254);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Employer).WithMany().HasForeignKey(r => r.EmployerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.OrganisationId, r.ExternalId }).IsUnique();
        b.Ignore(r => r.DisplayName);
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> b)
    {
        b.ToTable("pathways_participant");
        b.Property(p => p.ExternalId).HasMaxLength(64);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.OrganisationId, p.ExternalId }).IsUnique();
        b.HasOne(p => p.Identity).WithOne(i => i.Participant).HasForeignKey<ParticipantIdentity>(i => i.Id).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Pathways).WithOne(pw => pw.Participant).HasForeignKey(pw => pw.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class ParticipantIdentityConfiguration : IEntityTypeConfiguration<ParticipantIdentity>
{
    public void Configure(EntityTypeBuilder<ParticipantIdentity> b)
    {
        b.ToTable("pathways_participant_identity");
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.LastName).HasMaxLength(100);
        b.Property(i => i.BirthName).HasMaxLength(100);
        b.Property(i => i.FirstName).HasMaxLength(100);
        b.Property(i => i.Nir).HasMaxLength(15);
        b.Property(i => i.FranceTravailId).HasMaxLength(20);
        b.Property(i => i.CafNumber).HasMaxLength(20);
        b.Property(i => i.AddressLine).HasMaxLength(200);
        b.Property(i => i.PostalCode).HasMaxLength(5);
        b.Property(i => i.CommuneInsee).HasMaxLength(5);
        b.Property(i => i.Phone).HasMaxLength(16);
        b.Property(i => i.Email).HasMaxLength(254);
        b.Property(i => i.SearchName).HasMaxLength(210);
        b.HasIndex(i => new { i.OrganisationId, i.SearchName });
        b.HasIndex(i => i.Nir);
        b.Property(i => i.Version).IsConcurrencyToken();
    }
}

internal sealed class PathwayConfiguration : IEntityTypeConfiguration<Pathway>
{
    public void Configure(EntityTypeBuilder<Pathway> b)
    {
        b.ToTable("pathways_pathway");
        b.Property(p => p.ExternalId).HasMaxLength(64);
        b.Property(p => p.QpvCode).HasMaxLength(12);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.PrescriberOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Referent).WithMany().HasForeignKey(p => p.ReferentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Steps).WithOne(s => s.Pathway).HasForeignKey(s => s.PathwayId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Barriers).WithOne().HasForeignKey(x => x.PathwayId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Contracts).WithOne().HasForeignKey(x => x.PathwayId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Appointments).WithOne().HasForeignKey(x => x.PathwayId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Events).WithOne().HasForeignKey(x => x.PathwayId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.OrganisationId, p.ExternalId }).IsUnique();
        b.HasIndex(p => new { p.OrganisationId, p.Status });
        // Reports find the programmes that run a scheme without reading the pathways of the others (a Département's RSA ones).
        b.HasIndex(p => new { p.OrganisationId, p.Scheme });
        b.HasIndex(p => new { p.ReferentId, p.Status });
        // Covers the caseload filter and the status filter of the participants list, probed once per participant.
        b.HasIndex(p => new { p.ParticipantId, p.ReferentId, p.Status });
        // On PostgreSQL the entry-date index also carries what the steps of the reports need from their pathway, so
        // that the join reads this index alone (an index-only scan) instead of the whole pathway rows (docs/reporting.md).
        b.HasIndex(p => p.EntryDate)
            .IncludeProperties(p => new { p.ExitDate, p.Scheme, p.OrganisationId, p.ParticipantSex, p.ParticipantId, p.Id });
        b.HasIndex(p => p.ExitDate);
        b.Ignore(p => p.ExitCategory);
        b.Ignore(p => p.IsInCaseload);
        b.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class StepConfiguration : IEntityTypeConfiguration<Step>
{
    public void Configure(EntityTypeBuilder<Step> b)
    {
        b.ToTable("pathways_step");
        b.Property(s => s.ExternalId).HasMaxLength(64);
        b.Property(s => s.EmployerName).HasMaxLength(200);
        b.Property(s => s.EmployerSiret).HasMaxLength(14);
        b.Property(s => s.ContractMonths).HasPrecision(5, 2);
        b.Property(s => s.ExitContractMonths).HasPrecision(5, 2);
        b.Property(s => s.WeeklyHours).HasPrecision(5, 2);
        b.Property(s => s.TotalHours).HasPrecision(9, 2);
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.ProviderOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.PathwayId);
        b.HasIndex(s => s.ExternalId);
        b.HasIndex(s => new { s.StartDate, s.EndDate });
        b.Ignore(s => s.Family);
        b.Ignore(s => s.IsDurableContract);
        b.Ignore(s => s.IsExitJob);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class BarrierConfiguration : IEntityTypeConfiguration<Barrier>
{
    public void Configure(EntityTypeBuilder<Barrier> b)
    {
        b.ToTable("pathways_barrier");
        b.Property(x => x.ExternalId).HasMaxLength(64);
        b.HasIndex(x => new { x.PathwayId, x.BarrierCode, x.IdentifiedOn }).IsUnique();
        b.Ignore(x => x.IsLifted);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class CommitmentContractConfiguration : IEntityTypeConfiguration<CommitmentContract>
{
    public void Configure(EntityTypeBuilder<CommitmentContract> b)
    {
        b.ToTable("pathways_contract");
        b.Property(x => x.ExternalId).HasMaxLength(64);
        b.Property(x => x.WeeklyActivityHours).HasPrecision(5, 2);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.SignatoryOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PathwayId);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> b)
    {
        b.ToTable("pathways_appointment");
        b.Property(x => x.ExternalId).HasMaxLength(64);
        b.Property(x => x.Note).HasMaxLength(4000);
        b.HasOne<Referent>().WithMany().HasForeignKey(x => x.ReferentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PathwayId);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class PathwayEventConfiguration : IEntityTypeConfiguration<PathwayEvent>
{
    public void Configure(EntityTypeBuilder<PathwayEvent> b)
    {
        b.ToTable("pathways_pathway_event");
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Detail).HasMaxLength(400);
        b.HasIndex(x => x.PathwayId);
    }
}
