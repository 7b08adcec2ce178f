using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Customers.Data;
using Waterwheel.Customers.Profiles;
using Waterwheel.Customers.Timeline;
using Waterwheel.Platform.Data;
using Waterwheel.Platform.Tenancy;
using Waterwheel.Testing;

namespace Waterwheel.Customers.Tests.Integration;

/// <summary>
/// Timeline lines written in bulk (COPY on PostgreSQL, a prepared INSERT on SQLite) read back through EF exactly as
/// written, commit and roll back with the transaction around them, and move with a profile merged in the same unit of
/// work as the tracked lines do.
/// </summary>
public abstract class BulkTimelineTests(string provider)
{
    private static async Task<(WaterwheelApp App, Guid Tenant, HttpClient Admin)> Start(string provider)
    {
        var app = new WaterwheelApp(await TestDatabase.Create(provider), new Dictionary<string, string?>
        {
            ["Waterwheel:Inbox:PollInterval"] = "00:00:00.100",
        });
        var admin = await app.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        var tenant = (await admin.GetFromJsonAsync<JsonElement>("/api/platform/me")).GetProperty("tenantId").GetGuid();
        return (app, tenant, admin);
    }

    private static Task<T> AsSystem<T>(WaterwheelApp app, Guid tenant, Func<CustomersDbContext, Task<T>> work) => app.InScope(sp =>
    {
        sp.GetRequiredService<ActorContext>().UseSystem(tenant);
        return work(sp.GetRequiredService<CustomersDbContext>());
    });

