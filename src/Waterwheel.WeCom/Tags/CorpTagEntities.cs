namespace Waterwheel.WeCom.Tags;

/// <summary>A corp tag group (企业标签组) from get_corp_tag_list. Deleted ones stay, marked, so old tag ids still resolve.</summary>
internal sealed class CorpTagGroupEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public required string GroupId { get; init; }
    public string Name { get; set; } = "";
    public long Order { get; set; }
    public DateTime CreatedAt { get; set; }
    public bool Deleted { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A corp tag (企业标签) within its group.</summary>
internal sealed class CorpTagEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public required string TagId { get; init; }
    public string GroupId { get; set; } = "";
    public string Name { get; set; } = "";
    public long Order { get; set; }
    public DateTime CreatedAt { get; set; }
    public bool Deleted { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A tag one staff member put on one customer (follow_user tags); a relation's tags are replaced as a set.</summary>
internal sealed class RelationTag
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public required string ExternalUserId { get; init; }
    public required string StaffUserId { get; init; }
    public required string TagId { get; init; }
}
