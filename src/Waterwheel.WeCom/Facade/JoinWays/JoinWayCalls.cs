using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contracts;
using Waterwheel.WeCom.Facade.ContactWays;
using Waterwheel.WeCom.Groups;

namespace Waterwheel.WeCom.Facade.JoinWays;

/// <summary>add/update/del/get_join_way and group welcome templates for another module; WeCom holds the ways, this module the groups.</summary>
internal sealed class JoinWayCalls(TenantCorps corps, IWeComClient client, WeComDbContext db)
{
    private const int QrScene = 2;

    public async Task<ContactWayOutcome<CreatedContactWay>> Create(Guid tenantId, JoinWaySpec spec, CancellationToken ct)
    {
        if (JoinWayOutcomes.Check(spec) is { } invalid) return ContactWayOutcome<CreatedContactWay>.Of(invalid);
        if (await corps.Find(tenantId, ct) is not { } corp) return ContactWayOutcome<CreatedContactWay>.Of(ContactWayOutcomes.NotConnected);
        var added = await client.AddJoinWay(corp.App, Way(null, spec), ct);
        if (!added.IsSuccess) return ContactWayOutcome<CreatedContactWay>.Of(JoinWayOutcomes.From(added.Error!));
        // add_join_way answers with the config_id only; the QR comes from get_join_way.
        var got = await client.GetJoinWay(corp.App, added.Value!.ConfigId, ct);
        if (!got.IsSuccess)
        {
            await client.DeleteJoinWay(corp.App, added.Value.ConfigId, CancellationToken.None);
            return ContactWayOutcome<CreatedContactWay>.Of(JoinWayOutcomes.From(got.Error!));
        }
        return new(ContactWayStatus.Done, new CreatedContactWay(added.Value.ConfigId, got.Value!.JoinWay?.QrCode ?? ""));
    }

    public async Task<ContactWayOutcome> Update(Guid tenantId, string configId, JoinWaySpec spec, CancellationToken ct)
    {
        if (JoinWayOutcomes.Check(spec) is { } invalid) return invalid;
        if (string.IsNullOrEmpty(configId)) return new ContactWayOutcome(ContactWayStatus.NotFound, ContactWayOutcomes.Text("NotFound"));
        if (await corps.Find(tenantId, ct) is not { } corp) return ContactWayOutcomes.NotConnected;
        var updated = await client.UpdateJoinWay(corp.App, Way(configId, spec), ct);
        return updated.IsSuccess ? ContactWayOutcomes.Done : JoinWayOutcomes.From(updated.Error!);
    }

    public async Task<ContactWayOutcome> Delete(Guid tenantId, string configId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(configId)) return ContactWayOutcomes.Done;
        if (await corps.Find(tenantId, ct) is not { } corp) return ContactWayOutcomes.NotConnected;
        var deleted = await client.DeleteJoinWay(corp.App, configId, ct);
        // Gone already is what the caller wanted: a retried delete must not fail.
        return deleted.IsSuccess || deleted.Error!.ErrCode == 41044 ? ContactWayOutcomes.Done : JoinWayOutcomes.From(deleted.Error!);
    }

    public async Task<ContactWayOutcome<JoinWayState>> Get(Guid tenantId, string configId, CancellationToken ct)
    {
        if (await corps.Find(tenantId, ct) is not { } corp) return ContactWayOutcome<JoinWayState>.Of(ContactWayOutcomes.NotConnected);
        var got = await client.GetJoinWay(corp.App, configId, ct);
        if (!got.IsSuccess) return ContactWayOutcome<JoinWayState>.Of(JoinWayOutcomes.From(got.Error!));
        if (got.Value!.JoinWay is not { } w) return ContactWayOutcome<JoinWayState>.Of(new ContactWayOutcome(ContactWayStatus.NotFound, ContactWayOutcomes.Text("NotFound")));
        return new(ContactWayStatus.Done, new JoinWayState(w.ConfigId ?? configId, w.ChatIdList ?? [], w.State ?? "", w.Remark ?? "", w.AutoCreateRoom == 1, w.QrCode));
    }

    public async Task<IReadOnlyList<CustomerGroupInfo>> Groups(IReadOnlyCollection<string> chatIds, CancellationToken ct)
    {
        if (chatIds.Count == 0) return [];
        var ids = chatIds.Distinct().ToList();
        return await db.Groups.AsNoTracking().Where(g => ids.Contains(g.ChatId))
            .Select(g => new CustomerGroupInfo(g.ChatId, g.Name, g.OwnerUserId, g.MemberCount, g.Status == GroupStatus.Active)).ToListAsync(ct);
    }

    public async Task<ContactWayOutcome<string>> SaveGroupWelcome(Guid tenantId, string? templateId, string text, CancellationToken ct)
    {
        if (JoinWayOutcomes.CheckWelcome(text) is { } invalid) return ContactWayOutcome<string>.Of(invalid);
        if (await corps.Find(tenantId, ct) is not { } corp) return ContactWayOutcome<string>.Of(ContactWayOutcomes.NotConnected);
        if (templateId is { Length: > 0 })
        {
            var edited = await client.EditGroupWelcomeTemplate(corp.App, new GroupWelcomeTemplate { TemplateId = templateId, Text = new TextContent(text) }, ct);
            return edited.IsSuccess ? new(ContactWayStatus.Done, templateId) : ContactWayOutcome<string>.Of(JoinWayOutcomes.From(edited.Error!));
        }
        // Notify 0: the template belongs to a group code; owners need no broadcast about it.
        var added = await client.AddGroupWelcomeTemplate(corp.App, new GroupWelcomeTemplate { Text = new TextContent(text), Notify = 0 }, ct);
        return added.IsSuccess ? new(ContactWayStatus.Done, added.Value!.TemplateId) : ContactWayOutcome<string>.Of(JoinWayOutcomes.From(added.Error!));
    }

    public async Task<ContactWayOutcome> DeleteGroupWelcome(Guid tenantId, string templateId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(templateId)) return ContactWayOutcomes.Done;
        if (await corps.Find(tenantId, ct) is not { } corp) return ContactWayOutcomes.NotConnected;
        var deleted = await client.DeleteGroupWelcomeTemplate(corp.App, templateId, ct: ct);
        // WeCom answers an unknown template with an invalid-parameter error: gone is what the caller wanted.
        return deleted.IsSuccess || deleted.Error!.ErrCode == 40058 ? ContactWayOutcomes.Done : JoinWayOutcomes.From(deleted.Error!);
    }

    private static JoinWay Way(string? configId, JoinWaySpec spec) => new()
    {
        ConfigId = configId, Scene = QrScene, Remark = spec.Remark ?? "", State = spec.State,
        ChatIdList = spec.ChatIds.Distinct(StringComparer.Ordinal).ToList(),
        AutoCreateRoom = spec.AutoCreateRoom ? 1 : 0,
        RoomBaseName = spec.AutoCreateRoom ? spec.RoomBaseName : null,
        RoomBaseId = spec.AutoCreateRoom ? spec.RoomBaseId : null,
    };
}
