namespace Waterwheel.WeCom.Simulator.State;

/// <summary>A customer transfer, on-job or of a member who left. Status: 1 done, 2 waiting (24 h), 3 refused, 4 takeover member's limit reached.</summary>
public sealed class SimTransfer
{
    /// <summary>Started by resigned/transfer_customer; such transfers are listed by resigned/transfer_result only.</summary>
    public bool Resigned { get; init; }
    public required string Handover { get; init; }
    public required string Takeover { get; init; }
    public required string ExternalUserid { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public int Status { get; set; } = 2;
    public long TakeoverTime { get; set; }
}

/// <summary>A customer group that changed owner through the API; WeCom caps these at 300 per original owner per day.</summary>
public sealed record SimGroupTransfer(string ChatId, string OriginalOwner, string NewOwner, DateTimeOffset At, bool OnJob);

/// <summary>A 群活码 (join_way) configuration.</summary>
public sealed class SimJoinWay
{
    public required string ConfigId { get; init; }
    public int Scene { get; set; }
    public string Remark { get; set; } = "";
    public int AutoCreateRoom { get; set; } = 1;
    public string RoomBaseName { get; set; } = "";
    public long RoomBaseId { get; set; }
    public List<string> ChatIds { get; set; } = [];
    public string State { get; set; } = "";
    public string QrCode => $"https://wework.qpic.cn/simulator/join/{ConfigId}/0";
}
