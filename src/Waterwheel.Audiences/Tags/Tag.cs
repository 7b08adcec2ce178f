namespace Waterwheel.Audiences.Tags;

/// <summary>Where a tag's assignments come from: operators, a rule, the channel a customer came through, or WeCom.</summary>
public enum TagSource { Manual, Rule, Channel, WeCom }

/// <summary>Why one customer holds one tag.</summary>
public enum TagCause { Manual, Rule, Channel, WeCom }

/// <summary>
/// A group of tags (会员等级, 肤质, 兴趣…). In a single-valued group a customer holds at most one of its tags: tagging
/// them with another replaces it.
/// </summary>
internal sealed class TagGroup
{
    public const int NameLength = 50;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public string Name { get; set; } = "";
    public bool MultiValued { get; set; } = true;

    /// <summary>The corp tag group's id in WeCom once it is synced (the WeCom layer keeps it).</summary>
    public string? WeComGroupId { get; set; }

    /// <summary>
    /// Kept in two-way sync with WeCom's corp tags: its tags are made there too, and guides' marks come back. A group
    /// that came from WeCom always is; one made here is when its maker says so (WeCom makes it with its first tag).
    /// </summary>
    public bool SyncToWeCom { get; set; }

    public DateTime CreatedAt { get; init; }
    public int Version { get; set; }
}

/// <summary>A label customers carry; segments name it by name in the text form and by id in JSON, so a rename keeps them.</summary>
internal sealed class Tag
{
    public const int NameLength = 50;
    public const int ColorLength = 7;

    /// <summary>WeCom's limit on a corp tag's name (and a group's): a tag of a synced group keeps to it.</summary>
    public const int WeComNameLength = 30;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public Guid GroupId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>#RRGGBB for the console's chips, or none.</summary>
    public string? Color { get; set; }

    public TagSource Source { get; set; }

    /// <summary>The corp tag's id in WeCom once it is synced.</summary>
    public string? WeComTagId { get; set; }

    /// <summary>
    /// A rule tag's condition, a segment in its JSON form: whoever matches it holds the tag (cause rule), kept current as
    /// their data changes and as days pass. A rule never names a rule tag, so rules cannot chase each other.
    /// </summary>
    public string? Rule { get; set; }

    /// <summary>A tag valid N days lapses that long after it was given; none lasts until removed.</summary>
    public int? ExpiryDays { get; set; }

    public DateTime CreatedAt { get; init; }
    public int Version { get; set; }
}

/// <summary>One customer holding one tag, with why and until when.</summary>
internal sealed class CustomerTag
{
    public Guid TenantId { get; init; }
    public Guid ProfileId { get; init; }
    public Guid TagId { get; init; }
    public TagCause Cause { get; set; }
    public DateTime TaggedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public string? TaggedBy { get; set; }
}
