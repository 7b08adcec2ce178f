using System.Text.Json;

namespace Waterwheel.WeCom.Simulator.State;

/// <summary>One member's part of a mass message: 0 until the member confirms it in the client, then 2 (sent).</summary>
public sealed class SimMassTask
{
    public int Status { get; set; }
    public long SendTime { get; set; }
}

/// <summary>One recipient (a customer, or a group for chat_type=group). Status: 0 unsent, 1 sent, 2 not a friend, 3 quota.</summary>
public sealed class SimMassTarget
{
    public required string Userid { get; init; }
    public string? ExternalUserid { get; init; }
    public string? ChatId { get; init; }
    public int Status { get; set; }
    public long SendTime { get; set; }
}

/// <summary>A mass message task created by add_msg_template; nothing is sent until members confirm.</summary>
public sealed class SimMassMessage
{
    public required string Msgid { get; init; }
    public required string ChatType { get; init; }
    public string Creator { get; init; } = "";
    public long CreateTime { get; init; }
    /// <summary>0 created by the corp (API), 1 by a member in the client.</summary>
    public int CreateType { get; init; }
    public string? Text { get; init; }
    public JsonElement? Attachments { get; init; }
    public Dictionary<string, SimMassTask> Tasks { get; } = [];
    public List<SimMassTarget> Targets { get; } = [];
    public bool Cancelled { get; set; }
    public List<DateTimeOffset> Reminders { get; } = [];
}
