namespace Parcours.Domain.Access;

/// <summary>Lockout after repeated failures. Product default: 5 failures lock the account for 15 minutes.</summary>
public sealed record LoginPolicy(int MaxFailedAttempts = 5, int LockoutMinutes = 15)
{
    public static LoginPolicy Default { get; } = new();

    public bool IsLocked(User user, DateTime nowUtc) => user.LockedUntilUtc is { } until && until > nowUtc;

    /// <summary>Records a failed attempt; returns true when this failure locks the account.</summary>
    public bool RecordFailure(User user, DateTime nowUtc)
    {
        user.FailedLoginCount++;
        if (user.FailedLoginCount < MaxFailedAttempts) return false;
        user.LockedUntilUtc = nowUtc.AddMinutes(LockoutMinutes);
        user.FailedLoginCount = 0;
        return true;
    }

    public void RecordSuccess(User user)
    {
        user.FailedLoginCount = 0;
        user.LockedUntilUtc = null;
    }
}
