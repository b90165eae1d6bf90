using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Domain.Common;

namespace Parcours.Core.Pathways;

/// <summary>A coordinator hands a pathway to another référent of the programme; the audit log records it.</summary>
public sealed class ReassignReferent(ParcoursDbContext db, TimeProvider clock)
{
    public sealed record Input(long PathwayId, long ReferentId, int Version);

    /// <summary>Returns null when the pathway is not visible to the caller (the page answers «not found»).</summary>
    public async Task<ValidationResult?> ExecuteAsync(Input input, CancellationToken ct = default)
    {
        var pathway = await db.Pathways.SingleOrDefaultAsync(p => p.Id == input.PathwayId, ct);
        if (pathway is null) return null;
        if (pathway.Version != input.Version)
            return ValidationResult.Fail(null, "Ce parcours a été modifié par quelqu'un d'autre entre-temps : rechargez la page et recommencez.");
        var referent = await db.Referents.SingleOrDefaultAsync(r => r.Id == input.ReferentId && r.OrganisationId == pathway.OrganisationId, ct);
        if (referent is null) return ValidationResult.Fail("ReferentId", "Ce référent n'appartient pas au programme du parcours.");
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var result = pathway.AssignReferent(referent.Id, today);
        if (!result.IsValid) return result;
        db.Entry(pathway).Property(p => p.Version).OriginalValue = input.Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ValidationResult.Fail(null, "Ce parcours a été modifié par quelqu'un d'autre entre-temps : rechargez la page et recommencez.");
        }
        return result;
    }
}
