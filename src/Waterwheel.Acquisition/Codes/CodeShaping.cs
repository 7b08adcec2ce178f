using Waterwheel.Acquisition.Welcome;
using Waterwheel.Audiences.Contracts;
using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Codes;

/// <summary>
/// What creating and editing a code share: a request checked against the brand (the channel, staff with WeCom accounts,
/// tags that exist) applied to a code, and WeCom's refusals turned into the API's errors.
/// </summary>
internal sealed class CodeShaping(AcquisitionDbContext db, IOrganisationDirectory directory, ICustomerTagging tagging, ActorContext actor)
{
    public async Task<Error?> Apply(LiveCode code, SaveCodeRequest request, CancellationToken ct)
    {
        if (!await db.Channels.AnyAsync(c => c.Id == request.ChannelId, ct)) return Error.Invalid("channelId", AcquisitionText.Get("UnknownChannel"));
        var staff = (await directory.WeComStaff(actor.TenantId!.Value, ct)).ToDictionary(s => s.StaffId);
        var missing = request.Pool!.Where(m => !staff.ContainsKey(m.StaffId)).ToList();
        if (missing.Count > 0) return Error.Invalid("pool", AcquisitionText.Get("StaffWithoutWeCom"));
        var tagIds = (request.TagIds ?? []).Distinct().ToList();
        if (tagIds.Count > 0)
        {
            var known = (await tagging.Tags(ct)).Select(t => t.Id).ToHashSet();
            if (tagIds.Any(t => !known.Contains(t))) return Error.Invalid("tagIds", AcquisitionText.Get("UnknownTags"));
        }
        code.ChannelId = request.ChannelId!.Value;
        code.Name = request.Name!.Trim();
        code.Pool = request.Pool!.Select(m => new PoolMember(m.StaffId, staff[m.StaffId].WeComUserId, m.DailyCap, m.Backup)).ToList();
        code.Policy = request.Policy ?? AssignmentPolicy.RoundRobin;
        code.SkipVerify = request.SkipVerify ?? true;
        code.Schedule = request.Schedule is { } s
            ? new PoolSchedule(s.Days is null ? PoolSchedule.EveryDay : s.Days.Aggregate(0, (bits, d) => bits | (1 << d)), s.FromMinute, s.UntilMinute)
            : PoolSchedule.Always;
        code.TagIds = tagIds;
        code.Welcome = new WelcomeTemplate { Text = request.Welcome?.Text ?? "", Attachments = request.Welcome?.Attachments?.ToList() ?? [] };
        code.ExpiresAt = request.ExpiresAt?.ToUniversalTime();
        code.Routing = request.Lbs is { } lbs ? new Routing.LbsRouting(lbs.RadiusKm, lbs.Fallback, lbs.GuideDailyCap, lbs.Groups) : null;
        return null;
    }

    /// <summary>Staff names by staff id, for the views.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> Names(CancellationToken ct) =>
        (await directory.WeComStaff(actor.TenantId!.Value, ct)).ToDictionary(s => s.StaffId, s => s.Name);

    public static Error Refused(ContactWayOutcome outcome) => outcome.Status switch
    {
        ContactWayStatus.Invalid or ContactWayStatus.UnusableMember => Error.Invalid("pool", outcome.Error ?? ""),
        ContactWayStatus.NotConnected => Error.Conflict("wecom_not_connected", outcome.Error ?? ""),
        ContactWayStatus.QuotaReached => Error.Conflict("contact_way_quota", outcome.Error ?? ""),
        _ => Error.Conflict("wecom_refused", AcquisitionText.Format("WeComRefused", outcome.Error ?? "")),
    };
}
