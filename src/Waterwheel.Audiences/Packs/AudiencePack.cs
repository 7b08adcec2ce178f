namespace Waterwheel.Audiences.Packs;

/// <summary>
/// A segment frozen at one moment for a send or an export (人群包): the expression as it was, when, how many, and who —
/// as a Roaring bitmap of ordinals in the portable format and as profile ids (ordinals are never reused, and the ids
/// survive a renumbering). Never edited: a new freeze is a new pack.
/// </summary>
internal sealed class AudiencePack
{
    public const int NameLength = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public string Name { get; init; } = "";
    public Guid? SegmentId { get; init; }
    public string ExpressionJson { get; init; } = "";
    public string ExpressionText { get; init; } = "";
    public DateTime FrozenAt { get; init; }
    public long Count { get; init; }
    public byte[] Bitmap { get; init; } = [];
    public string OwnerOrgPath { get; init; } = "/";
    public string CreatedBy { get; init; } = "";
}

/// <summary>One customer of a frozen pack.</summary>
internal sealed class PackMember
{
    public Guid TenantId { get; init; }
    public Guid PackId { get; init; }
    public int Ordinal { get; init; }
    public Guid ProfileId { get; init; }
}
