namespace Waterwheel.Acquisition.Routing;

/// <summary>
/// A single-member WeCom contact way of one staff member for one nearest-store code: the QR the landing page shows
/// once it has picked that staff member. Its state (unique in the tenant) names the code, so the add it brings is
/// the code's arrival. Made the first time the staff member is picked and kept for the code's life (ADR 16).
/// </summary>
internal sealed class StoreWay
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public Guid CodeId { get; init; }
    public required string WeComUserId { get; init; }
    public required string State { get; init; }
    public required string ConfigId { get; init; }
    public required string QrCodeUrl { get; init; }
    public DateTime CreatedAt { get; init; }

    /// <summary>"ls" and the random tail of a fresh UUIDv7: 14 characters, meaningless to the customer who reads it.</summary>
    public static string NewState() => "ls" + Guid.CreateVersion7().ToString("N")[20..];
}
