namespace Waterwheel.WeCom.Simulator.State;

/// <summary>An on-job transfer. Status: 1 done, 2 waiting (24 h), 3 refused, 4 takeover member's limit reached.</summary>
public sealed class SimTransfer
{
    public required string Handover { get; init; }
    public required string Takeover { get; init; }
    public required string ExternalUserid { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public int Status { get; set; } = 2;
    public long TakeoverTime { get; set; }
}

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
