using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Parcours.Core.Access;
using Parcours.Core.Data;
using Parcours.Domain.Access;

namespace Parcours.Web.Infrastructure;

/// <summary>
/// Turns the authenticated user into the request's <see cref="AccessScope"/> (R-704): nothing for an anonymous
/// request; the whole organisation for coordinators, administrators, FSE officers and readers; the caseload, plus
/// shared caseloads, for a référent.
/// </summary>
public sealed class AccessScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AccessScope scope, DbContextOptions<ParcoursDbContext> options, TimeProvider clock)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || UserClaims.Long(user, UserClaims.UserId) is not { } userId
            || UserClaims.Long(user, UserClaims.OrganisationId) is not { } organisationId)
        {
            scope.RestrictToNothing();
            await next(context);
            return;
        }
        var roles = UserClaims.Roles(user);
        var wholeOrganisation = (roles & (Role.Coordinator | Role.Administrator | Role.FseOfficer | Role.Reader)) != 0;
        List<long> referents = [];
        if (!wholeOrganisation)
        {
            // A short-lived context of its own: the request's context must be created after the scope is set,
            // since its model (and query filters) depends on the scope mode.
            await using var lookup = new ParcoursDbContext(options, AccessScope.System("scope"), clock);
            referents = await LoginService.VisibleReferentsAsync(lookup, userId, UserClaims.Long(user, UserClaims.ReferentId), context.RequestAborted);
        }
        scope.RestrictTo(userId, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "?", organisationId, !wholeOrganisation, referents);
        await next(context);
    }
}
