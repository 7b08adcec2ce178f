using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Customers.Data;
using Waterwheel.Platform.Tenancy;
using Waterwheel.Testing;

namespace Waterwheel.Customers.Tests.Integration;

/// <summary>The customer list as a client reads it: keyset pages in every order, name search by any part, refusals.</summary>
public abstract class ProfileListTests(string provider) : IAsyncLifetime
{
    private static readonly string[] Names = ["张伟", "王芳", "李娜", "张丽", "刘洋", "陈静", "Amy Wang", "王张", "赵敏", "孙悦", "张伟", "周杰"];

    private WaterwheelApp _app = null!;
    private HttpClient _admin = null!;
    private Guid _tenant;
    private string _writeKey = "";

    public async Task InitializeAsync()
    {
        _app = new WaterwheelApp(await TestDatabase.Create(provider));
        _admin = await _app.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        _tenant = (await _admin.GetFromJsonAsync<JsonElement>("/api/platform/me")).GetProperty("tenantId").GetGuid();
        using var created = await _admin.PostAsJsonAsync("/api/customers/sources", new { name = "门店收银" });
        _writeKey = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("writeKey").GetString()!;
        var batch = Names.Select((name, i) => new
        {
            type = "identify", userId = $"member-{i}", messageId = $"m-{i}", traits = new { name },
            // Two people share a moment, so that the id alone must order them.
            timestamp = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc).AddMinutes(i / 2 * 10),
        });
        var client = _app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(_writeKey + ":")));
        using var sent = await client.PostAsJsonAsync("/v1/batch", new { batch });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        for (var i = 0; i < 300 && await Count() < Names.Length; i++) await Task.Delay(50);
        Assert.Equal(Names.Length, await Count());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<int> Count() => _app.InScope(sp =>
    {
        sp.GetRequiredService<ActorContext>().UseSystem(_tenant);
        return sp.GetRequiredService<CustomersDbContext>().Profiles.CountAsync();
    });

    private async Task<List<JsonElement>> ReadAll(string query, int pageSize)
    {
        var seen = new List<JsonElement>();
        string? after = null;
        do
        {
            var url = $"/api/customers/profiles?pageSize={pageSize}{query}" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}");
            var slice = await _admin.GetFromJsonAsync<JsonElement>(url);
            Assert.Equal(Names.Length, slice.GetProperty("total").GetInt32());
            seen.AddRange(slice.GetProperty("items").EnumerateArray());
            after = slice.GetProperty("next").GetString();
        } while (after is not null);
        return seen;
    }

    [Theory]
    [InlineData("", "lastSeenAt", true)]
    [InlineData("&sort=lastSeenAt&desc=false", "lastSeenAt", false)]
    [InlineData("&sort=firstSeenAt&desc=true", "firstSeenAt", true)]
    [InlineData("&sort=name", "name", false)]
    [InlineData("&sort=name&desc=true", "name", true)]
    public async Task Pages_read_by_cursor_give_every_customer_once_in_the_order_asked(string query, string column, bool descending)
    {
        var paged = await ReadAll(query, pageSize: 5);
        var whole = await ReadAll(query, pageSize: 200);
        Assert.Equal(Names.Length, paged.Select(r => r.GetProperty("id").GetGuid()).Distinct().Count());
        // Pages of five add up to the list read in one go, namesakes and same-minute rows included.
        Assert.Equal(whole.Select(r => r.GetProperty("id").GetGuid()), paged.Select(r => r.GetProperty("id").GetGuid()));
        if (column == "name")
        {
            // The database's collation decides the order of names (pinyin where configured); namesakes stand together.
            var names = paged.Select(r => r.GetProperty("name").GetString()!).ToList();
            Assert.Equal("张伟", names[names.IndexOf("张伟") + 1]);
            return;
        }
        var times = paged.Select(r => r.GetProperty(column).GetDateTime()).ToList();
        Assert.Equal(descending ? times.OrderDescending() : times.Order(), times);
        Assert.NotEqual(times.Order(), times.OrderDescending());
    }

    [Theory]
    [InlineData("张", new[] { "张伟", "张丽", "王张", "张伟" })]
    [InlineData("张伟", new[] { "张伟", "张伟" })]
    [InlineData("伟", new[] { "张伟", "张伟" })]
    [InlineData("amy", new[] { "Amy Wang" })]
    [InlineData("y wa", new[] { "Amy Wang" })]
    [InlineData("WANG", new[] { "Amy Wang" })]
    [InlineData("张伟伟", new string[0])]
    public async Task A_name_is_found_by_any_part_of_it(string search, string[] expected)
    {
        var found = (await _admin.GetFromJsonAsync<JsonElement>($"/api/customers/profiles?pageSize=50&q={Uri.EscapeDataString(search)}"))
            .GetProperty("items").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).Order().ToList();
        Assert.Equal(expected.Order().ToList(), found);
    }

    [Fact]
    public async Task A_renamed_customer_is_found_by_the_new_name_only()
    {
        var client = _app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(_writeKey + ":")));
        using (var renamed = await client.PostAsJsonAsync("/v1/identify", new { userId = "member-8", messageId = "rename-8", traits = new { name = "赵小敏" } }))
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        async Task<int> Found(string q) => (await _admin.GetFromJsonAsync<JsonElement>($"/api/customers/profiles?q={Uri.EscapeDataString(q)}")).GetProperty("total").GetInt32();
        for (var i = 0; i < 300 && await Found("小敏") == 0; i++) await Task.Delay(50);
        Assert.Equal(1, await Found("赵小敏"));
        Assert.Equal(0, await Found("赵敏"));
    }

    [Theory]
    [InlineData("after=not-a-cursor", "after")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=100000", "pageSize")]
    public async Task A_bad_cursor_or_page_size_is_a_400_naming_the_field(string query, string field)
    {
        using var response = await _admin.GetAsync($"/api/customers/profiles?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_cursor_from_one_order_is_refused_in_another()
    {
        var next = (await _admin.GetFromJsonAsync<JsonElement>("/api/customers/profiles?pageSize=2&sort=name")).GetProperty("next").GetString()!;
        using var response = await _admin.GetAsync($"/api/customers/profiles?pageSize=2&after={Uri.EscapeDataString(next)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class ProfileListSqlite() : ProfileListTests("sqlite");

public sealed class ProfileListPostgres() : ProfileListTests("postgres");
