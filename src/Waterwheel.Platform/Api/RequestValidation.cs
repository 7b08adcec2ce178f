using FluentValidation;

namespace Waterwheel.Platform.Api;

/// <summary>
/// Handlers validate their own input, so the HTTP API and the console get the same answer, every bad field at once.
/// </summary>
public static class RequestValidation
{
    public static async Task<Error?> Check<T>(this IValidator<T> validator, T request, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(request, ct);
        return result.IsValid ? null : ProblemMapping.ValidationError(result.Errors);
    }
}
