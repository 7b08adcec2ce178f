using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Waterwheel.Platform.Api;

namespace Waterwheel.Server.Hosting;

/// <summary>Every error leaves as RFC 9457 ProblemDetails with a stable <c>code</c> and the trace id.</summary>
internal static class ApiConventions
{
    public static IServiceCollection AddApiConventions(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions.TryAdd("code", CodeFor(problem.Status));
            problem.Extensions.TryAdd("traceId", context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        // A body that is not valid JSON, or a query value of the wrong type, should say what was wrong.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(ApiDocument.Describe);
        return services;
    }

    private static string CodeFor(int? status) => status switch
    {
        400 => "bad_request",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        412 => "stale_version",
        428 => "if_match_required",
        429 => "too_many_requests",
        415 => "unsupported_media_type",
        _ => status >= 500 ? "internal_error" : "error",
    };

    /// <summary>Unexpected failures: logged with the trace id, answered without internals.</summary>
    private sealed class UnhandledExceptionHandler(IProblemDetailsService problems, ILogger<UnhandledExceptionHandler> log) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
        {
            // A lost race on a row version or a unique index, or bad paging, is the client's 4xx, not our 500.
            var answer = exception is InvalidRequestException invalid ? invalid.Error : DatabaseErrors.ToError(exception);
            if (answer is not null)
            {
                await answer.ToProblem().ExecuteAsync(context);
                return true;
            }
            var badRequest = exception is BadHttpRequestException;
            if (!badRequest) log.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.StatusCode = badRequest ? ((BadHttpRequestException)exception).StatusCode : StatusCodes.Status500InternalServerError;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = context.Response.StatusCode,
                    Title = badRequest ? exception.Message : "Something went wrong on our side; the trace id identifies it in the logs.",
                    Extensions = { ["code"] = badRequest ? "malformed_request" : "internal_error" },
                },
            });
        }
    }
}
