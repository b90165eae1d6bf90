using Microsoft.AspNetCore.Authorization;
using Parcours.Domain.Access;

namespace Parcours.Web.Infrastructure;

/// <summary>Authorization policies, by what they allow rather than by role name.</summary>
public static class Policies
{
    public const string ManageCaseloads = "ManageCaseloads";
    public const string ReadAudit = "ReadAudit";
    public const string ReadReports = "ReadReports";
    public const string ReadOwnDashboard = "ReadOwnDashboard";
    public const string ExchangeData = "ExchangeData";

    public static void Register(AuthorizationOptions options)
    {
        options.AddPolicy(ManageCaseloads, p => p.RequireAssertion(ctx => UserClaims.Roles(ctx.User).HasFlag(Role.Coordinator)));
        options.AddPolicy(ReadReports, p => p.RequireAssertion(ctx => (UserClaims.Roles(ctx.User) & (Role.Coordinator | Role.Administrator | Role.FseOfficer | Role.Reader)) != 0));
        options.AddPolicy(ReadOwnDashboard, p => p.RequireAssertion(ctx => UserClaims.Roles(ctx.User).HasFlag(Role.Referent)));
        options.AddPolicy(ExchangeData, p => p.RequireAssertion(ctx => ExchangeUploads.MayExchange(ctx.User)));
        options.AddPolicy(ReadAudit, p => p.RequireAssertion(ctx => (UserClaims.Roles(ctx.User) & (Role.Coordinator | Role.Administrator)) != 0));
    }
}
