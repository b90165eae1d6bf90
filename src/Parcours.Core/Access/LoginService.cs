using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Data;
using Parcours.Domain.Access;

namespace Parcours.Core.Access;

public enum LoginOutcome
{
    Success,
    InvalidCredentials,
    Locked,
}

public sealed record LoginResult(LoginOutcome Outcome, User? User, string? Message);

/// <summary>Checks a login and password, with lockout after repeated failures (<see cref="LoginPolicy"/>).</summary>
public sealed class LoginService(ParcoursDbContext db, IPasswordHasher<User> hasher, TimeProvider clock)
{
    public const string InvalidMessage = "Identifiant ou mot de passe incorrect.";
    public const string LockedMessage = "Ce compte est verrouillé après plusieurs échecs de connexion. Réessayez dans 15 minutes ou contactez votre administrateur.";

    public async Task<LoginResult> LoginAsync(string login, string password, CancellationToken ct = default)
    {
        var policy = LoginPolicy.Default;
        var now = clock.GetUtcNow().UtcDateTime;
        var normalised = login.Trim().ToLowerInvariant();
        var user = await db.Users.Include(u => u.Organisation).SingleOrDefaultAsync(u => u.Login == normalised, ct);
        if (user is null || !user.IsActive) return new LoginResult(LoginOutcome.InvalidCredentials, null, InvalidMessage);
        if (policy.IsLocked(user, now)) return new LoginResult(LoginOutcome.Locked, null, LockedMessage);

        var verification = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        db.Scope.ActAs(user.Login);
        if (verification == PasswordVerificationResult.Failed)
        {
            var locked = policy.RecordFailure(user, now);
            await db.SaveChangesAsync(ct);
            return locked
                ? new LoginResult(LoginOutcome.Locked, null, LockedMessage)
                : new LoginResult(LoginOutcome.InvalidCredentials, null, InvalidMessage);
        }
        if (verification == PasswordVerificationResult.SuccessRehashNeeded) user.PasswordHash = hasher.HashPassword(user, password);
        if (user.FailedLoginCount != 0 || user.LockedUntilUtc is not null || verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            policy.RecordSuccess(user);
            await db.SaveChangesAsync(ct);
        }
        return new LoginResult(LoginOutcome.Success, user, null);
    }

    /// <summary>Référent ids a user may see: their own, and those shared with them by a coordinator.</summary>
    public static async Task<List<long>> VisibleReferentsAsync(ParcoursDbContext db, long userId, long? ownReferentId, CancellationToken ct)
    {
        var shared = await db.CaseloadShares.Where(s => s.SharedWithUserId == userId).Select(s => s.ReferentId).ToListAsync(ct);
        if (ownReferentId is { } own) shared.Add(own);
        return shared;
    }
}
