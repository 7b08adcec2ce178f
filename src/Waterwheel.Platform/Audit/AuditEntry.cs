namespace Waterwheel.Platform.Audit;

/// <summary>One append-only line of the audit log: who did what, when, from where.</summary>
internal sealed class AuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Null only for events that name no known tenant, such as a sign-in with an unknown user name.</summary>
    public Guid? TenantId { get; init; }
    public DateTime At { get; init; }
    public required string Action { get; init; }
    public string ActorKind { get; init; } = "user";
    public Guid? ActorId { get; init; }
    public required string ActorName { get; init; }
    public string? TargetType { get; init; }
    public string? TargetId { get; init; }
    public string Summary { get; init; } = "";
    public string? Ip { get; init; }
    public string? UserAgent { get; init; }
}
