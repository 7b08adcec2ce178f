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
    public DateOnly? Birthday { get; set; }
    public string? Province { get; set; }
    public string? City { get; set; }

    /// <summary>
    /// The values of the tenant's custom attributes, as one JSON object (key → canonical value; see
    /// <see cref="Attributes.AttributeValues"/>). A column rather than a key/value table because the values are only
    /// ever read and written whole with their profile (the 360 page, an identify call, an edit), a profile holds a
    /// handful, a merge carries them in <see cref="Absorb"/> without moving rows, and erasure blanks one field;
    /// segments will read them from the Audiences module's in-memory index, not by SQL per attribute.
    /// </summary>
    public string? Attributes { get; set; }
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

    /// <summary>Orders as counted from the timeline's order lines: kept current per order, recomputed from the lines after a merge.</summary>
    public int OrderCount { get; set; }

    public decimal TotalSpent { get; set; }
    public DateTime? FirstOrderAt { get; set; }
    public DateTime? LastOrderAt { get; set; }

    /// <summary>Set when this profile was merged into another: it is then out of every list and lookup until the merge is undone.</summary>
    public Guid? MergedIntoId { get; set; }

    /// <summary>Set when the person was erased at their request: what remains counts anonymously and names no one.</summary>
    public DateTime? ErasedAt { get; set; }

    public int Version { get; set; }

    public void AddOrder(decimal amount, DateTime at)
    {
        OrderCount++;
        TotalSpent += amount;
        if (FirstOrderAt is null || at < FirstOrderAt) FirstOrderAt = at;
        if (LastOrderAt is null || at > LastOrderAt) LastOrderAt = at;
    }

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
        Birthday ??= merged.Birthday;
        Province ??= merged.Province;
        City ??= merged.City;
        Attributes = Waterwheel.Customers.Attributes.AttributeValues.FillGaps(Attributes, merged.Attributes);
        if (merged.FirstSeenAt != default && (FirstSeenAt == default || merged.FirstSeenAt < FirstSeenAt)) FirstSeenAt = merged.FirstSeenAt;
        if (merged.LastSeenAt > LastSeenAt) LastSeenAt = merged.LastSeenAt;
        // The merged profile's order lines move here with its timeline, so its figures add to these.
        OrderCount += merged.OrderCount;
        TotalSpent += merged.TotalSpent;
        if (merged.FirstOrderAt is { } first && (FirstOrderAt is null || first < FirstOrderAt)) FirstOrderAt = first;
        if (merged.LastOrderAt is { } last && (LastOrderAt is null || last > LastOrderAt)) LastOrderAt = last;
    }
}
