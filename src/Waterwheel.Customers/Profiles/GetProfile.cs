using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Relationships;
using Waterwheel.Platform.Pii;

namespace Waterwheel.Customers.Profiles;

/// <summary>An identifier as the 360 page shows it: personal data masked, everything hidden when the person is.</summary>
public sealed record IdentityView(IdentityType Type, string? Value, string Source, DateTime LinkedAt);

public sealed record RelationshipView(
    string StaffUserId, string? GuideName, string? StoreName, string? State, DateTime AddedAt, RelationshipStatus Status, DateTime? EndedAt);

/// <summary>The 360 page's head. <see cref="Attributes"/> is null where the person is not shown (a dealer's customer seen by head office).</summary>
public sealed record ProfileView(ProfileRow Profile, CustomerValue Value, IReadOnlyList<IdentityView> Identities, IReadOnlyList<RelationshipView> Relationships,
    ProfileAttributesView? Attributes, int Version);

/// <summary>One customer whole (the 360 page's head): profile, identifiers and WeCom relationships.</summary>
internal sealed class GetProfile(CustomersDbContext db, ProfileVisibility visibility, OrganisationFacts organisation, IdentityKeys keys, Lifecycle.TenantValueOptions value,
    TimeProvider time)
{
    public async Task<Result<ProfileView>> Handle(Guid id, CancellationToken ct)
    {
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (profile is null) return Error.NotFound("Customer");
        var shown = await visibility.ShowsPerson(profile.OwnerDealerId, ct);
        var tenant = profile.TenantId;
        var stores = await organisation.Stores(tenant, ct);
        var staff = await organisation.Staff(tenant, ct);

        var identities = await db.Identities.AsNoTracking().Where(i => i.ProfileId == id).OrderBy(i => i.LinkedAt).ToListAsync(ct);
        var relationships = await db.Relationships.AsNoTracking().Where(r => r.ProfileId == id).OrderBy(r => r.AddedAt).ToListAsync(ct);
        var row = new ProfileRow(profile.Id, shown ? profile.Name : Mask.Name(profile.Name), shown ? profile.AvatarUrl : null, profile.Gender,
            profile.OwnerStoreId is { } s ? stores.GetValueOrDefault(s)?.Name : null,
            profile.OwnerStaffId is { } g ? staff.GetValueOrDefault(g)?.Name : null,
            profile.OwnerDealerId is not null, !shown, profile.FirstSeenAt, profile.LastSeenAt, profile.ErasedAt is not null);
        return new ProfileView(row, (await value.Current(ct)).Of(profile, time.GetUtcNow().UtcDateTime),
            identities.Select(i => new IdentityView(i.Type, shown ? Display(i) : null, i.Source, i.LinkedAt)).ToList(),
            relationships.Select(r => new RelationshipView(shown ? r.StaffUserId : "", r.StaffId is { } sid ? staff.GetValueOrDefault(sid)?.Name : null,
                r.StoreId is { } st ? stores.GetValueOrDefault(st)?.Name : null, r.State, r.AddedAt, r.Status, r.EndedAt)).ToList(),
            shown ? ProfileAttributes.View(profile) : null, profile.Version);
    }

    // Lists and the 360 page show personal data masked (138****5678, l***@example.com); the data subject's copy is the
    // audited way to the clear value.
    private string Display(CustomerIdentity identity) => identity.Type switch
    {
        IdentityType.Phone => Mask.Phone(keys.Reveal(identity)),
        IdentityType.Email => MaskEmail(keys.Reveal(identity)),
        _ => identity.Key,
    };

    private static string MaskEmail(string email) =>
        email.IndexOf('@') is > 0 and var at ? email[..1] + "***" + email[at..] : Mask.Secret(email);

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/profiles/{id:guid}", async (Guid id, HttpResponse response, GetProfile handler, CancellationToken ct) =>
            (await handler.Handle(id, ct)).ToOkWithETag(response, v => v.Version))
        .RequireAuthorization(Permissions.ProfilesRead)
        .WithName("GetCustomerProfile")
        .WithSummary("One customer: profile, identifiers (personal data masked) and WeCom relationships");
}
