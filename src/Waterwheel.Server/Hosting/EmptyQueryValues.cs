using Microsoft.AspNetCore.Http.Extensions;

namespace Waterwheel.Server.Hosting;

/// <summary>
/// An empty query value (<c>?status=&amp;from=</c>) means "no filter": a form or link sends every field, set or not, and
/// minimal APIs would otherwise refuse to bind an enum, a date or a number from "" with a 400. Dropping such pairs before
/// routing lets every endpoint's nullable filters stay unset, in one place instead of per endpoint.
/// </summary>
internal static class EmptyQueryValues
{
    public static IApplicationBuilder UseEmptyQueryValuesAsAbsent(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") && request.Query.Any(p => p.Value.All(string.IsNullOrEmpty)))
        {
            var kept = new QueryBuilder();
            foreach (var (key, values) in request.Query)
                foreach (var value in values)
                    if (!string.IsNullOrEmpty(value)) kept.Add(key, value);
            request.QueryString = kept.ToQueryString();
        }
        return next(context);
    });
}
