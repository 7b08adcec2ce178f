namespace Waterwheel.WeCom.Contracts;

public enum WeComTagStatus
{
    Done,

    /// <summary>The request breaks a rule before reaching WeCom (an empty or too long name, nothing to do).</summary>
    Invalid,

    /// <summary>The tenant has no working WeCom connection.</summary>
    NotConnected,

    /// <summary>A group or tag with this name exists already (WeCom 40071).</summary>
    NameExists,

    /// <summary>WeCom knows no such tag or group, or it was deleted (WeCom 40068).</summary>
    NotFound,

    /// <summary>The customer has no relationship with the staff member, or none at all (WeCom 84061/40096).</summary>
    NoRelation,

    /// <summary>WeCom refused for a setting an admin must fix (app permissions, visible range, trusted IP, secret).</summary>
    Refused,

    /// <summary>Anything else; <see cref="WeComTagOutcome.Retryable"/> says whether trying again later may help.</summary>
    Failed,
}

/// <summary>How a tag call went. Error is written for an operator in their language and carries no personal data.</summary>
public record WeComTagOutcome(WeComTagStatus Status, string? Error = null, bool Retryable = false)
{
    public bool IsDone => Status == WeComTagStatus.Done;
}

/// <summary>How a tag call went, with its result when it is done.</summary>
public sealed record WeComTagOutcome<T>(WeComTagStatus Status, T? Value = default, string? Error = null, bool Retryable = false)
    : WeComTagOutcome(Status, Error, Retryable)
{
    public static WeComTagOutcome<T> Of(WeComTagOutcome failed) => new(failed.Status, default, failed.Error, failed.Retryable);
}
