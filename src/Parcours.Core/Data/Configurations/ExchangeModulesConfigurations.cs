using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parcours.Domain.Access;
using Parcours.Domain.Clauses;
using Parcours.Domain.Fse;
using Parcours.Domain.Offer;
using Parcours.Domain.Pathways;

namespace Parcours.Core.Data.Configurations;

// Tables of the exchange format files whose modules do not exist yet (exchange format §5.9 to §5.14). They are named
// by module (fse_, offer_, clauses_) so that the Fse, Offer and Clauses modules take them over as they are.

internal sealed class OperationConfiguration : IEntityTypeConfiguration<Operation>
{
    public void Configure(EntityTypeBuilder<Operation> b)
    {
        b.ToTable("fse_operation");
        b.Property(x => x.ExternalId).HasMaxLength(64);
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.FseOperationNumber).HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.ObjectiveValue).HasPrecision(12, 2);
        b.Property(x => x.TotalCost).HasPrecision(14, 2);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ProgrammeOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OperatorOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Year);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class FinancingConfiguration : IEntityTypeConfiguration<Financing>
{
    public void Configure(EntityTypeBuilder<Financing> b)
    {
        b.ToTable("fse_financing");
        b.Property(x => x.ExternalId).HasMaxLength(64);
        b.Property(x => x.FunderName).HasMaxLength(200);
        b.Property(x => x.Amount).HasPrecision(14, 2);
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.FunderOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class InsertionActionConfiguration : IEntityTypeConfiguration<InsertionAction>
{
    public void Configure(EntityTypeBuilder<InsertionAction> b)
    {
        b.ToTable("offer_action");
        b.Property(x => x.ExternalId).HasMaxLength(64);
        b.Property(x => x.CallId).HasMaxLength(64);
        b.Property(x => x.ConventionId).HasMaxLength(64);
        b.Property(x => x.LocalActionType).HasMaxLength(32);
        b.Property(x => x.TerritoryCode).HasMaxLength(32);
        b.Property(x => x.ReferenceLumpSum).HasPrecision(14, 2);
        b.Property(x => x.AnnualAmount).HasPrecision(14, 2);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.FunderOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OperatorOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class MonthlyReportConfiguration : IEntityTypeConfiguration<MonthlyReport>
{
    public void Configure(EntityTypeBuilder<MonthlyReport> b)
    {
        b.ToTable("offer_monthly_report");
        b.HasOne<InsertionAction>().WithMany().HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ActionId, x.Month }).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class ClauseMarketConfiguration : IEntityTypeConfiguration<ClauseMarket>
{
    public void Configure(EntityTypeBuilder<ClauseMarket> b)
    {
        b.ToTable("clauses_market");
        b.Property(x => x.ExternalId).HasMaxLength(64);
        b.Property(x => x.ClauseOperationId).HasMaxLength(64);
        b.Property(x => x.OperationName).HasMaxLength(200);
        b.Property(x => x.Lot).HasMaxLength(16);
        b.Property(x => x.HoursRequired).HasPrecision(12, 2);
        b.Property(x => x.AwardeeSiret).HasMaxLength(14);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.BuyerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.AwardeeOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.FacilitatorOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class ClauseHoursConfiguration : IEntityTypeConfiguration<ClauseHours>
{
    public void Configure(EntityTypeBuilder<ClauseHours> b)
    {
        b.ToTable("clauses_hours");
        b.Property(x => x.ExternalId).HasMaxLength(64);
        b.Property(x => x.EmployerSiret).HasMaxLength(14);
        b.Property(x => x.Hours).HasPrecision(12, 2);
        b.HasOne<ClauseMarket>().WithMany().HasForeignKey(x => x.MarketId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Pathway>().WithMany().HasForeignKey(x => x.PathwayId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
