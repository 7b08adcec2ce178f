namespace Waterwheel.WeCom.Contracts;

/// <summary>
/// WeCom's 「联系我」 codes (contact_way) as another module may use them: Acquisition backs each live code with one.
/// Every call names the tenant and answers with an outcome, never an exception; a call refused before it reaches WeCom
/// (a state over 30 characters, no members) changes nothing there. WeCom chooses among a way's members by itself, so
/// a caller that wants caps or schedules keeps the member list to those who may take adds now (<see cref="Update"/>
/// keeps the printed QR). Ways count against a quota of 500,000 per corp shared with group codes (join_way), and a
/// deleted way gives none of it back.
/// </summary>
public interface IWeComContactWays
{
    /// <summary>Makes a QR code (scene 2) for the members; the value carries WeCom's config_id and the QR's URL.</summary>
    Task<ContactWayOutcome<CreatedContactWay>> Create(Guid tenantId, ContactWaySpec spec, CancellationToken ct);

    /// <summary>Replaces the way's members, state, remark and skip-verify; the config_id and printed QR stay.</summary>
    Task<ContactWayOutcome> Update(Guid tenantId, string configId, ContactWaySpec spec, CancellationToken ct);

    /// <summary>Removes the way from WeCom: its QR stops working. A way WeCom no longer knows counts as removed.</summary>
    Task<ContactWayOutcome> Delete(Guid tenantId, string configId, CancellationToken ct);

    /// <summary>The way as WeCom holds it now.</summary>
    Task<ContactWayOutcome<ContactWayState>> Get(Guid tenantId, string configId, CancellationToken ct);
}

/// <summary>
/// What a way should be. Single makes a one-member code (type 1, exactly one member, which can never become more);
/// otherwise a multi-member code (type 2, up to 100 members). State (≤ 30 characters) comes back on every add it brings.
/// </summary>
public sealed record ContactWaySpec(IReadOnlyList<string> UserIds, string State, bool SkipVerify = true, string? Remark = null, bool Single = false);

public sealed record CreatedContactWay(string ConfigId, string QrCodeUrl);

/// <summary>A way as WeCom reports it.</summary>
public sealed record ContactWayState(string ConfigId, bool Single, IReadOnlyList<string> UserIds, string State, bool SkipVerify, string Remark, string? QrCodeUrl);

public enum ContactWayStatus
{
    Done,

    /// <summary>The request breaks a rule before reaching WeCom (no members, too many, a state or remark over 30 characters).</summary>
    Invalid,

    /// <summary>The tenant has no working WeCom connection.</summary>
    NotConnected,

    /// <summary>WeCom knows no such way (41044).</summary>
    NotFound,

    /// <summary>The corp has used its 500,000 contact and group codes (41045).</summary>
    QuotaReached,

    /// <summary>A member is unknown to WeCom, not activated or not real-name verified (60111, 41054, 40098).</summary>
    UnusableMember,

    /// <summary>WeCom refused for a setting an admin must fix (app permissions, visible range, trusted IP, secret).</summary>
    Refused,

    /// <summary>Anything else; <see cref="ContactWayOutcome.Retryable"/> says whether trying again later may help.</summary>
    Failed,
}

/// <summary>How a contact way call went. Error is written for an operator and carries no personal data.</summary>
public record ContactWayOutcome(ContactWayStatus Status, string? Error = null, bool Retryable = false)
{
    public bool IsDone => Status == ContactWayStatus.Done;
}

/// <summary>How a contact way call went, with its result when it is done.</summary>
public sealed record ContactWayOutcome<T>(ContactWayStatus Status, T? Value = default, string? Error = null, bool Retryable = false)
    : ContactWayOutcome(Status, Error, Retryable)
{
    public static ContactWayOutcome<T> Of(ContactWayOutcome failed) => new(failed.Status, default, failed.Error, failed.Retryable);
}
