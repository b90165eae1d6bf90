namespace Parcours.Core.Tests.Support;

/// <summary>A clock stopped at one instant, in UTC, so that «today» and audit timestamps are known to the test.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);
}
