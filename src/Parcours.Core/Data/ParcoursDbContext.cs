using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Parcours.Core.Access;
using Parcours.Domain.Access;
using Parcours.Domain.CodeLists;
using Parcours.Domain.Pathways;
using Parcours.Domain.Reporting;

namespace Parcours.Core.Data;

/// <summary>
/// The one database context of Parcours, on SQLite or PostgreSQL. Tables are prefixed by module and columns are
/// snake_case, so that the SQL of reports reads like the exchange format. Personal data are filtered by the
/// <see cref="AccessScope"/> of the caller, and every write of personal data is audited.
/// </summary>
public class ParcoursDbContext(DbContextOptions<ParcoursDbContext> options, AccessScope scope, TimeProvider clock) : DbContext(options)
{
    public AccessScope Scope { get; } = scope;

    /// <summary>Per-row audit by default; bulk generators write one summary entry instead.</summary>
    public bool AuditEachRow { get; set; } = true;

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<User> Users => Set<User>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CaseloadShare> CaseloadShares => Set<CaseloadShare>();
    public DbSet<Referent> Referents => Set<Referent>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<ParticipantIdentity> Identities => Set<ParticipantIdentity>();
    public DbSet<Pathway> Pathways => Set<Pathway>();
    public DbSet<Step> Steps => Set<Step>();
    public DbSet<Barrier> Barriers => Set<Barrier>();
    public DbSet<CommitmentContract> Contracts => Set<CommitmentContract>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<PathwayEvent> PathwayEvents => Set<PathwayEvent>();
    public DbSet<PathwayDocument> PathwayDocuments => Set<PathwayDocument>();
    public DbSet<RsaOrientation> RsaOrientations => Set<RsaOrientation>();
    public DbSet<Domain.Fse.Operation> Operations => Set<Domain.Fse.Operation>();
    public DbSet<Domain.Fse.Financing> Financings => Set<Domain.Fse.Financing>();
    public DbSet<Domain.Offer.InsertionAction> InsertionActions => Set<Domain.Offer.InsertionAction>();
    public DbSet<Domain.Offer.MonthlyReport> MonthlyReports => Set<Domain.Offer.MonthlyReport>();
    public DbSet<Domain.Clauses.ClauseMarket> ClauseMarkets => Set<Domain.Clauses.ClauseMarket>();
    public DbSet<Domain.Clauses.ClauseHours> ClauseHours => Set<Domain.Clauses.ClauseHours>();
    public DbSet<SituationChange> SituationChanges => Set<SituationChange>();
    public DbSet<TripartiteReview> Reviews => Set<TripartiteReview>();
    public DbSet<EmploymentFollowUp> FollowUps => Set<EmploymentFollowUp>();
    public DbSet<ExitProposal> ExitProposals => Set<ExitProposal>();
    public DbSet<LetterEditorial> LetterEditorials => Set<LetterEditorial>();

