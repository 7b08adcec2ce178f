using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Tenancy;
using Waterwheel.Testing;

namespace Waterwheel.Platform.Tests.Infrastructure;

/// <summary>
/// One tenant's organisation: a region with two dealers, a store under each dealer and one under the region, staff of
/// every role. Every name carries the tenant's <see cref="Marker"/>, so a leak of its data shows in any response.
/// </summary>
public sealed record TenantWorld(
    Guid TenantId, string Marker, Guid HeadOffice, Guid Region, Guid Dealer1, Guid Dealer2, Guid Store1, Guid Store2, Guid RegionStore,
    Guid DealerAdmin1, Guid DealerAdmin2, Guid Manager1, Guid Guide1a, Guid Guide1b, Guid Guide2, Guid Analyst,
    string Guide2Mobile, Guid ApiKey, Guid RelationAlert, Accounts? Accounts, CustomerObjects Customers, AudienceObjects Audiences,
    AcquisitionObjects Acquisition)
{
    /// <summary>Every id of this tenant's objects, which must never appear in another tenant's responses.</summary>
    public IReadOnlyList<Guid> AllIds =>
        [TenantId, HeadOffice, Region, Dealer1, Dealer2, Store1, Store2, RegionStore, DealerAdmin1, DealerAdmin2, Manager1, Guide1a, Guide1b, Guide2, Analyst, ApiKey, RelationAlert,
         Customers.Profile, Customers.Merge, Customers.Source, Customers.Mark, Audiences.TagGroup, Audiences.Tag, Audiences.Segment, Audiences.Pack,
         Acquisition.Channel, Acquisition.Code, Acquisition.GroupCode];
}

/// <summary>The tenant's customer objects: a profile that absorbed another (so it has a merge), an event source, an identifier mark.</summary>
public sealed record CustomerObjects(Guid Profile, Guid Merge, Guid Source, Guid Mark, Guid Import, Guid ImportTemplate);

/// <summary>The tenant's audience objects: a tag group with a tag, a saved segment naming the tag, and a pack frozen from it.</summary>
public sealed record AudienceObjects(Guid TagGroup, Guid Tag, Guid Segment, Guid Pack);

/// <summary>The tenant's acquisition objects: a channel, and a live code and a group live code on it.</summary>
public sealed record AcquisitionObjects(Guid Channel, Guid Code, Guid GroupCode);

/// <summary>User names of tenant A's staff who can sign in (all with <see cref="Arrange.StaffPassword"/>).</summary>
public sealed record Accounts(string DealerAdmin1, string Manager1, string Guide1a, string Analyst);

/// <summary>Tenant A (the bootstrapped "alpha") and tenant B (provisioned), each with the same shape.</summary>
public sealed record World(TenantWorld A, TenantWorld B, HttpClient AdminB);

public static class Worlds
{
    public const string MarkerA = "alphaQ7mark";
    public const string MarkerB = "bravoZ9mark";
    public const string AdminBUser = MarkerB + "-admin";
    public const string AdminBPassword = "Bravo-admin-pass-1";

    public static async Task<World> Build(WaterwheelApp app, HttpClient adminA)
    {
        var provisioned = await app.InScope(sp => sp.GetRequiredService<TenantProvisioning>().Create(
            new NewTenant("Bravo " + MarkerB, "bravo", AdminBUser, AdminBPassword, "Admin " + MarkerB, "13900000002"), CancellationToken.None));
        var adminB = await app.SignedIn(AdminBUser, AdminBPassword);
        var meA = await adminA.GetOk("/api/platform/me");
        var a = await Tenant(app, adminA, meA.GetProperty("tenantId").GetGuid(), MarkerA, withAccounts: true);
        var b = await Tenant(app, adminB, provisioned.TenantId, MarkerB, withAccounts: false);
        return new World(a, b, adminB);
    }

