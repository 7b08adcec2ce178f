using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Seg = Waterwheel.Audiences.Segments;
using AudienceJson = Waterwheel.Audiences.Segments.Json;
using AudienceSql = Waterwheel.Audiences.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Waterwheel.Audiences.Tests.Integration;

/// <summary>
/// The module end to end in the real server: customers made by the Customers module become members and count in the
/// index, tags move counts, data scopes hold, packs freeze and export, and bad segments are refused by field.
/// </summary>
public abstract class AudienceModuleTests(string provider) : IAsyncLifetime
{
    private AudienceBrand _brand = null!;

    public async Task InitializeAsync() => _brand = await AudienceBrand.Start(provider);

    public async Task DisposeAsync() => await _brand.DisposeAsync();

    [Fact]
    public async Task A_customer_made_in_Customers_counts_and_a_tag_moves_the_count_within_each_scope()
    {
        var dealers = await _brand.CustomerAdds("guide.li");
        var headOffices = await _brand.CustomerAdds("guide.wang");
        var admin = _brand.Admin;
        await admin.CountBecomes(AudienceApi.Everyone, 2, "both customers in the index");

        var lost = await admin.Tag("已流失");
        var dealer = await _brand.SignedIn("dealer");
        await dealer.PostAsJsonAsync($"/api/audiences/profiles/{dealers}/tags", new { tagId = lost }).Ok();
        await admin.CountBecomes(AudienceApi.HasTag(lost), 1, "the tagged customer, counted by head office");
        var notLost = new { op = "not", arg = AudienceApi.HasTag(lost) };
        Assert.Equal(1, await admin.Count(notLost));

        // The dealer counts only the dealer's customer; head office and the analyst count both; each guide their own.
        Assert.Equal(1, await dealer.Count(AudienceApi.Everyone));
        Assert.Equal(1, await dealer.Count(AudienceApi.HasTag(lost)));
        Assert.Equal(2, await (await _brand.SignedIn("analyst")).Count(AudienceApi.Everyone));
        var wang = await _brand.SignedIn("wang");
        Assert.Equal(1, await wang.Count(AudienceApi.Everyone));
        Assert.Equal(0, await wang.Count(AudienceApi.HasTag(lost)));
        // A dealer cannot reach head office's customer; head office counts the dealer's but cannot reach them either.
        await dealer.PostAsJsonAsync($"/api/audiences/profiles/{headOffices}/tags", new { tagId = lost }).Ok(HttpStatusCode.NotFound);
        await admin.PostAsJsonAsync($"/api/audiences/profiles/{dealers}/tags/removal", new { tagId = lost }).Ok(HttpStatusCode.NotFound);
        await admin.GetAsync($"/api/audiences/profiles/{dealers}/tags").Ok(HttpStatusCode.NotFound);

        await dealer.PostAsJsonAsync($"/api/audiences/profiles/{dealers}/tags/removal", new { tagId = lost }).Ok();
        await admin.CountBecomes(AudienceApi.HasTag(lost), 0, "the tag taken away");
        var tags = await dealer.GetFromJsonAsync<JsonElement>($"/api/audiences/profiles/{dealers}/tags");
        Assert.Equal(0, tags.GetArrayLength());
    }

