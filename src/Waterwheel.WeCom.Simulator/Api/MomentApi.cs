using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Api;

/// <summary>
/// 企业朋友圈 (spec §4.8): add_moment_task checks the content at once and starts a job that finishes on the
/// simulator's clock; get_moment_task_result reports it. Media must be live upload_attachment ids.
/// </summary>
internal static class MomentApi
{
    public const int MaxTextChars = 2000;
    public const int MaxImages = 9;
    public const int MaxSenders = 100_000;
    public const int TooManyJobs = 41078;
    public const int BadAttachments = 41065;
    public const int BadMedia = 40007;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Post("externalcontact/add_moment_task", (corp, r) =>
        {
            var text = r.Object("text")?.Str("content");
            var attachments = r.Get("attachments") is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().ToList() : [];
            if (string.IsNullOrEmpty(text) && attachments.Count == 0) return SimJson.Error(SimErrors.InvalidParameter);
            if (text is not null && text.EnumerateRunes().Count() > MaxTextChars) return SimJson.Error(SimErrors.InvalidParameter);
            if (CheckAttachments(corp, attachments, r.Instant) is { } refused) return refused;
            var senders = r.Object("visible_range")?.Object("sender_list");
            var users = senders?.Strings("user_list") ?? [];
            var departments = senders?.Longs("department_list") ?? [];
            var tags = r.Object("visible_range")?.Object("external_contact_list")?.Strings("tag_list") ?? [];
            if (users.Count > MaxSenders) return SimJson.Error(SimErrors.InvalidParameter);
            if (corp.MomentJobs.Values.Count(j => j.Status(r.Instant) != 3) >= corp.MomentJobsRunningLimit) return SimJson.Error(TooManyJobs);

            var job = new SimMomentJob
            {
                JobId = corp.NewId("job"), MomentId = corp.NewId("mom"), CreatedAt = r.Instant, DoneAt = r.Instant + corp.MomentJobDuration,
                Text = text, Attachments = r.Get("attachments")?.Clone(), Senders = users, Tags = tags,
                InvalidUsers = users.Where(u => corp.Staff.GetValueOrDefault(u) is not { IsActive: true }).Distinct().ToList(),
                InvalidDepartments = departments.Where(d => corp.Departments.All(x => x.Id != d)).Distinct().ToList(),
                InvalidTags = tags.Where(t => corp.Tag(t) is null).Distinct().ToList(),
            };
            corp.MomentJobs[job.JobId] = job;
            return SimJson.Ok(new() { ["jobid"] = job.JobId });
        });

        routes.Get("externalcontact/get_moment_task_result", (corp, r) =>
        {
            if (!corp.MomentJobs.TryGetValue(r.Query("jobid") ?? "", out var job)) return SimJson.Error(40088);
            var status = job.Status(r.Instant);
            var fields = new Dictionary<string, object?> { ["status"] = status, ["type"] = "add_moment_task" };
            if (status == 3)
                fields["result"] = new Dictionary<string, object?>
                {
                    ["errcode"] = 0, ["errmsg"] = "ok", ["moment_id"] = job.MomentId,
                    ["invalid_sender_list"] = new Dictionary<string, object?> { ["user_list"] = job.InvalidUsers.ToList(), ["department_list"] = job.InvalidDepartments.ToList() },
                    ["invalid_external_contact_list"] = new Dictionary<string, object?> { ["tag_list"] = job.InvalidTags.ToList() },
                };
            return SimJson.Ok(fields);
        });
    }

    /// <summary>Up to 9 images, or 1 video, or 1 link, never mixed (41065); every media id live and of its type (40007).</summary>
    private static IResult? CheckAttachments(SimCorp corp, List<JsonElement> attachments, DateTimeOffset now)
    {
        var types = attachments.Select(a => a.ValueKind == JsonValueKind.Object && a.TryGetProperty("msgtype", out var t) ? t.GetString() : null).ToList();
        var allowed = types.Distinct().ToList() switch
        {
            [] => true,
            ["image"] => types.Count <= MaxImages,
            ["video"] or ["link"] => types.Count == 1,
            _ => false,
        };
        if (!allowed) return SimJson.Error(BadAttachments);
        foreach (var (attachment, type) in attachments.Zip(types))
        {
            var body = attachment.TryGetProperty(type!, out var b) && b.ValueKind == JsonValueKind.Object ? b : default;
            var mediaId = Str(body, "media_id");
            if (type == "link")
            {
                if (Str(body, "url") is not { Length: > 0 }) return SimJson.Error(SimErrors.InvalidParameter);
                // A link's cover is optional, but when given it must be a live image.
                if (mediaId is not null && MediaApi.Live(corp, mediaId, "image", now) is null) return SimJson.Error(BadMedia);
            }
            else if (MediaApi.Live(corp, mediaId, type!, now) is null) return SimJson.Error(BadMedia);
        }
        return null;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
