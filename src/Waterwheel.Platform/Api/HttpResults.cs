using Microsoft.AspNetCore.Http.HttpResults;

namespace Waterwheel.Platform.Api;

/// <summary>Turns a handler's <see cref="Result{T}"/> into a typed HTTP answer.</summary>
public static class HttpResults
{
    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();

    public static Results<Created<T>, ProblemHttpResult> ToCreated<T>(this Result<T> result, Func<T, string> location) =>
        result.IsSuccess ? TypedResults.Created(location(result.Value!), result.Value!) : result.Error!.ToProblem();

    /// <summary>An editable resource answers with its version as ETag.</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToOkWithETag<T>(this Result<T> result, HttpResponse response, Func<T, int> version)
    {
        if (result.IsSuccess) ETags.Write(response, version(result.Value!));
        return result.ToOk();
    }
}
