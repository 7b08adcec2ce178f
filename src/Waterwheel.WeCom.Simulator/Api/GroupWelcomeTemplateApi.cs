using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Api;

/// <summary>
/// Group welcome templates (spec §4.3): text ≤3000 bytes (%NICKNAME% is stored as written; WeCom fills it in when
/// it greets a joiner) and at most one attachment of the send_welcome_msg kinds, each a top-level field.
/// </summary>
internal static class GroupWelcomeTemplateApi
{
    public const int MaxTemplates = 100;
    public const int MaxTextBytes = 3000;
    public const int QuotaReached = 41055;

    // Each attachment kind and the fields it cannot do without ("|" = either).
    private static readonly (string Field, string[] Required)[] Kinds =
    [
        ("image", ["media_id|pic_url"]), ("link", ["title", "url"]), ("miniprogram", ["title", "pic_media_id", "appid", "page"]),
        ("file", ["media_id"]), ("video", ["media_id"]),
    ];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Post("externalcontact/group_welcome_template/add", (corp, r) =>
        {
            if (corp.GroupWelcomeTemplates.Count >= MaxTemplates) return SimJson.Error(QuotaReached);
            var template = new SimGroupWelcomeTemplate { TemplateId = corp.NewId("msg"), CreateTime = r.Now };
            if (Apply(template, r) is { } refused) return refused;
            corp.GroupWelcomeTemplates[template.TemplateId] = template;
            return SimJson.Ok(new() { ["template_id"] = template.TemplateId });
        });

        routes.Post("externalcontact/group_welcome_template/edit", (corp, r) =>
        {
            if (!corp.GroupWelcomeTemplates.TryGetValue(r.Str("template_id") ?? "", out var template)) return SimJson.Error(SimErrors.InvalidParameter);
            // Validate on a copy so a refused edit leaves the stored template as it was.
            var edited = new SimGroupWelcomeTemplate
            {
                TemplateId = template.TemplateId, CreateTime = template.CreateTime, Text = template.Text,
                AttachmentField = template.AttachmentField, Attachment = template.Attachment, Agentid = template.Agentid,
            };
            if (Apply(edited, r) is { } refused) return refused;
            corp.GroupWelcomeTemplates[template.TemplateId] = edited;
            return SimJson.Ok();
        });

        routes.Post("externalcontact/group_welcome_template/get", (corp, r) =>
        {
            if (!corp.GroupWelcomeTemplates.TryGetValue(r.Str("template_id") ?? "", out var template)) return SimJson.Error(SimErrors.InvalidParameter);
            var fields = new Dictionary<string, object?> { ["text"] = new Dictionary<string, object?> { ["content"] = template.Text ?? "" } };
            if (template.AttachmentField is { } field) fields[field] = template.Attachment;
            return SimJson.Ok(fields);
        });

        routes.Post("externalcontact/group_welcome_template/del", (corp, r) =>
            corp.GroupWelcomeTemplates.Remove(r.Str("template_id") ?? "") ? SimJson.Ok() : SimJson.Error(SimErrors.InvalidParameter));
    }

    /// <summary>Applies the request's text and attachment to the template, or answers why not (changing nothing).</summary>
    private static IResult? Apply(SimGroupWelcomeTemplate template, SimRequest r)
    {
        var text = r.Object("text")?.Str("content");
        if (text is not null && Encoding.UTF8.GetByteCount(text) > MaxTextBytes) return SimJson.Error(SimErrors.InvalidParameter);
        var given = Kinds.Where(k => r.Get(k.Field) is { ValueKind: JsonValueKind.Object }).ToList();
        if (given.Count > 1) return SimJson.Error(41065);
        if (given is [var kind])
        {
            var body = r.Object(kind.Field)!;
            if (!kind.Required.All(need => need.Split('|').Any(f => body.Str(f) is { Length: > 0 }))) return SimJson.Error(SimErrors.InvalidParameter);
        }
        var newText = text ?? template.Text;
        if (string.IsNullOrEmpty(newText) && given.Count == 0 && template.AttachmentField is null) return SimJson.Error(SimErrors.InvalidParameter);

        template.Text = newText;
        if (given is [var k])
        {
            template.AttachmentField = k.Field;
            template.Attachment = r.Get(k.Field)!.Value.Clone();
        }
        if (r.Long("agentid") is { } agentid) template.Agentid = agentid;
        return null;
    }
}
