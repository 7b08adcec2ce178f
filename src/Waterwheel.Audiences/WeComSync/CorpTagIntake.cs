using Waterwheel.Platform.Messaging;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Audiences.WeComSync;

/// <summary>A corp tag group made, changed or deleted in WeCom: the local group follows. The event carries state, so a repeat changes nothing.</summary>
internal sealed class CorpTagGroupIntake(WeComTagMirror mirror) : IIntegrationEventHandler<CorpTagGroupChanged>
{
    public async Task Handle(CorpTagGroupChanged changed, CancellationToken ct)
    {
        if (changed.Change == CorpTagChange.Deleted) await mirror.DeleteGroup(changed.GroupId, ct);
        else await mirror.Group(changed.TenantId, changed.GroupId, changed.Name, ct);
    }
}

/// <summary>A corp tag made, changed or deleted in WeCom: the local tag follows, and a deleted one leaves every customer.</summary>
internal sealed class CorpTagIntake(WeComTagMirror mirror) : IIntegrationEventHandler<CorpTagChanged>
{
    public async Task Handle(CorpTagChanged changed, CancellationToken ct)
    {
        if (changed.Change == CorpTagChange.Deleted) await mirror.DeleteTag(changed.TagId, ct);
        else await mirror.Tag(changed.TenantId, changed.TagId, changed.GroupId, changed.GroupName, changed.Name, ct);
    }
}
