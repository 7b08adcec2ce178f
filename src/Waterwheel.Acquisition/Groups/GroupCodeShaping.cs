using Waterwheel.Acquisition.Codes;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Groups;

/// <summary>
/// What creating and editing a group code share: a request checked against the brand applied to a code, the group
/// welcome kept in WeCom in step with the code's text, and the view with each group's count.
/// </summary>
internal sealed class GroupCodeShaping(AcquisitionDbContext db, IWeComJoinWays ways, IOrganisationDirectory directory)
{
    public async Task<Error?> Apply(GroupCode code, SaveGroupCodeRequest request, CancellationToken ct)
    {
        if (!await db.Channels.AnyAsync(c => c.Id == request.ChannelId, ct)) return Error.Invalid("channelId", AcquisitionText.Get("UnknownChannel"));
        if (request.StoreId is { } store && (await directory.Stores(code.TenantId, ct)).All(s => s.StoreId != store))
            return Error.Invalid("storeId", AcquisitionText.Get("UnknownStore"));
        // Rooms WeCom opened for the code came on top of the operator's five, and an edit may keep them.
        var allowed = Math.Max(GroupCode.MaxGroups, code.ChatIds.Count);
        if (request.ChatIds!.Count > allowed) return Error.Invalid("chatIds", AcquisitionText.Format("GroupsTooMany", GroupCode.MaxGroups));
        var known = await ways.Groups(code.TenantId, request.ChatIds, ct);
        if (known.Any(g => !g.Active)) return Error.Invalid("chatIds", AcquisitionText.Get("GroupsDismissed"));
        code.ChannelId = request.ChannelId!.Value;
        code.Name = request.Name!.Trim();
        code.ChatIds = request.ChatIds!.ToList();
        code.Cap = request.Cap ?? GroupCode.MaxCap;
        code.AutoCreateRoom = request.AutoCreateRoom ?? false;
        code.RoomBaseName = code.AutoCreateRoom ? request.RoomBaseName!.Trim() : "";
        code.RoomBaseId = request.RoomBaseId ?? code.RoomBaseId;
        code.WelcomeText = request.Welcome?.Trim() ?? "";
        code.ExpiresAt = request.ExpiresAt?.ToUniversalTime();
        code.StoreId = request.StoreId;
        return null;
    }

    /// <summary>Makes, edits or deletes the code's WeCom welcome template so that it says the code's text.</summary>
    public async Task<Error?> Welcome(GroupCode code, CancellationToken ct)
    {
        if (code.WelcomeText.Length == 0)
        {
            if (code.WelcomeTemplateId.Length > 0 && (await ways.DeleteGroupWelcome(code.TenantId, code.WelcomeTemplateId, ct)) is { IsDone: false } failed)
                return Refused(failed, "welcome");
            code.WelcomeTemplateId = "";
            return null;
        }
        var saved = await ways.SaveGroupWelcome(code.TenantId, code.WelcomeTemplateId.Length > 0 ? code.WelcomeTemplateId : null, code.WelcomeText, ct);
        if (!saved.IsDone) return Refused(saved, "welcome");
        code.WelcomeTemplateId = saved.Value!;
        return null;
    }

    public async Task<GroupCodeView> View(GroupCode code, CancellationToken ct) =>
        GroupCodeView.Of(code, (await ways.Groups(code.TenantId, code.ChatIds, ct)).ToDictionary(g => g.ChatId));

    public static Error Refused(ContactWayOutcome outcome, string field = "chatIds") => outcome.Status switch
    {
        ContactWayStatus.Invalid => Error.Invalid(field, outcome.Error ?? ""),
        ContactWayStatus.NotConnected => Error.Conflict("wecom_not_connected", outcome.Error ?? ""),
        ContactWayStatus.QuotaReached => Error.Conflict("contact_way_quota", outcome.Error ?? ""),
        _ => Error.Conflict("wecom_refused", AcquisitionText.Format("WeComRefused", outcome.Error ?? "")),
    };
}
