using Microsoft.AspNetCore.Antiforgery;

namespace Parcours.Web.Infrastructure;

/// <summary>
/// Cross-site request forgery protection of the JSON API. The API authenticates with the login cookie, which a
/// browser sends with any request to the site; SameSite=Lax stops most cross-site posts but not all (a sibling
/// subdomain, an older browser). So every write (POST, PUT, PATCH, DELETE under /api) by a signed-in user must
/// carry the antiforgery token in the <see cref="HeaderName"/> header: the one of <c>GET /api/v1/antiforgery</c>,
/// or the one of any page's forms (field <c>__RequestVerificationToken</c>). Without it: 400 and a French problem.
/// </summary>
public static class ApiAntiforgery
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public const string RefusedTitle = "Jeton anti-contrefaçon manquant ou invalide";

    public const string RefusedDetail =
        "Les écritures de l'API (POST, PUT, PATCH, DELETE) exigent le jeton anti-contrefaçon de la session : " +
        "obtenez-le par GET /api/v1/antiforgery et envoyez-le dans l'en-tête X-CSRF-TOKEN.";

    public sealed record AntiforgeryToken(string HeaderName, string Token);

    /// <summary><c>GET /api/v1/antiforgery</c>: the token of the signed-in user (and its cookie).</summary>
    public static void MapApiAntiforgery(this IEndpointRouteBuilder api) =>
        api.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(http);
                return TypedResults.Ok(new AntiforgeryToken(HeaderName, tokens.RequestToken!));
            })
            .WithName("GetAntiforgeryToken").WithTags("Parcours")
            .WithSummary("Jeton anti-contrefaçon de la session, à envoyer dans l'en-tête X-CSRF-TOKEN de chaque écriture (POST, PUT, PATCH, DELETE).");

    /// <summary>Refuses an API write of a signed-in user whose token is missing or does not match the session.</summary>
    public static IApplicationBuilder UseApiAntiforgery(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api") && IsWrite(context.Request.Method)
            && context.User.Identity?.IsAuthenticated == true)
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                await TypedResults.Problem(RefusedDetail, statusCode: StatusCodes.Status400BadRequest, title: RefusedTitle).ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    });

    private static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
}