    private static async Task<TenantWorld> Tenant(WaterwheelApp app, HttpClient admin, Guid tenantId, string m, bool withAccounts)
    {
        var hq = await Arrange.HeadOffice(admin);
        var region = await Arrange.OrgUnit(admin, hq, "Region", $"{m} region", $"{m}-R");
        var dealer1 = await Arrange.OrgUnit(admin, region, "Dealer", $"{m} dealer 1", $"{m}-D1");
        var dealer2 = await Arrange.OrgUnit(admin, region, "Dealer", $"{m} dealer 2", $"{m}-D2");
        var store1 = (await Arrange.Store(admin, dealer1, $"{m} store 1", $"{m}-S1", $"{m}City")).Id();
        var store2 = (await Arrange.Store(admin, dealer2, $"{m} store 2", $"{m}-S2", $"{m}City")).Id();
        var regionStore = (await Arrange.Store(admin, region, $"{m} store R", $"{m}-SR", $"{m}City")).Id();
        var dealerAdmin1 = (await Arrange.Staff(admin, $"{m} dealer admin 1", "DealerAdmin", orgUnitId: dealer1)).Id();
        var dealerAdmin2 = (await Arrange.Staff(admin, $"{m} dealer admin 2", "DealerAdmin", orgUnitId: dealer2)).Id();
        var manager1 = (await Arrange.Staff(admin, $"{m} manager 1", "StoreManager", storeId: store1)).Id();
        var guide1a = (await Arrange.Staff(admin, $"{m} guide 1a", "Guide", storeId: store1)).Id();
        var guide1b = (await Arrange.Staff(admin, $"{m} guide 1b", "Guide", storeId: store1)).Id();
        var guide2Mobile = Arrange.NewMobile();
        var guide2 = (await Arrange.Staff(admin, $"{m} guide 2", "Guide", storeId: store2, mobile: guide2Mobile)).Id();
        var analyst = (await Arrange.Staff(admin, $"{m} analyst", "Analyst", orgUnitId: hq)).Id();
        var (apiKey, _) = await Arrange.ApiKey(admin, $"{m} key", "org.read");
        var alert = await RelationAlert(app, tenantId, m);
        var accounts = withAccounts
            ? new Accounts(
                await Arrange.Account(admin, dealerAdmin1, $"{m}-dealer1"),
                await Arrange.Account(admin, manager1, $"{m}-manager1"),
                await Arrange.Account(admin, guide1a, $"{m}-guide1a"),
                await Arrange.Account(admin, analyst, $"{m}-analyst"))
            : null;
        var (profile, merge) = await MergedCustomer(app, tenantId, m);
        var source = (await admin.PostCreated("/api/customers/sources", new { name = $"{m} website" })).GetProperty("source").Id();
        var mark = (await admin.PostCreated("/api/customers/identifier-marks", new { type = "DeviceId", value = $"{m}-tablet", kind = "Shared" })).Id();
        // A tenant's own template is named by its key, which is its id.
        var template = Guid.Parse((await admin.PostCreated("/api/customers/imports/templates", new
        {
            name = $"{m} till export", kind = "Orders", channel = "pos", buyerIdType = "PosMemberNumber",
            columns = new Dictionary<string, string> { ["OrderNumber"] = "单号", ["BuyerId"] = "会员卡号", ["Amount"] = "金额", ["OrderedAt"] = "时间" },
        })).Text("key"));
        var import = await CheckedImport(admin, m);
        return new TenantWorld(tenantId, m, hq, region, dealer1, dealer2, store1, store2, regionStore, dealerAdmin1, dealerAdmin2,
            manager1, guide1a, guide1b, guide2, analyst, guide2Mobile, apiKey, alert, accounts,
            new CustomerObjects(profile, merge, source, mark, import, template), await Audiences(admin, m),
            await Acquisition(app, admin, tenantId, m, guide1a));
    }

    private static async Task<AudienceObjects> Audiences(HttpClient admin, string m)
    {
        var group = (await admin.PostCreated("/api/audiences/tag-groups", new { name = $"{m} group", multiValued = true })).Id();
        var tag = (await admin.PostCreated("/api/audiences/tags", new { groupId = group, name = $"{m} tag" })).Id();
        var segment = (await admin.PostCreated("/api/audiences/segments", new { name = $"{m} segment", text = $"not tag \"{m} tag\"" })).Id();
        var pack = (await admin.PostCreated("/api/audiences/packs", new { name = $"{m} pack", segmentId = segment })).Id();
        return new AudienceObjects(group, tag, segment, pack);
    }

    /// <summary>A member known first by a user id and separately by a visit's anonymous id, then linked: two profiles merged into one.</summary>
    /// <summary>A small till export, uploaded and checked: it stays as it is until someone commits it.</summary>
    private static async Task<Guid> CheckedImport(HttpClient admin, string m)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"单号,会员卡号,金额,时间\n{m}-1,{m}-M1,10.00,2026-11-01 10:00\n"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", $"{m}-till.csv");
        var id = (await admin.PostAsync("/api/customers/imports?template=pos", content).Expect(System.Net.HttpStatusCode.Created)).Id();
        for (var i = 0; i < 200; i++)
        {
            var status = (await admin.GetOk($"/api/customers/imports/{id}")).GetProperty("status").GetString();
            if (status is not ("Uploaded" or "Validating")) return id;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException("The world's import was not checked in time.");
    }

