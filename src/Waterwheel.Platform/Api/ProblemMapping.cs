using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Waterwheel.Platform.Api;

/// <summary>The one place where an <see cref="Error"/> becomes an RFC 9457 problem with a stable <c>code</c>.</summary>
public static class ProblemMapping
{
    public static ProblemHttpResult ToProblem(this Error error)
    {
        var status = error.Kind switch
        {
            ErrorKind.Validation => StatusCodes.Status400BadRequest,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
            ErrorKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
            _ => StatusCodes.Status500InternalServerError,
        };
        ProblemDetails problem = error.Fields is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(error.Fields.ToDictionary(f => f.Key, f => f.Value));
        problem.Status = status;
        problem.Title = error.Message;
        problem.Extensions["code"] = error.Code;
        return TypedResults.Problem(problem);
    }

    public static Error ValidationError(IEnumerable<FluentValidation.Results.ValidationFailure> failures)
    {
        var fields = failures
            .GroupBy(f => JsonFieldName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        return new Error(ErrorKind.Validation, "validation_failed", "One or more fields are invalid.", fields);
    }

    private static string JsonFieldName(string property) =>
        string.IsNullOrEmpty(property) ? property : char.ToLowerInvariant(property[0]) + property[1..];
}
