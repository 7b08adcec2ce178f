namespace Waterwheel.WeCom.Simulator.Crowd;

/// <summary>One try: the HTTP status the receiver answered, or why there was none (timeout, connection error).</summary>
public sealed record DeliveryAttempt(int? Status, string? Failure);

/// <summary>How a pushed callback fared. Every try carried the same query string and body.</summary>
public sealed record DeliveryReport(bool Delivered, IReadOnlyList<DeliveryAttempt> Attempts, string QueryString, string Body);
