namespace Waterwheel.WeCom.Contracts;

/// <summary>A corp tag group (企业标签组) with its tags. WeCom shows a larger Order first.</summary>
public sealed record WeComTagGroup(string GroupId, string Name, long Order, DateTime CreatedAt, IReadOnlyList<WeComTag> Tags);

/// <summary>A corp tag (企业标签) in its group.</summary>
public sealed record WeComTag(string TagId, string GroupId, string Name, long Order, DateTime CreatedAt);

/// <summary>A tag to make: a name of at most 30 characters, unique within its group.</summary>
public sealed record NewWeComTag(string Name, long? Order = null);

/// <summary>One relationship's corp tags after a mark: the staff member's WeCom userid and every tag it now carries.</summary>
public sealed record RelationTagsMarked(string StaffUserId, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> TagIds);

/// <summary>The corp tags one staff member has put on the customer.</summary>
public sealed record RelationTagSet(string StaffUserId, IReadOnlyList<string> TagIds);