    [Fact]
    public async Task Lines_written_in_bulk_read_back_field_for_field_and_a_rolled_back_transaction_leaves_none()
    {
        var (app, tenant, _) = await Start(provider);
        await using var _ = app;
        var at = new DateTime(2026, 11, 30, 8, 15, 42, 123, DateTimeKind.Utc);
        var lines = await AsSystem(app, tenant, async db =>
        {
            var profile = new CustomerProfile { TenantId = tenant, CreatedAt = at, UpdatedAt = at };
            db.Profiles.Add(profile);
            await db.SaveChangesAsync();
            var source = Guid.NewGuid();
            List<TimelineEntry> written =
            [
                new() { TenantId = tenant, ProfileId = profile.Id, Kind = TimelineKind.Tracked, OccurredAt = at, Subject = "Order Completed",
                    Properties = """{"商品":"桂花糕","price":129.5}""", Amount = 129.50m, SourceId = source, SourceKey = "seg:a:1" },
                new() { TenantId = tenant, ProfileId = profile.Id, Kind = TimelineKind.Identified, OccurredAt = at.AddSeconds(1),
                    Detail = "dropped invalid traits: birthday", SourceKey = "seg:a:2" },
                new() { TenantId = tenant, ProfileId = profile.Id, Kind = TimelineKind.PageViewed, OccurredAt = at.AddSeconds(2), SourceKey = "seg:a:3" },
            ];
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await db.AppendAsync(written, CancellationToken.None);
                await transaction.CommitAsync();
            }
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await db.AppendAsync([new TimelineEntry { TenantId = tenant, ProfileId = profile.Id, Kind = TimelineKind.Tracked, OccurredAt = at, SourceKey = "seg:a:4" }],
                    CancellationToken.None);
                await transaction.RollbackAsync();
            }
            return written;
        });

        var read = await AsSystem(app, tenant, db => db.Timeline.AsNoTracking().OrderBy(t => t.OccurredAt).ToListAsync());
        Assert.Equal(lines.Count, read.Count);
        foreach (var (expected, actual) in lines.Zip(read))
        {
            Assert.Equal(expected.Id, actual.Id);
            Assert.Equal((expected.TenantId, expected.ProfileId, expected.Kind, expected.OccurredAt), (actual.TenantId, actual.ProfileId, actual.Kind, actual.OccurredAt));
            Assert.Equal((expected.Subject, expected.Detail, expected.Properties), (actual.Subject, actual.Detail, actual.Properties));
            Assert.Equal((expected.Amount, expected.SourceId, expected.SourceKey), (actual.Amount, actual.SourceId, actual.SourceKey));
        }
        // A line names its source key once: the unique index holds for bulk lines as for any other.
        await Assert.ThrowsAnyAsync<Exception>(() => AsSystem(app, tenant, async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.AppendAsync([new TimelineEntry { TenantId = tenant, ProfileId = read[0].ProfileId, Kind = TimelineKind.Tracked, OccurredAt = at, SourceKey = "seg:a:1" }],
                CancellationToken.None);
            await transaction.CommitAsync();
            return 0;
        }));
    }

    [Fact]
    public async Task Bulk_lines_are_written_only_inside_a_transaction()
    {
        var (app, tenant, _) = await Start(provider);
        await using var _ = app;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AsSystem(app, tenant, async db =>
        {
            await db.AppendAsync([new TimelineEntry { TenantId = tenant, ProfileId = Guid.NewGuid(), SourceKey = "x" }], CancellationToken.None);
            return 0;
        }));
        Assert.Contains("transaction", error.Message);
    }

    [Fact]
    public async Task A_merge_in_the_same_batch_moves_the_merged_profiles_pending_lines_and_undoing_it_moves_them_back()
    {
        var (app, tenant, admin) = await Start(provider);
        await using var _ = app;
        using var created = await admin.PostAsJsonAsync("/api/customers/sources", new { name = "官网" });
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("writeKey").GetString()!;
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        // A visitor browses, signs up as a member (a second profile) and the site says the two are one person: all in one request.
        const string batch = """
            {"batch":[
              {"type":"page","anonymousId":"visitor-7","messageId":"b-1","name":"首页"},
              {"type":"identify","userId":"member-7","messageId":"b-2","traits":{"name":"周静"}},
              {"type":"alias","previousId":"visitor-7","userId":"member-7","messageId":"b-3"}
            ]}
            """;
        using (var response = await client.PostAsync("/v1/batch", new StringContent(batch, Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Task<List<TimelineEntry>> Lines() => AsSystem(app, tenant, db => db.Timeline.AsNoTracking().Where(t => t.SourceKey.StartsWith("seg:")).ToListAsync());
        for (var i = 0; i < 200 && (await Lines()).Count < 3; i++) await Task.Delay(50);
        var lines = await Lines();
        Assert.Equal(3, lines.Count);
        Assert.Single(lines.Select(l => l.ProfileId).Distinct());
        var merge = await AsSystem(app, tenant, db => db.Merges.AsNoTracking().SingleAsync());
        var identified = lines.Single(l => l.Kind == TimelineKind.Identified);
        Assert.Contains(identified.Id, merge.MovedTimeline);

        using (var undone = await admin.PostAsync($"/api/customers/profiles/{merge.SurvivorId}/merges/{merge.Id}/undo", null))
            Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        var after = (await Lines()).ToDictionary(l => l.Kind);
        Assert.Equal(merge.MergedId, after[TimelineKind.Identified].ProfileId);
        Assert.Equal(merge.SurvivorId, after[TimelineKind.PageViewed].ProfileId);
    }

    [Fact]
    public async Task A_save_with_new_rows_in_bulk_writes_each_once_updates_the_rest_and_announces_the_new_profiles()
    {
        var (app, tenant, _) = await Start(provider);
        await using var _ = app;
        var at = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
        var existing = await AsSystem(app, tenant, async db =>
        {
            var profile = new CustomerProfile { TenantId = tenant, Name = "李雷", CreatedAt = at, UpdatedAt = at };
            db.Profiles.Add(profile);
            await db.SaveChangesAsync();
            return profile.Id;
        });

        var started = await AsSystem(app, tenant, async db =>
        {
            db.WritesNewRowsInBulk = true;
            var fresh = new CustomerProfile { TenantId = tenant, Name = "王小明", City = "杭州市", CreatedAt = at, UpdatedAt = at, FirstSeenAt = at, LastSeenAt = at };
            db.Profiles.Add(fresh);
            db.Identities.Add(new Identity.CustomerIdentity
            {
                TenantId = tenant, ProfileId = fresh.Id, Type = Identity.IdentityType.UserId, Key = "u-1", Source = "test", LinkedAt = at,
            });
            (await db.Profiles.SingleAsync(p => p.Id == existing)).OrderCount = 2;
            await db.Atomically(() => db.SaveChangesAsync(), CancellationToken.None);
            // Written and now treated as stored: a later change to it in the same unit of work is an update, not a second row.
            fresh.City = "上海市";
            await db.Atomically(() => db.SaveChangesAsync(), CancellationToken.None);
            return fresh.Id;
        });

        var (profiles, identities, terms, announced) = await AsSystem(app, tenant, async db => (
            await db.Profiles.AsNoTracking().OrderBy(p => p.CreatedAt).ThenBy(p => p.Name).ToListAsync(),
            await db.Identities.AsNoTracking().ToListAsync(),
            await db.NameTerms.AsNoTracking().Where(t => t.ProfileId == started).Select(t => t.Term).ToListAsync(),
            await db.Set<Platform.Messaging.OutboxMessage>().AsNoTracking().Where(m => m.EventName == Contracts.CustomerProfilesChanged.EventName).Select(m => m.Payload).ToListAsync()));
        var fresh = Assert.Single(profiles, p => p.Id == started);
        Assert.Equal(("王小明", "上海市", 1), (fresh.Name, fresh.City, fresh.Version));
        var old = Assert.Single(profiles, p => p.Id == existing);
        Assert.Equal((2, 1), (old.OrderCount, old.Version));
        Assert.Equal(started, Assert.Single(identities).ProfileId);
        Assert.Contains("王小", terms);
        Assert.Contains(announced, payload => payload.Contains(started.ToString()) && payload.Contains(existing.ToString()));
    }
}

public sealed class BulkTimelineSqlite() : BulkTimelineTests("sqlite");

public sealed class BulkTimelinePostgres() : BulkTimelineTests("postgres");
