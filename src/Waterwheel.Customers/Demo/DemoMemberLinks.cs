using System.Text.Json;
using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Ingest;

namespace Waterwheel.Customers.Demo;

/// <summary>The WeCom contacts of the demo brand as its WeCom layer knows them now (external_userids, oldest first).</summary>
public delegate Task<IReadOnlyList<string>> DemoWeComContacts(IServiceProvider services, CancellationToken ct);

/// <summary>
/// The demo's version of a member binding their WeCom identity in the brand's mini-program: most demo WeCom contacts are
/// tied to a demo member (with their mobile, e-commerce ids and orders) by an identify call through the tracking API, so
/// that the identity graph makes them one profile, as it would for a real brand. Seven in ten contacts are bound; the
/// rest stay WeCom-only, as many real contacts do.
/// </summary>
internal sealed class DemoMemberLinks(CustomersDbContext db, TrackingInbox inbox)
{
    private const string MemberPrefix = "MXF";

    /// <returns>How many bindings were sent.</returns>
    public async Task<int> Bind(Guid tenant, Guid source, IReadOnlyList<string> contacts, DateTime now, CancellationToken ct)
    {
        var boundProfiles = db.Identities.Where(i => i.Type == IdentityType.WeComExternalUserId).Select(i => i.ProfileId);
        var members = db.Identities.Where(i => i.Type == IdentityType.PosMemberNumber && i.Key.StartsWith(MemberPrefix));
        var bound = (await db.Identities.Where(i => i.Type == IdentityType.WeComExternalUserId && members.Any(m => m.ProfileId == i.ProfileId))
            .Select(i => i.Key).ToListAsync(ct)).ToHashSet();
        var wanted = contacts.Where(c => !bound.Contains(c) && StableShare(c) < 7).Take(500).ToList();
        if (wanted.Count == 0) return 0;
        var free = await members.Where(m => !boundProfiles.Contains(m.ProfileId)).OrderBy(m => m.Key).Select(m => m.Key).Take(wanted.Count).ToListAsync(ct);
        var errors = new Dictionary<string, string[]>();
        var calls = wanted.Zip(free, (contact, member) => TrackingParser.Parse(JsonSerializer.SerializeToElement(new
        {
            type = "identify", userId = member, messageId = $"demo-link-{contact}", timestamp = now,
            context = new { externalIds = new[] { new { id = contact, type = "wecom_external_userid" } } },
        }), null, source, now, null, "demo", errors)).OfType<TrackingMessage>().ToList();
        if (errors.Count > 0) throw new InvalidOperationException($"Demo bindings are invalid: {string.Join("; ", errors.Keys)}");
        return await inbox.TryAccept(tenant, calls, ct) ? calls.Count : 0;
    }

    /// <summary>0–9 from the contact's id, the same on every node and every run.</summary>
    private static int StableShare(string contact) => (int)(contact.Aggregate(17u, (h, c) => h * 31 + c) % 10);
}
