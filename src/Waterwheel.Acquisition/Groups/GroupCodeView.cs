using Waterwheel.Acquisition.Codes;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Groups;

/// <summary>
/// One of a code's groups: its name and members as the WeCom module last saw them (none before WeCom told us of it),
/// whether it reached the code's cap, whether the join way holds it now, and whether it still exists.
/// </summary>
public sealed record GroupSlotView(string ChatId, string? Name, int MemberCount, bool Full, bool Live, bool Active);

/// <summary>A group live code with its WeCom join way (QR URL and the groups it holds now) and its groups' counts.</summary>
public sealed record GroupCodeView(
    Guid Id, Guid ChannelId, string Name, string State, int Cap, bool AutoCreateRoom, string RoomBaseName, long RoomBaseId, string Welcome,
    bool WelcomeInWeCom, DateTime? ExpiresAt, LiveCodeStatus Status, string QrCodeUrl, IReadOnlyList<GroupSlotView> Groups,
    IReadOnlyList<string> LiveChatIds, DateTime CreatedAt, int Version, Guid? StoreId = null)
{
    internal static GroupCodeView Of(GroupCode c, IReadOnlyDictionary<string, CustomerGroupInfo> groups) => new(
        c.Id, c.ChannelId, c.Name, c.State, c.Cap, c.AutoCreateRoom, c.RoomBaseName, c.RoomBaseId, c.WelcomeText, c.WelcomeTemplateId.Length > 0,
        c.ExpiresAt, c.Status, c.QrCodeUrl,
        c.ChatIds.Select(id => groups.TryGetValue(id, out var g)
            ? new GroupSlotView(id, g.Name, g.MemberCount, g.MemberCount >= c.Cap, c.LiveChatIds.Contains(id), g.Active)
            : new GroupSlotView(id, null, 0, false, c.LiveChatIds.Contains(id), true)).ToList(),
        c.LiveChatIds, c.CreatedAt, c.Version, c.StoreId);
}
