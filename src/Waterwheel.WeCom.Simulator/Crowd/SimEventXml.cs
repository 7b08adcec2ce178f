using System.Text;

namespace Waterwheel.WeCom.Simulator.Crowd;

/// <summary>Event XML in WeCom's layout: the common header, then the event's own fields, strings in CDATA.</summary>
internal static class SimEventXml
{
    public static string Build(string corpId, long createTime, string @event, string changeType, params (string Name, string? Value)[] fields)
    {
        var xml = new StringBuilder("<xml>");
        Cdata(xml, "ToUserName", corpId);
        Cdata(xml, "FromUserName", "sys");
        xml.Append("<CreateTime>").Append(createTime).Append("</CreateTime>");
        Cdata(xml, "MsgType", "event");
        Cdata(xml, "Event", @event);
        Cdata(xml, "ChangeType", changeType);
        foreach (var (name, value) in fields)
            if (value is not null) Cdata(xml, name, value);
        return xml.Append("</xml>").ToString();
    }

    /// <summary>Splices in change_external_chat's MemChangeList, whose nested Item elements the flat builder cannot express.</summary>
    public static string WithMemChangeList(string xml, IEnumerable<string> members)
    {
        var items = string.Concat(members.Select(m => $"<Item><![CDATA[{m}]]></Item>"));
        return xml.Replace("<LastMemVer>", $"<MemChangeList>{items}</MemChangeList><LastMemVer>", StringComparison.Ordinal);
    }

    private static void Cdata(StringBuilder xml, string name, string value) =>
        xml.Append('<').Append(name).Append("><![CDATA[").Append(value.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal))
            .Append("]]></").Append(name).Append('>');
}