    public DatabaseEngine Engine => Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true
        ? DatabaseEngine.Postgres : DatabaseEngine.Sqlite;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder
            .ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning))
            .ReplaceService<IModelCacheKeyFactory, ScopeModelCacheKeyFactory>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Code lists are stored as their code: the database, the API and the files carry the same string.
        foreach (var type in typeof(Sex).Assembly.GetTypes().Where(t => t.IsEnum && t.GetCustomAttribute<CodeListAttribute>() is not null))
        {
            configurationBuilder.Properties(type)
                .HaveConversion(typeof(EnumToStringConverter<>).MakeGenericType(type))
                .HaveMaxLength(40);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ParcoursDbContext).Assembly);

        ApplyScopeFilters(modelBuilder, Scope.Mode);

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
                property.SetColumnName(SnakeCase(property.Name));
            foreach (var key in entity.GetKeys()) key.SetName(SnakeCase(key.GetName() ?? "pk"));
            foreach (var fk in entity.GetForeignKeys()) fk.SetConstraintName(SnakeCase(fk.GetConstraintName() ?? "fk"));
            foreach (var index in entity.GetIndexes()) index.SetDatabaseName(SnakeCase(index.GetDatabaseName() ?? "ix"));
        }
    }

    /// <summary>
    /// Scoping as global query filters: the organisation always, the caseload for a référent. One model is
    /// built per <see cref="ScopeMode"/> (see <see cref="ScopeModelCacheKeyFactory"/>), so each filter is a plain
    /// predicate that the database can serve from an index.
    /// </summary>
    private void ApplyScopeFilters(ModelBuilder modelBuilder, ScopeMode mode)
    {
        switch (mode)
        {
            case ScopeMode.Unrestricted:
                return;
            case ScopeMode.Organisation:
                modelBuilder.Entity<Participant>().HasQueryFilter(p => p.OrganisationId == Scope.OrganisationId);
                modelBuilder.Entity<ParticipantIdentity>().HasQueryFilter(i => i.OrganisationId == Scope.OrganisationId);
                modelBuilder.Entity<Pathway>().HasQueryFilter(p => p.OrganisationId == Scope.OrganisationId);
                modelBuilder.Entity<Step>().HasQueryFilter(s => Set<Pathway>().IgnoreQueryFilters()
                    .Any(pw => pw.Id == s.PathwayId && pw.OrganisationId == Scope.OrganisationId));
                break;
            case ScopeMode.Caseload:
                // Correlated sub-queries on the unfiltered set, not navigations: a navigation to a filtered entity
                // becomes a filtered derived table that the databases cannot probe by index.
                modelBuilder.Entity<Participant>().HasQueryFilter(p => p.OrganisationId == Scope.OrganisationId
                    && Set<Pathway>().IgnoreQueryFilters().Any(pw => pw.ParticipantId == p.Id && Scope.ReferentIds.Contains(pw.ReferentId!.Value)));
                modelBuilder.Entity<ParticipantIdentity>().HasQueryFilter(i => i.OrganisationId == Scope.OrganisationId
                    && Set<Pathway>().IgnoreQueryFilters().Any(pw => pw.ParticipantId == i.Id && Scope.ReferentIds.Contains(pw.ReferentId!.Value)));
                modelBuilder.Entity<Pathway>().HasQueryFilter(p => p.OrganisationId == Scope.OrganisationId
                    && Scope.ReferentIds.Contains(p.ReferentId!.Value));
                modelBuilder.Entity<Step>().HasQueryFilter(s => Set<Pathway>().IgnoreQueryFilters()
                    .Any(pw => pw.Id == s.PathwayId && pw.OrganisationId == Scope.OrganisationId && Scope.ReferentIds.Contains(pw.ReferentId!.Value)));
                break;
        }
        modelBuilder.Entity<Referent>().HasQueryFilter(r => r.OrganisationId == Scope.OrganisationId);
        modelBuilder.Entity<LetterEditorial>().HasQueryFilter(t => t.OrganisationId == Scope.OrganisationId);
    }

    /// <summary>
    /// A new context on the same database, for the same user (scope) and clock, with a connection of its own: the
    /// queries of one report run side by side on such contexts (<see cref="Reporting.ReportSnapshot"/>).
    /// </summary>
    internal ParcoursDbContext Sibling() =>
        new((DbContextOptions<ParcoursDbContext>)this.GetService<IDbContextOptions>(), Scope, clock);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        await CopyParticipantSexAsync(cancellationToken);
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
            entry.Entity.Version = entry.OriginalValues.GetValue<int>(nameof(IVersioned.Version)) + 1;

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries<PathwayEvent>().Where(e => e.State == EntityState.Added && e.Entity.RecordedAtUtc == default))
            entry.Entity.RecordedAtUtc = now;
        foreach (var entry in ChangeTracker.Entries<SituationChange>().Where(e => e.State == EntityState.Added && e.Entity.RecordedAtUtc == default))
            entry.Entity.RecordedAtUtc = now;

        if (!AuditEachRow) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var pending = AuditTrail.Collect(ChangeTracker);
        if (pending.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var written = await base.SaveChangesAsync(true, cancellationToken);
            AuditEntries.AddRange(pending.Select(p => p.ToEntry(now, Scope)));
            await base.SaveChangesAsync(true, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return written;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>
    /// Keeps <see cref="Pathway.ParticipantSex"/> equal to the participant's sex: set on every added (or re-attached) pathway, and on
    /// the pathways of a participant whose sex is corrected (they are saved, versioned and audited with this save).
    /// </summary>
    private async Task CopyParticipantSexAsync(CancellationToken ct)
    {
        var changed = false;
        foreach (var entry in ChangeTracker.Entries<Pathway>().Where(e => e.State == EntityState.Added
                     || (e.State == EntityState.Modified && e.Property(p => p.ParticipantId).IsModified)).ToList())
        {
            var pathway = entry.Entity;
            var participant = pathway.Participant
                ?? ChangeTracker.Entries<Participant>().FirstOrDefault(p => p.Entity.Id == pathway.ParticipantId)?.Entity;
            Sex? sex = participant?.Sex ?? await Participants.IgnoreQueryFilters().Where(p => p.Id == pathway.ParticipantId)
                .Select(p => (Sex?)p.Sex).FirstOrDefaultAsync(ct);
            if (sex is { } s && pathway.ParticipantSex != s) { pathway.ParticipantSex = s; changed = true; }
        }
        foreach (var entry in ChangeTracker.Entries<Participant>()
                     .Where(e => e.State == EntityState.Modified && e.Property(p => p.Sex).IsModified).ToList())
        {
            var (id, sex) = (entry.Entity.Id, entry.Entity.Sex);
            foreach (var pathway in await Pathways.IgnoreQueryFilters().Where(p => p.ParticipantId == id && p.ParticipantSex != sex).ToListAsync(ct))
            {
                pathway.ParticipantSex = sex;
                changed = true;
            }
        }
        if (changed) ChangeTracker.DetectChanges();
    }

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]) && i > 0 && char.IsUpper(name[i - 1]);
                if (previousIsLowerOrDigit || nextIsLower) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsDigit(c) && i > 0 && char.IsLetter(name[i - 1]) && !char.IsDigit(name[i - 1]))
            {
                sb.Append('_').Append(c);
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
