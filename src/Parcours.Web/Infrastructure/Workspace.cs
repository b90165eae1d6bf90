using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Parcours.Core.Pathways;
using Parcours.Domain.Access;
using Parcours.Domain.Pathways;

namespace Parcours.Web.Infrastructure;

/// <summary>
/// A clock that tests set: «today» of the rules (alerts, 6-month validation) comes from the injected
/// <see cref="TimeProvider"/>, never from DateTime.Now.
/// </summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void SetToday(DateOnly today) => Now = new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}

/// <summary>Services of the référent's workspace, from the configuration: the test clock and the pathway policies.</summary>
public static class Workspace
{
    public const string TodayKey = "Parcours:Today";

    public static void AddWorkspace(WebApplicationBuilder builder)
    {
        // Test and demonstration only: a fixed «today» (yyyy-MM-dd).
        if (DateOnly.TryParseExact(builder.Configuration[TodayKey], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var today))
        {
            var clock = new SettableClock(DateTimeOffset.UtcNow);
            clock.SetToday(today);
            builder.Services.TryAddSingleton<TimeProvider>(clock);
        }
        // Codes travel as their names in the API, as in the exchange format (ADR 1).
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        var section = builder.Configuration.GetSection("Parcours:Pathways");
        var policy = Read(section, PathwayPolicies.WorkspaceDefault);
        var perOrganisation = section.GetSection("Organisations").GetChildren()
            .Where(c => long.TryParse(c.Key, out _))
            .ToDictionary(c => long.Parse(c.Key, CultureInfo.InvariantCulture), c => Read(c, policy));
        builder.Services.TryAddSingleton(new PathwayPolicies(policy, perOrganisation));
    }

    private static PathwayPolicy Read(IConfiguration c, PathwayPolicy fallback)
    {
        int Int(string key, int value) => int.TryParse(c[key], out var v) ? v : value;
        var max = c["MaxPathwayMonths"] switch
        {
            null => fallback.MaxPathwayMonths,
            "" => null,
            var s => int.TryParse(s, out var v) ? v : fallback.MaxPathwayMonths,
        };
        return fallback with
        {
            MaxConvocations = Int("MaxConvocations", fallback.MaxConvocations),
            NoStepAlertMonths = Int("NoStepAlertMonths", fallback.NoStepAlertMonths),
            ReviewAfterMonths = Int("ReviewAfterMonths", fallback.ReviewAfterMonths),
            MaxPathwayMonths = max,
            NoContactAlertDays = Int("NoContactAlertDays", fallback.NoContactAlertDays),
            ContractRenewalDays = Int("ContractRenewalDays", fallback.ContractRenewalDays),
            CaseloadNorm = Int("CaseloadNorm", fallback.CaseloadNorm),
            RsaOrientationWeeks = Int("RsaOrientationWeeks", fallback.RsaOrientationWeeks),
            RsaContractWeeks = Int("RsaContractWeeks", fallback.RsaContractWeeks),
            PreAssignmentDeadlineDays = Int("PreAssignmentDeadlineDays", fallback.PreAssignmentDeadlineDays),
            ConvocationDeadlineDays = Int("ConvocationDeadlineDays", fallback.ConvocationDeadlineDays),
            PreAssignmentMaxDays = Int("PreAssignmentMaxDays", fallback.PreAssignmentMaxDays),
        };
    }

    /// <summary>Who runs the commission and the coordination actions (pre-assignment, entry, exit validation, reassignment).</summary>
    public static bool IsCoordinator(System.Security.Claims.ClaimsPrincipal user) => user.Has(Role.Coordinator);

    /// <summary>Who may write in a pathway at all: référents (their caseload, by scope) and coordinators.</summary>
    public static bool CanWrite(System.Security.Claims.ClaimsPrincipal user) => user.Has(Role.Coordinator | Role.Referent);
}
