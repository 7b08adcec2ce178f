using Waterwheel.Acquisition.Codes;

namespace Waterwheel.Acquisition.Groups;

/// <summary>
/// A group live code (群活码): one WeCom join_way whose QR takes customers into the code's customer groups, in order.
/// A group that reaches the code's cap leaves the way so the next one fills; when all are full, WeCom may open a new
/// room by itself, which joins the code's groups (ADR 17). The QR stays the same whatever the groups do.
/// </summary>
internal sealed class GroupCode
{
    public const int NameLength = 50;

    /// <summary>WeCom lets a join way hold at most 5 groups at once.</summary>
    public const int MaxGroups = 5;

    /// <summary>A group joined by QR code holds at most 200 people.</summary>
    public const int MaxCap = 200;

    public const int RoomBaseNameLength = 40;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public Guid ChannelId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>"gc" and the random tail of the id: WeCom writes it on every member who joins by this code.</summary>
    public string State { get; init; } = "";

    /// <summary>The code's groups in the order they fill (WeCom chat ids); rooms WeCom opened are appended.</summary>
    public List<string> ChatIds { get; set; } = [];

    /// <summary>Members per group (staff included, as WeCom counts) at which the next group takes over.</summary>
    public int Cap { get; set; } = MaxCap;

    public bool AutoCreateRoom { get; set; }
    public string RoomBaseName { get; set; } = "";
    public long RoomBaseId { get; set; } = 1;

    /// <summary>The group welcome's text, and the WeCom template (入群欢迎语素材) that holds it.</summary>
    public string WelcomeText { get; set; } = "";
    public string WelcomeTemplateId { get; set; } = "";

    public DateTime? ExpiresAt { get; set; }

    /// <summary>The store whose group this is: a nearest-store code in group mode sends that store's customers here.</summary>
    public Guid? StoreId { get; set; }

    public LiveCodeStatus Status { get; set; }
    public string ConfigId { get; set; } = "";
    public string QrCodeUrl { get; set; } = "";

    /// <summary>The chats the way holds now, as last sent; compared so WeCom is updated only on a change.</summary>
    public List<string> LiveChatIds { get; set; } = [];

    public DateTime CreatedAt { get; init; }
    public int Version { get; set; }

    /// <summary>14 characters, unique in practice and by index; WeCom allows 30.</summary>
    public static string StateFor(Guid id) => "gc" + id.ToString("N")[20..];
}
