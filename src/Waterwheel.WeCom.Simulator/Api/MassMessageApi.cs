using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Api;

/// <summary>群发 (spec §4.6): creating a task, listing, per-member tasks, per-recipient results, remind and cancel.</summary>
internal static class MassMessageApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Post("externalcontact/add_msg_template", AddTemplate);

        routes.Post("externalcontact/get_groupmsg_list_v2", (corp, r) =>
        {
            var (start, end) = (r.Long("start_time") ?? 0, r.Long("end_time") ?? 0);
            var limit = (int)(r.Long("limit") ?? 50);
            if (end < start || end - start > 31 * 86400 || limit is < 1 or > 100) return SimJson.Error(SimErrors.InvalidParameter);
            var chatType = r.Str("chat_type") ?? "single";
            var filter = (int)(r.Long("filter_type") ?? 2);
            var creator = r.Str("creator");
            var found = corp.MassMessages.Values
                .Where(m => m.ChatType == chatType && m.CreateTime >= start && m.CreateTime <= end)
                .Where(m => filter == 2 || m.CreateType == filter)
                .Where(m => creator is null || m.Creator == creator)
                .OrderBy(m => m.CreateTime).ThenBy(m => m.Msgid, StringComparer.Ordinal).ToList();
            if (!SimPaging.TryPage(found, r.Str("cursor"), limit, out var page, out var next)) return SimJson.Error(SimErrors.InvalidParameter);
            return SimJson.Ok(new()
            {
                ["group_msg_list"] = page.Select(m => new Dictionary<string, object?>
                {
                    ["msgid"] = m.Msgid, ["creator"] = m.Creator, ["create_time"] = m.CreateTime, ["create_type"] = m.CreateType,
                    ["text"] = m.Text is null ? null : new Dictionary<string, object?> { ["content"] = m.Text },
                    ["attachments"] = m.Attachments,
                }).ToList(),
                ["next_cursor"] = next,
            });
        });

        routes.Post("externalcontact/get_groupmsg_task", (corp, r) =>
        {
            if (Dispatched(corp, r) is not { } message) return Refusal(corp, r);
            var limit = (int)(r.Long("limit") ?? 500);
            if (limit is < 1 or > 1000) return SimJson.Error(SimErrors.InvalidParameter);
            var tasks = message.Tasks.OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
            if (!SimPaging.TryPage(tasks, r.Str("cursor"), limit, out var page, out var next)) return SimJson.Error(SimErrors.InvalidParameter);
            return SimJson.Ok(new()
            {
                ["task_list"] = page.Select(t => new Dictionary<string, object?> { ["userid"] = t.Key, ["status"] = t.Value.Status, ["send_time"] = t.Value.SendTime }).ToList(),
                ["next_cursor"] = next,
            });
        });

        routes.Post("externalcontact/get_groupmsg_send_result", (corp, r) =>
        {
            if (Dispatched(corp, r) is not { } message) return Refusal(corp, r);
            var limit = (int)(r.Long("limit") ?? 500);
            if (limit is < 1 or > 1000 || r.Str("userid") is not { } userid) return SimJson.Error(SimErrors.InvalidParameter);
            var targets = message.Targets.Where(t => t.Userid == userid).ToList();
            if (!SimPaging.TryPage(targets, r.Str("cursor"), limit, out var page, out var next)) return SimJson.Error(SimErrors.InvalidParameter);
            return SimJson.Ok(new()
            {
                ["send_list"] = page.Select(t => new Dictionary<string, object?>
                {
                    ["external_userid"] = t.ExternalUserid, ["chat_id"] = t.ChatId, ["userid"] = t.Userid, ["status"] = t.Status, ["send_time"] = t.SendTime,
                }).ToList(),
                ["next_cursor"] = next,
            });
        });

        routes.Post("externalcontact/remind_groupmsg_send", (corp, r) =>
        {
            if (!corp.MassMessages.TryGetValue(r.Str("msgid") ?? "", out var message)) return SimJson.Error(SimErrors.InvalidParameter);
            if (message.Reminders.Count(at => r.Instant - at < TimeSpan.FromHours(24)) >= 3) return SimJson.Error(41094);
            message.Reminders.Add(r.Instant);
            return SimJson.Ok();
        });

        routes.Post("externalcontact/cancel_groupmsg_send", (corp, r) =>
        {
            if (!corp.MassMessages.TryGetValue(r.Str("msgid") ?? "", out var message)) return SimJson.Error(SimErrors.InvalidParameter);
            if (message.Cancelled) return SimJson.Error(41093);
            message.Cancelled = true;
            return SimJson.Ok();
        });
    }

    private static SimMassMessage? Dispatched(SimCorp corp, SimRequest r) =>
        corp.MassMessages.TryGetValue(r.Str("msgid") ?? "", out var m) && r.Now - m.CreateTime >= corp.MassDispatchDelay.TotalSeconds ? m : null;

    private static IResult Refusal(SimCorp corp, SimRequest r) =>
        SimJson.Error(corp.MassMessages.ContainsKey(r.Str("msgid") ?? "") ? 41063 : SimErrors.InvalidParameter);

    private static IResult AddTemplate(SimCorp corp, SimRequest r)
    {
        var chatType = r.Str("chat_type") ?? "single";
        var text = r.Object("text")?.Str("content");
        var attachments = r.Get("attachments") is { ValueKind: JsonValueKind.Array } a ? a.Clone() : (JsonElement?)null;
        var attachmentCount = attachments?.GetArrayLength() ?? 0;
        if (chatType is not ("single" or "group") || (text is null && attachmentCount == 0) || attachmentCount > 9
            || (text is not null && Encoding.UTF8.GetByteCount(text) > 4000))
            return SimJson.Error(SimErrors.InvalidParameter);

        var sender = r.Str("sender");
        if (sender is not null && !corp.Staff.ContainsKey(sender)) return SimJson.Error(60111);
        var message = new SimMassMessage { Msgid = corp.NewId("msg"), ChatType = chatType, Creator = sender ?? "", CreateTime = r.Now, Text = text, Attachments = attachments };
        var failed = new List<string>();

        if (chatType == "group")
        {
            if (sender is null) return SimJson.Error(SimErrors.InvalidParameter);
            var chats = r.Strings("chat_id_list") ?? corp.Groups.Values.Where(g => g.Owner == sender).Select(g => g.ChatId).ToList();
            if (chats.Count > 2000) return SimJson.Error(SimErrors.InvalidParameter);
            foreach (var chat in chats)
                if (corp.Groups.TryGetValue(chat, out var g) && g.Owner == sender) message.Targets.Add(new SimMassTarget { Userid = sender, ChatId = chat });
                else failed.Add(chat);
        }
        else
        {
            var customers = r.Strings("external_userid");
            if (customers is { Count: > 10_000 }) return SimJson.Error(SimErrors.InvalidParameter);
            var tagGroups = r.Object("tag_filter")?.Get("group_list") is { ValueKind: JsonValueKind.Array } gl
                ? gl.EnumerateArray().Select(g => g.TryGetProperty("tag_list", out var t) ? t.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : []).ToList()
                : [];
            var relations = corp.Follows.Where(f => sender is null || f.Userid == sender)
                .Where(f => customers is null || customers.Contains(f.ExternalUserid))
                // Every listed tag group must match at least one of its tags.
                .Where(f => tagGroups.All(g => g.Overlaps(f.TagIds))).ToList();
            foreach (var f in relations) message.Targets.Add(new SimMassTarget { Userid = f.Userid, ExternalUserid = f.ExternalUserid });
            failed.AddRange((customers ?? []).Where(c => relations.All(f => f.ExternalUserid != c)));
        }
        foreach (var userid in message.Targets.Select(t => t.Userid).Distinct()) message.Tasks[userid] = new SimMassTask();
        corp.MassMessages[message.Msgid] = message;
        return SimJson.Ok(new() { ["fail_list"] = failed, ["msgid"] = message.Msgid });
    }
}
