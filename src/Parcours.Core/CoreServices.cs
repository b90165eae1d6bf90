using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.Core.Pathways;
using Parcours.Domain.Access;

namespace Parcours.Core;

public static class CoreServices
{
    /// <summary>Registers the database, the access scope and the use cases shared by the web host and the CLI.</summary>
    public static IServiceCollection AddParcoursCore(this IServiceCollection services, DatabaseTarget target)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(target);
        services.AddScoped<AccessScope>();
        services.AddDbContext<ParcoursDbContext>(o => ParcoursDatabase.Configure(o, target));
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddScoped<LoginService>();
        services.AddScoped<ParticipantQueries>();
        services.AddScoped<ReassignReferent>();
        services.TryAddSingleton(new PathwayPolicies(PathwayPolicies.WorkspaceDefault));
        services.AddScoped<PathwayWorkflow>();
        services.AddScoped<CaseloadQueries>();
        services.AddScoped<PathwayWorkspaceQueries>();
        return services;
    }
}