    [Fact]
    public async Task Each_role_reaches_the_tags_of_exactly_the_customers_its_profile_scope_shows()
    {
        var dealers = await _brand.CustomerAdds("guide.li");
        var headOffices = await _brand.CustomerAdds("guide.wang");
        await _brand.Admin.CountBecomes(AudienceApi.Everyone, 2, "both customers in the index");
        const HttpStatusCode ok = HttpStatusCode.OK, none = HttpStatusCode.NotFound, no = HttpStatusCode.Forbidden;

        var expected = new (string User, HttpStatusCode Dealers, HttpStatusCode HeadOffices)[]
        {
            ("dealer", ok, none), ("li", ok, none), ("wang", none, ok), ("operator", none, ok), ("admin", none, ok), ("analyst", no, no),
        };
        var failures = new List<string>();
        foreach (var (user, dealerStatus, hqStatus) in expected)
        {
            var client = user == "admin" ? _brand.Admin : await _brand.SignedIn(user);
            foreach (var (profile, status) in new[] { (dealers, dealerStatus), (headOffices, hqStatus) })
            {
                using var response = await client.GetAsync($"/api/audiences/profiles/{profile}/tags");
                if (response.StatusCode != status) failures.Add($"{user} {profile}: {(int)response.StatusCode}, expected {(int)status}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Bulk_tagging_a_segment_tags_only_the_callers_customers()
    {
        await _brand.CustomerAdds("guide.li");
        await _brand.CustomerAdds("guide.wang");
        await _brand.Admin.CountBecomes(AudienceApi.Everyone, 2, "both customers in the index");
        var vip = await _brand.Admin.Tag("VIP");

        var dealer = await _brand.SignedIn("dealer");
        var result = await dealer.PostAsJsonAsync($"/api/audiences/tags/{vip}/bulk", new { expression = AudienceApi.Everyone }).Ok();

        Assert.Equal((1UL, 1), (result.GetProperty("matched").GetUInt64(), result.GetProperty("changed").GetInt32()));
        await _brand.Admin.CountBecomes(AudienceApi.HasTag(vip), 1, "the dealer's customer tagged");

        // Head office's segment holds both, but it tags only the customer it may reach.
        var newcomer = await _brand.Admin.Tag("新客");
        var byHeadOffice = await _brand.Admin.PostAsJsonAsync($"/api/audiences/tags/{newcomer}/bulk", new { expression = AudienceApi.Everyone }).Ok();
        Assert.Equal((2UL, 1), (byHeadOffice.GetProperty("matched").GetUInt64(), byHeadOffice.GetProperty("changed").GetInt32()));
    }

    [Fact]
    public async Task A_frozen_pack_keeps_its_count_and_exports_its_people_masked_and_head_office_never_sees_the_dealers()
    {
        var dealers = await _brand.CustomerAdds("guide.li");
        var headOffices = await _brand.CustomerAdds("guide.wang");
        await _brand.Admin.CountBecomes(AudienceApi.Everyone, 2, "both customers in the index");

        var saved = await _brand.Admin.PostAsJsonAsync("/api/audiences/segments", new { name = "全部客户", text = "lifecycle_stage is set" }).Ok(HttpStatusCode.Created);
        Assert.Equal(2, saved.GetProperty("count").GetInt64());
        var pack = await _brand.Admin.PostAsJsonAsync("/api/audiences/packs", new { name = "双十一", segmentId = saved.GetProperty("id").GetGuid() })
            .Ok(HttpStatusCode.Created);
        Assert.Equal(2, pack.GetProperty("count").GetInt64());
        Assert.Equal("lifecycle_stage is set", pack.GetProperty("text").GetString());
        var id = pack.GetProperty("id").GetGuid();

        var operatorClient = await _brand.SignedIn("operator");
        using var response = await operatorClient.GetAsync($"/api/audiences/packs/{id}/export?format=csv");
        var csv = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, csv);
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length);
        var dealerLine = Assert.Single(lines, l => l.StartsWith(dealers.ToString(), StringComparison.Ordinal));
        var hqLine = Assert.Single(lines, l => l.StartsWith(headOffices.ToString(), StringComparison.Ordinal));
        // Head office counts the dealer's customer but gets no name for them; its own customer's name comes masked.
        Assert.Equal("", dealerLine.Split(',')[1]);
        Assert.NotEqual("", hqLine.Split(',')[1]);
        Assert.Contains("*", hqLine.Split(',')[1]);

        // A pack does not move when the customers do.
        await _brand.CustomerAdds("guide.wang");
        await _brand.Admin.CountBecomes(AudienceApi.Everyone, 3, "the third customer");
        Assert.Equal(2, (await _brand.Admin.GetFromJsonAsync<JsonElement>($"/api/audiences/packs/{id}")).GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task A_tag_valid_for_a_day_lapses_at_the_sweep()
    {
        var customer = await _brand.CustomerAdds("guide.wang");
        var group = await _brand.Admin.PostAsJsonAsync("/api/audiences/tag-groups", new { name = "活动" }).Ok(HttpStatusCode.Created);
        var trial = (await _brand.Admin.PostAsJsonAsync("/api/audiences/tags", new { groupId = group.GetProperty("id").GetGuid(), name = "试用中", expiryDays = 1 })
            .Ok(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await _brand.Admin.CountBecomes(AudienceApi.Everyone, 1, "the customer in the index");
        await _brand.Admin.PostAsJsonAsync($"/api/audiences/profiles/{customer}/tags", new { tagId = trial }).Ok();
        await _brand.Admin.CountBecomes(AudienceApi.HasTag(trial), 1, "the trial tag");

        _brand.Time.Advance(TimeSpan.FromDays(2));
        await _brand.App.InScope(async sp =>
        {
            await sp.GetRequiredService<Tags.TagExpiry>().Run(CancellationToken.None);
            return 0;
        });

        var admin = await _brand.App.SignedIn(Waterwheel.Testing.WaterwheelApp.AdminUser, Waterwheel.Testing.WaterwheelApp.AdminPassword);
        await admin.CountBecomes(AudienceApi.HasTag(trial), 0, "the lapsed tag gone");
    }

    [Fact]
    public async Task SQL_over_the_members_tables_counts_what_the_index_counts()
    {
        var dealers = await _brand.CustomerAdds("guide.li");
        await _brand.CustomerAdds("guide.wang");
        await _brand.CustomerAdds("guide.wang");
        var dealer = await _brand.SignedIn("dealer");
        var vip = await _brand.Admin.Tag("VIP");
        await dealer.PostAsJsonAsync($"/api/audiences/profiles/{dealers}/tags", new { tagId = vip }).Ok();
        await _brand.Admin.CountBecomes(AudienceApi.HasTag(vip), 1, "the tag in the index");
        var tenant = (await _brand.Admin.GetFromJsonAsync<JsonElement>("/api/platform/me")).GetProperty("tenantId").GetGuid();
        var today = Platform.Tenancy.TenantTime.Day(_brand.Time.GetUtcNow().UtcDateTime, Platform.Tenancy.TenantTime.DefaultZone);
        var segments = new Seg.Segment[]
        {
            new Seg.IsSet("lifecycle_stage"), new Seg.HasTag(vip), new Seg.Not(new Seg.HasTag(vip)),
            new Seg.WithinDays("first_seen_on", 30), new Seg.NumberRange("order_count", 0, 0),
            new Seg.And(new Seg.IsSet("owner_dealer"), new Seg.Not(new Seg.HasTag(vip))),
        };
        var failures = new List<string>();
        foreach (var segment in segments)
        {
            var json = JsonDocument.Parse(AudienceJson.SegmentJson.Write(segment)).RootElement;
            var indexed = await _brand.Admin.Count(json);
            var counted = await _brand.App.InScope(async sp =>
            {
                var db = sp.GetRequiredService<Data.AudiencesDbContext>();
                var connection = db.Database.GetDbConnection();
                await connection.OpenAsync();
                var dialect = db.Database.IsNpgsql() ? AudienceSql.SqlDialect.Postgres : AudienceSql.SqlDialect.Sqlite;
                var query = AudienceSql.SqlTranslator.Count(segment, tenant, today, dialect, new Seg.FieldCatalog());
                await using var command = connection.CreateCommand();
                command.CommandText = query.Text;
                foreach (var (name, value) in query.Parameters)
                {
                    var parameter = command.CreateParameter();
                    (parameter.ParameterName, parameter.Value) = (name, value);
                    command.Parameters.Add(parameter);
                }
                return Convert.ToInt64(await command.ExecuteScalarAsync());
            });
            if (indexed != counted) failures.Add($"{segment}: index {indexed}, SQL {counted}");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Bad_segments_are_refused_naming_the_field()
    {
        var unknownField = await _brand.Admin.PostAsJsonAsync("/api/audiences/count",
            new { expression = new { op = "in", field = "favourite_colour", values = new[] { "red" } } }).Ok(HttpStatusCode.BadRequest);
        Assert.Equal("segment_unknown_field", unknownField.GetProperty("code").GetString());
        Assert.Contains("favourite_colour", unknownField.GetProperty("errors").GetProperty("expression")[0].GetString());

        var both = await _brand.Admin.PostAsJsonAsync("/api/audiences/segments", new { name = "", text = "city in (" }).Ok(HttpStatusCode.BadRequest);
        var errors = both.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("text", out _), errors.ToString());

        var wrongKind = await _brand.Admin.PostAsJsonAsync("/api/audiences/count", new { text = "total_spent in (\"a\")" }).Ok(HttpStatusCode.BadRequest);
        Assert.Contains("total_spent", wrongKind.GetProperty("errors").GetProperty("text")[0].GetString());
    }

    [Fact]
    public async Task Tags_are_edited_with_their_version_and_unique_by_name()
    {
        var tag = await _brand.Admin.Tag("高价值");
        var read = await _brand.Admin.GetAsync($"/api/audiences/tags/{tag}");
        var etag = read.Headers.ETag!.Tag;
        var group = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("groupId").GetGuid();

        await _brand.Admin.PutAsJsonAsync($"/api/audiences/tags/{tag}", new { groupId = group, name = "高价值客户" }).Ok(HttpStatusCode.PreconditionRequired);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/audiences/tags/{tag}") { Content = JsonContent.Create(new { groupId = group, name = "高价值客户", color = "#FF8800" }) };
        put.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        await _brand.Admin.SendAsync(put).Ok();
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/audiences/tags/{tag}") { Content = JsonContent.Create(new { groupId = group, name = "又改" }) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        await _brand.Admin.SendAsync(stale).Ok(HttpStatusCode.PreconditionFailed);

        await _brand.Admin.PostAsJsonAsync("/api/audiences/tags", new { groupId = group, name = "高价值客户" }).Ok(HttpStatusCode.Conflict);
        var list = await _brand.Admin.GetFromJsonAsync<JsonElement>("/api/audiences/tags?q=高价值");
        Assert.Equal("高价值客户", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        // An operator without tag management may not create tags.
        var dealer = await _brand.SignedIn("dealer");
        await dealer.PostAsJsonAsync("/api/audiences/tags", new { groupId = group, name = "经销商标签" }).Ok(HttpStatusCode.Forbidden);
    }
}

public sealed class AudienceModuleSqlite() : AudienceModuleTests("sqlite");

public sealed class AudienceModulePostgres() : AudienceModuleTests("postgres");
