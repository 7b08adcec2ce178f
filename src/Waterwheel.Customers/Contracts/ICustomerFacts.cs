namespace Waterwheel.Customers.Contracts;

/// <summary>
/// What other modules may know of the acting tenant's customers without reading the Customers module's tables: the
/// facts segments are made of, and for lists of people, what the actor may see of each. Runs as the current actor: a
/// background caller acts as the tenant's system actor first.
/// </summary>
public interface ICustomerFacts
{
    /// <summary>One page of the tenant's live profiles (neither merged away nor erased), in id order: a rebuild's way through them.</summary>
    Task<IReadOnlyList<CustomerFacts>> Page(int skip, int size, CancellationToken ct);

    /// <summary>One profile's facts, or null when it was merged into another, was erased, or is not the tenant's.</summary>
    Task<CustomerFacts?> Find(Guid profileId, CancellationToken ct);

    /// <summary>The facts of those of these profiles that are live and the tenant's (<see cref="Find"/> for many at once).</summary>
    Task<IReadOnlyDictionary<Guid, CustomerFacts>> FindMany(IReadOnlyCollection<Guid> profileIds, CancellationToken ct);

    /// <summary>
    /// The live profile that holds this WeCom external_userid, or null while none does (the add is not taken in yet).
    /// Follows merges: the answer is the profile the contact belongs to now.
    /// </summary>
    Task<Guid?> ProfileOfWeComContact(string externalUserId, CancellationToken ct);

    /// <summary>
    /// The live profile a profile was merged into (following merges of merges), or null when it was not merged, or was
    /// erased: what another module moves its own facts of the merged profile to.
    /// </summary>
    Task<Guid?> SurvivorOf(Guid profileId, CancellationToken ct);

    /// <summary>The WeCom external_userids a live profile holds (one person may be several contacts), oldest first.</summary>
    Task<IReadOnlyList<string>> WeComContacts(Guid profileId, CancellationToken ct);

    /// <summary>Which of these profiles hold at least one WeCom external_userid.</summary>
    Task<IReadOnlySet<Guid>> WithWeComContacts(IReadOnlyCollection<Guid> profileIds, CancellationToken ct);

    /// <summary>
    /// Which live profiles, within the actor's data scope, hold these identifiers of one kind (a list an operator
    /// uploaded, say). Each value is answered, in order: found (with its profile), not found, or malformed for its kind
    /// (a phone that is no mainland mobile, a placeholder such as "0" or "null").
    /// </summary>
    Task<IReadOnlyList<IdentifierMatch>> Resolve(CustomerIdentifier kind, IReadOnlyList<string> values, CancellationToken ct);

    /// <summary>The tenant's custom attributes, which segments may name beside the built-in fields.</summary>
    Task<IReadOnlyList<CustomAttributeFact>> Attributes(CancellationToken ct);

    /// <summary>
    /// Of these profiles, the ones the actor's data scope holds, as the actor may see them: a person head office may not
    /// see (a dealer's customer the dealer does not share) comes with <see cref="CustomerPerson.Shown"/> false and no
    /// name; names are masked unless <paramref name="unmasked"/> (the caller checks the pii.reveal permission).
    /// </summary>
    Task<IReadOnlyList<CustomerPerson>> People(IReadOnlyCollection<Guid> profileIds, bool unmasked, CancellationToken ct);
}

/// <summary>
/// A profile as segments see it. <see cref="OwnerOrgPath"/> is the owning store's place in the organisation ("/" for none), for data scopes. Money in yuan; dates are the tenant's calendar days; stage and R/F/M as of today.
/// Gender is "male", "female" or null; the lifecycle stage "new", "active", "at_risk", "dormant" or "lost".
/// Consent is null where the person never said. Custom attribute values are in their canonical text form.
/// </summary>
public sealed record CustomerFacts(
    Guid ProfileId, Guid? OwnerStoreId, Guid? OwnerStaffId, Guid? OwnerDealerId, string OwnerOrgPath,
    string? Gender, string? Province, string? City, DateOnly? Birthday, string LifecycleStage,
    int OrderCount, decimal TotalSpent, decimal AverageOrderValue, DateOnly? LastOrderOn, DateOnly? FirstSeenOn,
    int Recency, int Frequency, int Monetary, bool? ConsentWeCom, bool? ConsentSms, bool? ConsentEmail,
    IReadOnlyDictionary<string, string> Attributes);

/// <summary>A custom attribute: its key, zh-CN label and type (String, Number, Decimal, Date, Enum, Bool).</summary>
public sealed record CustomAttributeFact(string Key, string Label, string Type);

/// <summary>A customer in a list of people: name and mobile masked unless asked in clear; empty when not <see cref="Shown"/>.</summary>
public sealed record CustomerPerson(Guid ProfileId, bool Shown, string Name, string Mobile, string City, string OwnerStore, string OwnerStaff);

/// <summary>The kinds of identifier a list may name customers by.</summary>
public enum CustomerIdentifier { Phone, Email, WeComExternalUserId, UnionId, PosMemberNumber, TaobaoBuyerId, JdPin, DouyinOpenId, UserId }

public enum IdentifierOutcome { Found, NotFound, Malformed }

/// <summary>One value of a list and what it named; ProfileId only when found.</summary>
public sealed record IdentifierMatch(string Value, IdentifierOutcome Outcome, Guid? ProfileId);
