namespace Waterwheel.WeCom.Callbacks.Events;

/// <summary>The fields every 客户联系 event carries; FromUserName is "sys" for these events.</summary>
public sealed record EventHeader(string ToUserName, string FromUserName, long CreateTime, string MsgType, string Event, string ChangeType);
