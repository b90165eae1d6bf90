using Parcours.Domain.Access;

namespace Parcours.Domain.Tests.Access;

public class LoginPolicyTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    private static User NewUser() => new() { Login = "referent1-1", DisplayName = "Claire Martin" };

    [Fact]
    public void RecordFailure_FourFailures_AccountNotLocked()
    {
        // Arrange
        var policy = LoginPolicy.Default;
        var user = NewUser();

        // Act
        var locked = Enumerable.Range(0, 4).Select(i => policy.RecordFailure(user, Now.AddSeconds(i))).ToList();

        // Assert
        Assert.All(locked, Assert.False);
        Assert.False(policy.IsLocked(user, Now.AddSeconds(5)));
        Assert.Null(user.LockedUntilUtc);
    }

    [Fact]
    public void RecordFailure_FifthFailure_LocksForFifteenMinutes()
    {
        // Arrange
        var policy = LoginPolicy.Default;
        var user = NewUser();
        for (var i = 0; i < 4; i++) policy.RecordFailure(user, Now);

        // Act
        var locked = policy.RecordFailure(user, Now);

        // Assert
        Assert.True(locked);
        Assert.Equal(Now.AddMinutes(15), user.LockedUntilUtc);
        Assert.True(policy.IsLocked(user, Now));
        Assert.True(policy.IsLocked(user, Now.AddMinutes(15).AddSeconds(-1)));
        Assert.False(policy.IsLocked(user, Now.AddMinutes(15)));
    }

    [Fact]
    public void RecordSuccess_AfterFourFailures_ResetsTheCount()
    {
        // Arrange
        var policy = LoginPolicy.Default;
        var user = NewUser();
        for (var i = 0; i < 4; i++) policy.RecordFailure(user, Now);

        // Act
        policy.RecordSuccess(user);
        var lockedAfterFourMore = Enumerable.Range(0, 4).Select(_ => policy.RecordFailure(user, Now)).Any(l => l);

        // Assert
        Assert.False(lockedAfterFourMore);
        Assert.False(policy.IsLocked(user, Now));
        Assert.Equal(4, user.FailedLoginCount);
    }

    [Fact]
    public void RecordSuccess_LockedAccount_Unlocks()
    {
        // Arrange
        var policy = LoginPolicy.Default;
        var user = NewUser();
        for (var i = 0; i < 5; i++) policy.RecordFailure(user, Now);

        // Act
        policy.RecordSuccess(user);

        // Assert
        Assert.False(policy.IsLocked(user, Now));
        Assert.Equal(0, user.FailedLoginCount);
        Assert.Null(user.LockedUntilUtc);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(10)]
    public void RecordFailure_ConfiguredMaximum_LocksOnThatFailure(int max)
    {
        // Arrange
        var policy = new LoginPolicy(MaxFailedAttempts: max, LockoutMinutes: 30);
        var user = NewUser();

        // Act
        var firstLock = Enumerable.Range(1, max + 1).First(n => policy.RecordFailure(user, Now));

        // Assert
        Assert.Equal(max, firstLock);
        Assert.Equal(Now.AddMinutes(30), user.LockedUntilUtc);
    }
}
