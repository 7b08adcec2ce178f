namespace Waterwheel.WeCom.Tests.Events;

/// <summary>Builds event XML shaped like the official samples, with any extra elements appended.</summary>
internal static class EventXml
{
    public static string Of(string @event, string changeType, string extra, long createTime = 1403610513) =>
        $"<xml><ToUserName><![CDATA[ww123]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>" +
        $"<CreateTime>{createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{@event}]]></Event>" +
        $"<ChangeType><![CDATA[{changeType}]]></ChangeType>{extra}</xml>";

    public static string Contact(string changeType, string extra = "", long createTime = 1403610513) =>
        Of("change_external_contact", changeType,
            "<UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA]]></ExternalUserID>" + extra,
            createTime);
}
