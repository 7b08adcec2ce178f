using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Profiles.Search;
using Waterwheel.Customers.Relationships;
using Waterwheel.Platform.Pii;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Profiles;

/// <summary>A profile in a list. For a dealer's customer seen by head office: a masked name, no avatar.</summary>
public sealed record ProfileRow(
    Guid Id, string Name, string? AvatarUrl, Gender Gender, string? StoreName, string? GuideName, bool DealerOwned, bool Masked,
    DateTime FirstSeenAt, DateTime LastSeenAt, bool Erased);

/// <summary>
/// A slice of the customer list: up to <c>pageSize</c> rows after the <c>after</c> cursor, in the order asked for. Pages
/// are read through the index from where the last one ended (keyset paging), so the millionth row costs what the first does.
/// </summary>
public sealed record ProfileQuery
{
    public int? PageSize { get; set; }
    public string? Sort { get; set; }
    public bool? Desc { get; set; }
    public string? Q { get; set; }

    /// <summary>The <c>next</c> of the previous slice; absent for the first.</summary>
    public string? After { get; set; }

    public int Take => Math.Clamp(PageSize ?? 20, 1, PageQuery.MaxPageSize);
    public string? Search => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
}

/// <summary>
/// Rows, the cursor of the next slice (null at the end), and how many match: exact up to <see cref="ListProfiles.CountLimit"/> (<see cref="ListProfiles.SearchCountLimit"/> for a search),
/// beyond which <c>TotalIsLowerBound</c> says "at least": counting a million rows on every page would cost more than the page.
/// </summary>
public sealed record ProfileSlice(IReadOnlyList<ProfileRow> Items, int Total, bool TotalIsLowerBound, string? Next);

/// <summary>
/// The customers the actor may see, most recently seen first. The search matches a name (any part of it), a full mobile
/// number, its last four digits, or any other identifier (a member number, a buyer id, a WeCom external_userid); head
/// office's search does not reach dealers' customers, whom it may count but not see.
/// </summary>
internal sealed class ListProfiles(CustomersDbContext db, ActorContext actor, IdentityKeys keys, OrganisationFacts organisation, ProfileVisibility visibility)
{
    public const int CountLimit = 10_000;

    /// <summary>
    /// A search counts less far: a surname matches one customer in thirty, and counting ten thousand of them means reading
    /// three hundred thousand names, where a page needs a few hundred.
    /// </summary>
    public const int SearchCountLimit = 1_000;

    /// <summary>A name term held by more profiles than this is searched along the list's order rather than through the terms.</summary>
    private const int CommonTerm = 5_000;

    public async Task<ProfileSlice> Handle(ProfileQuery query, CancellationToken ct)
    {
        var order = ProfileOrder.Of(query.Sort, query.Desc);
        ProfileCursor? cursor = null;
        if (query.PageSize is < 1 or > PageQuery.MaxPageSize || (query.After is { } after && (cursor = ProfileCursor.Decode(after, order)) is null))
            throw new InvalidRequestException(Invalid(query));

        var rows = await Matching(query.Search, ct);
        var sharing = await visibility.SharingDealers(ct);
        var limit = query.Search is null ? CountLimit : SearchCountLimit;
        // Ordered only so that EF Core does not warn of a row limit without an order; a capped count is the same either way.
        var counted = await rows.OrderBy(p => p.Id).Take(limit + 1).CountAsync(ct);
        var page = cursor is null ? rows : order.After(rows, cursor);
        var found = await order.Apply(page).Take(query.Take + 1).ToListAsync(ct);
        var items = found.Take(query.Take).ToList();
        var next = found.Count > query.Take ? ProfileCursor.After(items[^1], order).Encode() : null;

        var tenant = actor.TenantId ?? Guid.Empty;
        var stores = await organisation.Stores(tenant, ct);
        var staff = await organisation.Staff(tenant, ct);
        var shown = items.Select(p =>
        {
            var visible = visibility.SeesEveryone || p.OwnerDealerId is not { } dealer || sharing.Contains(dealer);
            return new ProfileRow(p.Id, visible ? p.Name : Mask.Name(p.Name), visible ? p.AvatarUrl : null, p.Gender,
                p.OwnerStoreId is { } s ? stores.GetValueOrDefault(s)?.Name : null,
                p.OwnerStaffId is { } g ? staff.GetValueOrDefault(g)?.Name : null,
                p.OwnerDealerId is not null, !visible, p.FirstSeenAt, p.LastSeenAt, p.ErasedAt is not null);
        }).ToList();
        return new ProfileSlice(shown, Math.Min(counted, limit), counted > limit, next);
    }

