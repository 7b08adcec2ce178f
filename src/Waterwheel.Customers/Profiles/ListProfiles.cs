using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Relationships;
using Waterwheel.Platform.Pii;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Profiles;

/// <summary>A profile in a list. For a dealer's customer seen by head office: a masked name, no avatar.</summary>
public sealed record ProfileRow(
    Guid Id, string Name, string? AvatarUrl, Gender Gender, string? StoreName, string? GuideName, bool DealerOwned, bool Masked,
    DateTime FirstSeenAt, DateTime LastSeenAt, bool Erased);

public sealed record ProfileQuery : PageQuery;

/// <summary>
/// The customers the actor may see, most recently seen first. The search matches a name, a full mobile number, its last
/// four digits, or
/// any other identifier (a member number, a buyer id, a WeCom external_userid); head office's search does not reach dealers' customers, whom it may count but not see.
/// </summary>
internal sealed class ListProfiles(CustomersDbContext db, ActorContext actor, IdentityKeys keys, OrganisationFacts organisation, ProfileVisibility visibility)
{
    public async Task<Page<ProfileRow>> Handle(ProfileQuery query, CancellationToken ct)
    {
        var page = await (await Matching(query, ct)).ToPage(p => p, query, ct);
        var tenant = actor.TenantId ?? Guid.Empty;
        var stores = await organisation.Stores(tenant, ct);
        var staff = await organisation.Staff(tenant, ct);
        var sharing = await visibility.SharingDealers(ct);
        var items = page.Items.Select(p =>
        {
            var shown = visibility.SeesEveryone || p.OwnerDealerId is not { } dealer || sharing.Contains(dealer);
            return new ProfileRow(p.Id, shown ? p.Name : Mask.Name(p.Name), shown ? p.AvatarUrl : null, p.Gender,
                p.OwnerStoreId is { } s ? stores.GetValueOrDefault(s)?.Name : null,
                p.OwnerStaffId is { } g ? staff.GetValueOrDefault(g)?.Name : null,
                p.OwnerDealerId is not null, !shown, p.FirstSeenAt, p.LastSeenAt, p.ErasedAt is not null);
        }).ToList();
        return new Page<ProfileRow>(items, page.Total, page.PageNumber, page.PageSize);
    }

    /// <summary>The list's rows before paging, in its order: the export writes the same customers the list shows.</summary>
    public async Task<IQueryable<CustomerProfile>> Matching(PageQuery query, CancellationToken ct)
    {
        var rows = db.Profiles.AsNoTracking();
        if (query.Search is { } q) rows = Search(rows, q, await visibility.SharingDealers(ct));
        return (query.Sort?.ToLowerInvariant(), query.Descending) switch
        {
            ("name", false) => rows.OrderBy(p => p.Name).ThenBy(p => p.Id),
            ("name", true) => rows.OrderByDescending(p => p.Name).ThenByDescending(p => p.Id),
            ("firstseenat", false) => rows.OrderBy(p => p.FirstSeenAt).ThenBy(p => p.Id),
            ("firstseenat", true) => rows.OrderByDescending(p => p.FirstSeenAt).ThenByDescending(p => p.Id),
            ("lastseenat", false) => rows.OrderBy(p => p.LastSeenAt).ThenBy(p => p.Id),
            _ => rows.OrderByDescending(p => p.LastSeenAt).ThenByDescending(p => p.Id),
        };
    }

    private static readonly IdentityType[] PlainTypes = Enum.GetValues<IdentityType>().Where(t => !t.IsPersonalData()).ToArray();

    private IQueryable<CustomerProfile> Search(IQueryable<CustomerProfile> rows, string q, IReadOnlySet<Guid> sharing)
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
        return rows.Where(p => p.Name.Contains(q) || identities.Any(i => i.ProfileId == p.Id && PlainTypes.Contains(i.Type) && i.Key == q));
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/profiles", async ([AsParameters] ProfileQuery query, ListProfiles handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Handle(query, ct)))
        .RequireAuthorization(Permissions.ProfilesRead)
        .WithName("ListCustomerProfiles")
        .WithSummary("Customer profiles in the caller's scope, most recently seen first (search by name, mobile or external_userid; paging)");
}
