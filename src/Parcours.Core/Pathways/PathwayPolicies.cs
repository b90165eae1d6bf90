using Parcours.Domain.Pathways;

namespace Parcours.Core.Pathways;

/// <summary>
/// The pathway policy of each programme: a default for the installation and overrides per programme
/// organisation. The web host fills it from its configuration (section <c>Parcours:Pathways</c>).
/// </summary>
public sealed class PathwayPolicies(PathwayPolicy defaultPolicy, IReadOnlyDictionary<long, PathwayPolicy>? perOrganisation = null)
{
    /// <summary>
    /// Workspace default: the rules' defaults, with the 30-month maximum of the Dijon protocol, which the
    /// issue asks for by default. A programme without a maximum sets it to empty.
    /// </summary>
    public static PathwayPolicy WorkspaceDefault { get; } = PathwayPolicy.Default with { MaxPathwayMonths = 30 };

    public PathwayPolicy Default { get; } = defaultPolicy;

    public PathwayPolicy For(long organisationId) =>
        perOrganisation is not null && perOrganisation.TryGetValue(organisationId, out var policy) ? policy : Default;
}

/// <summary>«Today» for the rules, from the injected clock (tests replace the <see cref="TimeProvider"/>).</summary>
public static class Today
{
    public static DateOnly From(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
