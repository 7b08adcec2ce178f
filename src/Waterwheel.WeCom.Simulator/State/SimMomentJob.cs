using System.Text.Json;

namespace Waterwheel.WeCom.Simulator.State;

/// <summary>
/// An add_moment_task job. It runs for <see cref="SimCorp.MomentJobDuration"/> of simulated time; the moment and
/// the invalid parts of the visible range are decided at creation and revealed once the job is done.
/// </summary>
public sealed class SimMomentJob
{
    public required string JobId { get; init; }
    public required string MomentId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset DoneAt { get; init; }
    public string? Text { get; init; }
    public JsonElement? Attachments { get; init; }
    public List<string> Senders { get; init; } = [];
    public List<string> Tags { get; init; } = [];
    public List<string> InvalidUsers { get; init; } = [];
    public List<long> InvalidDepartments { get; init; } = [];
    public List<string> InvalidTags { get; init; } = [];

    /// <summary>1 started (the first second), 2 running, 3 done.</summary>
    public int Status(DateTimeOffset now) => now >= DoneAt ? 3 : now - CreatedAt < TimeSpan.FromSeconds(1) ? 1 : 2;
}