    private static Error Invalid(ProfileQuery query)
    {
        var fields = new Dictionary<string, string[]>();
        if (query.PageSize is < 1 or > PageQuery.MaxPageSize) fields["pageSize"] = [$"'pageSize' must be between 1 and {PageQuery.MaxPageSize}."];
        if (query.After is not null) fields["after"] = ["'after' is not a cursor this list gave for this order; start again without it."];
        return new Error(ErrorKind.Validation, "validation_failed", ValidationText.Get("FieldsInvalid"), fields);
    }

    /// <summary>The rows the list shows for a search, before order and paging: the export writes the same customers.</summary>
    public async Task<IQueryable<CustomerProfile>> Matching(string? search, CancellationToken ct)
    {
        var rows = db.Profiles.AsNoTracking();
        return search is { } q ? await Search(rows, q, await visibility.SharingDealers(ct), ct) : rows;
    }

    private static readonly IdentityType[] PlainTypes = Enum.GetValues<IdentityType>().Where(t => !t.IsPersonalData()).ToArray();

    private async Task<IQueryable<CustomerProfile>> Search(IQueryable<CustomerProfile> rows, string q, IReadOnlySet<Guid> sharing, CancellationToken ct)
    {
        // Finding a person is seeing them: head office's search reaches only the customers of the stores it runs.
        if (!visibility.SeesEveryone)
        {
            var shared = sharing.ToList();
            rows = rows.Where(p => p.OwnerDealerId == null || shared.Contains(p.OwnerDealerId.Value));
        }
        var identities = db.Identities.AsNoTracking();
        if (q.Length == 4 && q.All(char.IsAsciiDigit))
        {
            var hint = keys.LastFour(q);
            return rows.Where(p => identities.Any(i => i.ProfileId == p.Id && i.Type == IdentityType.Phone && i.Hint == hint));
        }
        if (IdentityValues.Normalise(IdentityType.Phone, q) is { } phone)
        {
            var key = keys.Key(IdentityType.Phone, phone);
            return rows.Where(p => identities.Any(i => i.ProfileId == p.Id && i.Type == IdentityType.Phone && i.Key == key));
        }
        // Any identifier that is not personal data is stored as itself: a member number, a buyer id, an external_userid.
        // An exact identifier is the answer when there is one; only then is the text read as (part of) a name.
        var byIdentifier = await identities.Where(i => PlainTypes.Contains(i.Type) && i.Key == q).Select(i => i.ProfileId).ToListAsync(ct);
        if (byIdentifier.Count > 0 || NameTerms.ForSearch(q) is not { } term) return rows.Where(p => byIdentifier.Contains(p.Id));
        // A name is found through its terms first (an index lookup), then checked whole on the profiles they name. A term
        // as common as a surname names tens of thousands: then walking the list's own order and checking each name finds a
        // page sooner than joining them all, so how common the term is (an index-only count) decides.
        var text = NameTerms.Normalise(q);
        var byName = db.NameTerms.Where(t => t.Term == term).Select(t => t.ProfileId);
        if (await byName.OrderBy(id => id).Take(CommonTerm + 1).CountAsync(ct) > CommonTerm) return rows.Where(p => p.Name.ToLower().Contains(text));
        return rows.Where(p => byName.Contains(p.Id) && p.Name.ToLower().Contains(text));
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/profiles", async ([AsParameters] ProfileQuery query, ListProfiles handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Handle(query, ct)))
        .RequireAuthorization(Permissions.ProfilesRead)
        .WithName("ListCustomerProfiles")
        .WithSummary("Customer profiles in the caller's scope, most recently seen first (search by name, mobile or external_userid; keyset paging with `after`)");
}
