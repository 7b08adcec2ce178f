using Microsoft.Extensions.Logging;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Groups;

/// <summary>
/// Takes a deleted or expired group code out of WeCom: its join way (the QR stops working) and its welcome template
/// (a corp keeps at most 100). A template that will not go is logged, not a reason to keep a dead QR alive.
/// </summary>
internal sealed class GroupCodeRemoval(IWeComJoinWays ways, ILogger<GroupCodeRemoval> log)
{
    public async Task<ContactWayOutcome> Remove(GroupCode code, CancellationToken ct)
    {
        var deleted = await ways.Delete(code.TenantId, code.ConfigId, ct);
        if (!deleted.IsDone) return deleted;
        code.LiveChatIds = [];
        if (code.WelcomeTemplateId.Length == 0) return deleted;
        var welcome = await ways.DeleteGroupWelcome(code.TenantId, code.WelcomeTemplateId, ct);
        if (welcome.IsDone) code.WelcomeTemplateId = "";
        else log.LogWarning("Group code {CodeId}: its welcome template stays in WeCom ({Status})", code.Id, welcome.Status);
        return deleted;
    }
}
