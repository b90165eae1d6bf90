using System.Globalization;
using System.Security.Claims;
using Parcours.Domain.Access;

namespace Parcours.Web.Infrastructure;

/// <summary>What the authentication cookie carries about the user.</summary>
public static class UserClaims
{
    public const string UserId = "parcours:user";
    public const string OrganisationId = "parcours:org";
    public const string OrganisationName = "parcours:orgname";
    public const string RolesClaim = "parcours:roles";
    public const string ReferentId = "parcours:referent";

    public static ClaimsPrincipal Create(User user, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.DisplayName),
            new(ClaimTypes.NameIdentifier, user.Login),
            new(UserId, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(OrganisationId, user.OrganisationId.ToString(CultureInfo.InvariantCulture)),
            new(OrganisationName, user.Organisation?.Name ?? ""),
            new(RolesClaim, ((int)user.Roles).ToString(CultureInfo.InvariantCulture)),
        };
        if (user.ReferentId is { } r) claims.Add(new Claim(ReferentId, r.ToString(CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    public static Role Roles(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(RolesClaim), out var roles) ? (Role)roles : Role.None;

    public static long? Long(ClaimsPrincipal user, string type) =>
        long.TryParse(user.FindFirstValue(type), out var value) ? value : null;

    public static bool Has(this ClaimsPrincipal user, Role role) => (Roles(user) & role) != 0;
}
