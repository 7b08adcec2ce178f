namespace Waterwheel.Platform.Api;

/// <summary>What went wrong, as a value: handlers return it and one mapper turns it into HTTP.</summary>
public enum ErrorKind { Validation, NotFound, Conflict, Forbidden, PreconditionFailed, PreconditionRequired }

public sealed record Error(ErrorKind Kind, string Code, string Message, IReadOnlyDictionary<string, string[]>? Fields = null)
{
    public static Error NotFound(string what) => new(ErrorKind.NotFound, "not_found", ValidationText.Format("NotFound", ValidationText.Name(what)));

    public static Error Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);

    public static Error Forbidden(string code, string message) => new(ErrorKind.Forbidden, code, message);

    public static Error StaleVersion() =>
        new(ErrorKind.PreconditionFailed, "stale_version", ValidationText.Get("StaleVersion"));

    public static Error PreconditionRequired() =>
        new(ErrorKind.PreconditionRequired, "if_match_required", ValidationText.Get("IfMatchRequired"));

    public static Error Invalid(string field, string message) =>
        new(ErrorKind.Validation, "validation_failed", message, new Dictionary<string, string[]> { [field] = [message] });
}
