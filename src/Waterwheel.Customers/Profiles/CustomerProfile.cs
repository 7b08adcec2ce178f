namespace Waterwheel.Customers.Profiles;

public enum Gender { Unknown, Male, Female }

/// <summary>
/// One person as the brand knows them, whatever touchpoints they came through. The owner fields copy the owning
/// relationship's guide, store and the store's place in the organisation, so that data scopes filter one table.
/// </summary>
internal sealed class CustomerProfile
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public string Name { get; set; } = "";
    public string? AvatarUrl { get; set; }
    public Gender Gender { get; set; }
    public DateTime FirstSeenAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    public Guid? OwnerStaffId { get; set; }
    public Guid? OwnerStoreId { get; set; }

    /// <summary>The owning store's org path ("/" when no store owns the customer): a dealer admin's scope is a prefix of it.</summary>
    public string OwnerOrgPath { get; set; } = "/";

    /// <summary>Set when a dealer's store owns the customer: head office then counts them but does not see them.</summary>
    public Guid? OwnerDealerId { get; set; }

    /// <summary>Set when this profile was merged into another: it is then out of every list and lookup until the merge is undone.</summary>
    public Guid? MergedIntoId { get; set; }

    public int Version { get; set; }

    /// <summary>Takes what a touchpoint says about the person, keeping what it leaves out.</summary>
    public void Describe(string? name, string? avatarUrl, Gender gender, DateTime seenAt)
    {
        if (!string.IsNullOrWhiteSpace(name)) Name = name.Trim();
        if (!string.IsNullOrWhiteSpace(avatarUrl)) AvatarUrl = avatarUrl;
        if (gender != Gender.Unknown) Gender = gender;
        if (FirstSeenAt == default || seenAt < FirstSeenAt) FirstSeenAt = seenAt;
        if (seenAt > LastSeenAt) LastSeenAt = seenAt;
    }

    /// <summary>Takes in a profile merged into this one: this profile's own description wins, the other fills its gaps.</summary>
    public void Absorb(CustomerProfile merged)
    {
        if (Name.Length == 0) Name = merged.Name;
        AvatarUrl ??= merged.AvatarUrl;
        if (Gender == Gender.Unknown) Gender = merged.Gender;
        if (merged.FirstSeenAt != default && (FirstSeenAt == default || merged.FirstSeenAt < FirstSeenAt)) FirstSeenAt = merged.FirstSeenAt;
        if (merged.LastSeenAt > LastSeenAt) LastSeenAt = merged.LastSeenAt;
    }
}
