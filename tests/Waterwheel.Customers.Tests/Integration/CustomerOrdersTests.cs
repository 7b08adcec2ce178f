using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Customers.Contracts;
using Waterwheel.Customers.Profiles;
using Waterwheel.Customers.Timeline;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Tests.Integration;

/// <summary>
/// Another module asks, by WeCom contact, for the first order placed within a window after a moment (a funnel's "ordered
/// within 30 days of adding"): an order tracked for the contact's person counts, one outside the window does not, a
/// contact without orders or without a profile is absent.
/// </summary>
public abstract class CustomerOrdersTests(string provider) : IAsyncLifetime
{
    private BrandWithWeCom _brand = null!;

    public async Task InitializeAsync() => _brand = await BrandWithWeCom.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    [Fact]
    public async Task The_first_order_within_the_window_after_the_add_is_found_by_contact()
    {
        var buyer = await _brand.CustomerAdds("guide.wang");
        var browser = await _brand.CustomerAdds("guide.wang");
        var added = await _brand.Read(db => db.Relationships.Where(r => r.ExternalUserId == buyer).Select(r => r.AddedAt).SingleAsync());
        var writeKey = await WriteKey();

        _brand.Time.Advance(TimeSpan.FromDays(3));
        await Order(writeKey, buyer, 1);
        var early = _brand.Time.GetUtcNow().UtcDateTime;
        _brand.Time.Advance(TimeSpan.FromDays(40));
        await Order(writeKey, buyer, 2);
        var late = _brand.Time.GetUtcNow().UtcDateTime;

        var first = await FirstOrders([new(buyer, added), new(browser, added), new("wm-nobody", added)]);
        Assert.Equal([buyer], first.Keys);
        Assert.Equal(early, first[buyer], TimeSpan.FromSeconds(1));
        // From a later start only the later order is inside the window; from after it, none is.
        Assert.Equal(late, (await FirstOrders([new(buyer, late.AddDays(-3))]))[buyer], TimeSpan.FromSeconds(1));
        Assert.Empty(await FirstOrders([new(buyer, late.AddSeconds(1))]));
    }

    private Task<IReadOnlyDictionary<string, DateTime>> FirstOrders(IReadOnlyList<ContactSince> contacts) => _brand.App.InScope(sp =>
    {
        sp.GetRequiredService<ActorContext>().UseSystem(_brand.TenantId);
        return sp.GetRequiredService<ICustomerOrders>().FirstOrders(contacts, TimeSpan.FromDays(30), default);
    });

    private async Task Order(string writeKey, string externalUserId, int expected)
    {
        var client = _brand.App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        var body = JsonSerializer.Serialize(new
        {
            anonymousId = $"till-{Guid.NewGuid():N}", messageId = Guid.NewGuid().ToString("N"), @event = "Order Completed", properties = new { total = 88 },
            context = new { externalIds = new[] { new { id = externalUserId, type = "wecom_external_userid" } } },
        });
        using (var response = await client.PostAsync("/v1/track", new StringContent(body, Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await BrandWithWeCom.Eventually(async () => await _brand.Read(db =>
            db.Timeline.CountAsync(t => t.Kind == TimelineKind.Tracked && t.Subject == OrderEvents.OrderCompleted)) == expected, "the order on the timeline");
    }

    private async Task<string> WriteKey()
    {
        using var response = await _brand.Admin.PostAsJsonAsync("/api/customers/sources", new { name = "门店收银" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("writeKey").GetString()!;
    }
}

public sealed class CustomerOrdersSqlite() : CustomerOrdersTests("sqlite");

public sealed class CustomerOrdersPostgres() : CustomerOrdersTests("postgres");
