using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Parcours.Core.Access;

namespace Parcours.Core.Data;

/// <summary>One cached model per scope mode: the query filters differ by mode (see ParcoursDbContext).</summary>
internal sealed class ScopeModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context is ParcoursDbContext parcours ? parcours.Scope.Mode : ScopeMode.Unrestricted, designTime);
}
