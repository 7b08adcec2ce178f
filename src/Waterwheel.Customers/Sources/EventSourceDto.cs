namespace Waterwheel.Customers.Sources;

public sealed record EventSourceDto(Guid Id, string Name, string KeyHint, DateTime CreatedAt, string CreatedBy, DateTime? RevokedAt)
{
    internal static EventSourceDto From(EventSource s) => new(s.Id, s.Name, s.KeyHint, s.CreatedAt, s.CreatedBy, s.RevokedAt);
}

public sealed record CreateEventSourceRequest(string Name);

/// <summary>The new source and its write key, which is shown this once and never again.</summary>
public sealed record CreatedEventSource(EventSourceDto Source, string WriteKey);
