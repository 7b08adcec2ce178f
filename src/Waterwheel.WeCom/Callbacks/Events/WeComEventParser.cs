using System.Xml.Linq;
using Waterwheel.WeCom.Callbacks.Crypto;

namespace Waterwheel.WeCom.Callbacks.Events;

/// <summary>
/// Turns decrypted event XML into a typed event. Unknown elements are ignored and unknown event kinds become
/// <see cref="UnknownEvent"/>; only XML that does not parse at all is an error (the official −40002).
/// </summary>
public static class WeComEventParser
{
    public static CryptoResult<WeComEvent> Parse(string? xml)
    {
        var root = SafeXml.TryParseRoot(xml);
        if (root is null) return CryptoErrorCode.ParseXml;
        var header = new EventHeader(
            Text(root, "ToUserName") ?? "", Text(root, "FromUserName") ?? "", Long(root, "CreateTime") ?? 0,
            Text(root, "MsgType") ?? "", Text(root, "Event") ?? "", Text(root, "ChangeType") ?? "");

        WeComEvent? parsed = header.Event switch
        {
            "change_external_contact" => Contact(root, header),
            "change_external_chat" => Chat(root, header),
            "change_external_tag" => new ExternalTagChanged(header, Text(root, "Id") ?? "", Text(root, "TagType") ?? "", Text(root, "StrategyId")),
            _ => null,
        };
        return parsed ?? new UnknownEvent(header, xml!);
    }

    private static ExternalContactEvent? Contact(XElement root, EventHeader h)
    {
        var user = Text(root, "UserID") ?? "";
        var customer = Text(root, "ExternalUserID") ?? "";
        return h.ChangeType switch
        {
            "add_external_contact" => new ExternalContactAdded(h, user, customer, Text(root, "State"), Text(root, "WelcomeCode"), false),
            "add_half_external_contact" => new ExternalContactAdded(h, user, customer, Text(root, "State"), Text(root, "WelcomeCode"), true),
            "edit_external_contact" => new ExternalContactEdited(h, user, customer),
            "del_external_contact" => new ExternalContactDeletedByStaff(h, user, customer, Text(root, "Source")),
            "del_follow_user" => new FollowUserDeleted(h, user, customer),
            "transfer_fail" => new TransferFailed(h, user, customer, Text(root, "FailReason")),
            "msg_audit_approved" => new MsgAuditApproved(h, user, customer, Text(root, "WelcomeCode")),
            _ => null,
        };
    }

    private static ExternalChatEvent? Chat(XElement root, EventHeader h)
    {
        var chatId = Text(root, "ChatId") ?? "";
        return h.ChangeType switch
        {
            "create" => new ExternalChatCreated(h, chatId),
            "dismiss" => new ExternalChatDismissed(h, chatId),
            "update" => new ExternalChatUpdated(h, chatId, Text(root, "UpdateDetail") ?? "",
                Int(root, "JoinScene"), Int(root, "QuitScene"), Int(root, "MemChangeCnt"),
                root.Element("MemChangeList")?.Elements("Item").Select(i => i.Value.Trim()).ToArray() ?? [],
                Text(root, "LastMemVer"), Text(root, "CurMemVer")),
            _ => null,
        };
    }

    private static string? Text(XElement root, string name)
    {
        var value = root.Element(name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static long? Long(XElement root, string name) => long.TryParse(Text(root, name), out var v) ? v : null;

    private static int? Int(XElement root, string name) => int.TryParse(Text(root, name), out var v) ? v : null;
}
