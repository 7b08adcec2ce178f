using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.WeCom.Facade.ContactWays;

/// <summary>add/update/del/get_contact_way for another module; nothing is stored here, WeCom holds the ways.</summary>
internal sealed class ContactWayCalls(TenantCorps corps, IWeComClient client)
{
    private const int QrScene = 2;

    public async Task<ContactWayOutcome<CreatedContactWay>> Create(Guid tenantId, ContactWaySpec spec, CancellationToken ct)
    {
        if (ContactWayOutcomes.Check(spec) is { } invalid) return ContactWayOutcome<CreatedContactWay>.Of(invalid);
        if (await corps.Find(tenantId, ct) is not { } corp) return ContactWayOutcome<CreatedContactWay>.Of(ContactWayOutcomes.NotConnected);
        var way = new ContactWay
        {
            Type = spec.Single ? 1 : 2, Scene = QrScene, Remark = spec.Remark ?? "", SkipVerify = spec.SkipVerify, State = spec.State,
            User = spec.UserIds.Distinct(StringComparer.Ordinal).ToList(),
        };
        var added = await client.AddContactWay(corp.App, way, ct);
        if (!added.IsSuccess) return ContactWayOutcome<CreatedContactWay>.Of(ContactWayOutcomes.From(added.Error!));
        return new(ContactWayStatus.Done, new CreatedContactWay(added.Value!.ConfigId, added.Value.QrCode ?? ""));
    }

    public async Task<ContactWayOutcome> Update(Guid tenantId, string configId, ContactWaySpec spec, CancellationToken ct)
    {
        if (ContactWayOutcomes.Check(spec) is { } invalid) return invalid;
        if (string.IsNullOrEmpty(configId)) return new ContactWayOutcome(ContactWayStatus.NotFound, ContactWayOutcomes.Text("NotFound"));
        if (await corps.Find(tenantId, ct) is not { } corp) return ContactWayOutcomes.NotConnected;
        // An empty party list is sent so that a way made with departments comes to hold exactly these members.
        var way = new ContactWay
        {
            ConfigId = configId, Remark = spec.Remark ?? "", SkipVerify = spec.SkipVerify, State = spec.State,
            User = spec.UserIds.Distinct(StringComparer.Ordinal).ToList(), Party = [],
        };
        var updated = await client.UpdateContactWay(corp.App, way, ct);
        return updated.IsSuccess ? ContactWayOutcomes.Done : ContactWayOutcomes.From(updated.Error!);
    }

    public async Task<ContactWayOutcome> Delete(Guid tenantId, string configId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(configId)) return ContactWayOutcomes.Done;
        if (await corps.Find(tenantId, ct) is not { } corp) return ContactWayOutcomes.NotConnected;
        var deleted = await client.DeleteContactWay(corp.App, configId, ct);
        // Gone already is what the caller wanted: a retried delete must not fail.
        return deleted.IsSuccess || deleted.Error!.ErrCode == 41044 ? ContactWayOutcomes.Done : ContactWayOutcomes.From(deleted.Error!);
    }

    public async Task<ContactWayOutcome<ContactWayState>> Get(Guid tenantId, string configId, CancellationToken ct)
    {
        if (await corps.Find(tenantId, ct) is not { } corp) return ContactWayOutcome<ContactWayState>.Of(ContactWayOutcomes.NotConnected);
        var got = await client.GetContactWay(corp.App, configId, ct);
        if (!got.IsSuccess) return ContactWayOutcome<ContactWayState>.Of(ContactWayOutcomes.From(got.Error!));
        if (got.Value!.ContactWay is not { } w) return ContactWayOutcome<ContactWayState>.Of(new ContactWayOutcome(ContactWayStatus.NotFound, ContactWayOutcomes.Text("NotFound")));
        return new(ContactWayStatus.Done, new ContactWayState(w.ConfigId ?? configId, w.Type == 1, w.User ?? [], w.State ?? "", w.SkipVerify ?? true,
            w.Remark ?? "", w.QrCode));
    }
}