    private static Task<(Guid Profile, Guid Merge)> MergedCustomer(WaterwheelApp app, Guid tenantId, string m) => app.InScope(async sp =>
    {
        sp.GetRequiredService<ActorContext>().UseSystem(tenantId);
        var links = sp.GetRequiredService<Customers.Identity.IdentityLinks>();
        var db = sp.GetRequiredService<Customers.Data.CustomersDbContext>();
        var member = new Customers.Identity.IdentifierClaim(Customers.Identity.IdentityType.UserId, $"{m}-member");
        var visitor = new Customers.Identity.IdentifierClaim(Customers.Identity.IdentityType.AnonymousId, $"{m}-visitor");
        var at = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        (await links.Resolve(tenantId, [member], "world", CancellationToken.None)).Describe($"{m} customer", null, Customers.Profiles.Gender.Female, at);
        await db.SaveChangesAsync();
        (await links.Resolve(tenantId, [visitor], "world", CancellationToken.None)).Describe($"{m} visitor", null, Customers.Profiles.Gender.Unknown, at);
        await db.SaveChangesAsync();
        var profile = await links.Resolve(tenantId, [member, visitor], "world", CancellationToken.None);
        await db.SaveChangesAsync();
        return (profile.Id, (await db.Merges.SingleAsync(x => x.SurvivorId == profile.Id)).Id);
    });

    /// <summary>Alerts arise only from WeCom callbacks, so the world stores one directly, as the callback handler would.</summary>
    /// <summary>A channel made through the API and a live code stored as if WeCom had made its way (the world has no WeCom connection).</summary>
    private static async Task<AcquisitionObjects> Acquisition(WaterwheelApp app, HttpClient admin, Guid tenantId, string m, Guid guide)
    {
        var channel = (await admin.PostCreated("/api/acquisition/channels", new { name = $"{m} poster", kind = "Poster", cost = 100m })).Id();
        var code = await app.InScope(async sp =>
        {
            sp.GetRequiredService<ActorContext>().UseSystem(tenantId);
            var db = sp.GetRequiredService<Waterwheel.Acquisition.Data.AcquisitionDbContext>();
            var live = new Waterwheel.Acquisition.Codes.LiveCode
            {
                TenantId = tenantId, ChannelId = channel, Name = $"{m} code", State = "lc" + Guid.NewGuid().ToString("N")[..12],
                Pool = [new(guide, $"{m}-guide", null, false)], ConfigId = $"cw-{m}", QrCodeUrl = $"https://wework.qpic.cn/{m}", LiveUserIds = [$"{m}-guide"],
                CreatedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
            };
            db.Codes.Add(live);
            var group = new Waterwheel.Acquisition.Groups.GroupCode
            {
                TenantId = tenantId, ChannelId = channel, Name = $"{m} group code", State = "gc" + Guid.NewGuid().ToString("N")[..12],
                ChatIds = [$"wr-{m}"], LiveChatIds = [$"wr-{m}"], Cap = 100, ConfigId = $"jw-{m}", QrCodeUrl = $"https://wework.qpic.cn/join/{m}",
                CreatedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
            };
            db.GroupCodes.Add(group);
            await db.SaveChangesAsync();
            return (live.Id, group.Id);
        });
        return new AcquisitionObjects(channel, code.Item1, code.Item2);
    }

    private static Task<Guid> RelationAlert(WaterwheelApp app, Guid tenantId, string m) => app.InScope(async sp =>
    {
        sp.GetRequiredService<ActorContext>().UseSystem(tenantId);
        var db = sp.GetRequiredService<WeCom.Data.WeComDbContext>();
        var alert = new WeCom.Alerts.RelationAlert
        {
            TenantId = tenantId, Kind = WeCom.Alerts.RelationAlertKind.CustomerDeletedStaff, EventKey = $"seed|{m}",
            ExternalUserId = $"wm{m}", StaffUserId = $"{m}-guide", OccurredAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        db.RelationAlerts.Add(alert);
        await db.SaveChangesAsync();
        return alert.Id;
    });
}
