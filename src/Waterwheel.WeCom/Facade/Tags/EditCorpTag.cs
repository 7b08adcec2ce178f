using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contracts;
using Waterwheel.WeCom.Tags;

namespace Waterwheel.WeCom.Facade.Tags;

/// <summary>edit_corp_tag for another module: renames or reorders a group or a tag (WeCom takes either id), then stores it.</summary>
internal sealed class EditCorpTag(TenantCorps corps, IWeComClient client, CorpTagMirror mirror)
{
    public async Task<WeComTagOutcome> Handle(Guid tenantId, string id, string? name, long? order, CancellationToken ct)
    {
        if (name is null && order is null) return TagOutcomes.Invalid("NothingToEdit");
        if (name is not null && TagOutcomes.CheckName(name) is { } invalid) return invalid;
        if (string.IsNullOrEmpty(id)) return new WeComTagOutcome(WeComTagStatus.NotFound, TagOutcomes.Text("NotFound"));
        if (await corps.Find(tenantId, ct) is not { } corp) return TagOutcomes.NotConnected;

        var edited = await client.EditCorpTag(corp.App, new EditCorpTagRequest(id, name?.Trim(), order), ct);
        if (!edited.IsSuccess) return TagOutcomes.From(edited.Error!);
        await mirror.Edited(id, name?.Trim(), order, ct);
        await mirror.Save(ct);
        return TagOutcomes.Done;
    }
}
