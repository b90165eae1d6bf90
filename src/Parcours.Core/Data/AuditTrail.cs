using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Parcours.Core.Access;
using Parcours.Domain.Access;
using Parcours.Domain.Pathways;
using Parcours.Domain.Reporting;

namespace Parcours.Core.Data;

/// <summary>
/// Builds audit entries from the change tracker: who, when, which record, which fields, values before and
/// after. Values of identity fields are replaced by «modifié» so that the log never copies names, NIR or contacts.
/// </summary>
internal static class AuditTrail
{
    private static readonly HashSet<Type> Audited =
    [
        typeof(Participant), typeof(ParticipantIdentity), typeof(Pathway), typeof(Step), typeof(Barrier),
        typeof(CommitmentContract), typeof(Appointment), typeof(User), typeof(CaseloadShare), typeof(Referent),
        typeof(PathwayDocument), typeof(RsaOrientation), typeof(Domain.Fse.Operation), typeof(Domain.Fse.Financing),
        typeof(Domain.Offer.InsertionAction), typeof(Domain.Offer.MonthlyReport), typeof(Domain.Clauses.ClauseMarket), typeof(Domain.Clauses.ClauseHours),
        typeof(SituationChange), typeof(TripartiteReview), typeof(EmploymentFollowUp), typeof(ExitProposal), typeof(LetterEditorial),
    ];

    /// <summary>Fields whose values never enter the log.</summary>
    private static readonly HashSet<string> Masked =
    [
        nameof(ParticipantIdentity.LastName), nameof(ParticipantIdentity.BirthName), nameof(ParticipantIdentity.FirstName),
        nameof(ParticipantIdentity.BirthDate), nameof(ParticipantIdentity.Nir), nameof(ParticipantIdentity.FranceTravailId),
        nameof(ParticipantIdentity.CafNumber), nameof(ParticipantIdentity.AddressLine), nameof(ParticipantIdentity.PostalCode),
        nameof(ParticipantIdentity.CommuneInsee), nameof(ParticipantIdentity.Phone), nameof(ParticipantIdentity.Email),
        nameof(ParticipantIdentity.SearchName), nameof(Appointment.Note), nameof(User.PasswordHash),
        nameof(TripartiteReview.Conclusions),
    ];

    internal sealed record Pending(EntityEntry Entry, string Action, Dictionary<string, object?[]> Changes, long? OrganisationId)
    {
        public AuditEntry ToEntry(DateTime now, AccessScope scope) => new()
        {
            AtUtc = now,
            UserId = scope.UserId,
            Actor = scope.Actor,
            OrganisationId = OrganisationId ?? (scope.Unrestricted ? null : scope.OrganisationId),
            EntityType = Entry.Metadata.ClrType.Name,
            EntityId = Entry.Property("Id").CurrentValue is long id ? id : 0,
            Action = Action,
            Changes = Changes.Count == 0 ? null : JsonSerializer.Serialize(Changes),
        };
    }

    public static List<Pending> Collect(ChangeTracker tracker)
    {
        var result = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (!Audited.Contains(entry.Metadata.ClrType)) continue;
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var changes = new Dictionary<string, object?[]>();
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                if (name is "Id" or nameof(IVersioned.Version)) continue;
                var before = entry.State == EntityState.Added ? null : property.OriginalValue;
                var after = entry.State == EntityState.Deleted ? null : property.CurrentValue;
                if (entry.State == EntityState.Modified && !property.IsModified) continue;
                if (Equals(before, after)) continue;
                changes[name] = Masked.Contains(name) ? ["modifié"] : [Format(before), Format(after)];
            }
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            var action = entry.State switch { EntityState.Added => "Created", EntityState.Deleted => "Deleted", _ => "Updated" };
            long? organisationId = entry.Metadata.FindProperty("OrganisationId") is not null
                ? entry.Property("OrganisationId").CurrentValue as long?
                : null;
            result.Add(new Pending(entry, action, changes, organisationId));
        }
        return result;
    }

    private static object? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd"),
        DateTime t => t.ToString("O"),
        Enum e => e.ToString(),
        _ => value,
    };
}
