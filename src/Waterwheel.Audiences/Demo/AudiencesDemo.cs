using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Waterwheel.Audiences.Counting;
using Waterwheel.Audiences.SavedSegments;
using Waterwheel.Audiences.Tags;
using Waterwheel.Platform.Jobs;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Audiences.Demo;

/// <summary>Finds the demo brand's tenant; the host knows which tenant the demo seeded.</summary>
public delegate Task<Guid?> AudiencesDemoTenant(IServiceProvider services, CancellationToken ct);

/// <summary>
/// Gives the demo brand the tags and segments its operators would have made: rule tags for lapsed, repeat and big
/// spenders, a tag to mark by hand, and the segment the seeds' operators ask for (杭州 or 上海, bought in the last 90
/// days, spent over ¥300, not lapsed). Made through the same use cases as the console's, once per cluster, and only
/// what is missing, so a restart changes nothing. The WeCom corp tags the demo corp has arrive on their own.
/// </summary>
internal sealed class AudiencesDemo(IServiceScopeFactory scopes, IClusterLock locks, AudiencesDemoTenant demoTenant, TimeProvider time,
    ILogger<AudiencesDemo> log) : BackgroundService
{
    private static readonly (string Group, string Tag, string? Rule)[] Tags =
    [
        ("客户状态", "已流失", "lifecycle_stage in (\"dormant\", \"lost\")"),
        ("客户状态", "流失预警", "lifecycle_stage in (\"at_risk\")"),
        ("客户状态", "复购客户", "order_count >= 2"),
        ("价值分层", "高消费", "total_spent > 400"),
        ("价值分层", "重点关注", null),
    ];

    private static readonly (string Name, string Text)[] Segments =
    [
        ("杭沪近90天消费超300（未流失）", "city in (\"杭州市\", \"上海市\") and last_order_on within 90 days and not tag \"已流失\" and total_spent > 300"),
        ("高消费复购客户", "tag \"高消费\" and tag \"复购客户\""),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(4), time, stoppingToken);
            await Seed(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("Seeding the demo's tags and segments failed: {Error}", e.Message);
        }
    }

    /// <summary>Each step in a scope of its own, as each console request is: a scope reads the tenant's tags once.</summary>
    private async Task As(Guid tenant, Func<IServiceProvider, AudiencesDbContext, Task> step)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(tenant, "demo");
        await step(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<AudiencesDbContext>());
    }

    private async Task Seed(CancellationToken ct)
    {
        await using var held = await locks.TryAcquire("audiences.demo-seed", ct);
        if (held is null) return;
        Guid tenant;
        await using (var first = scopes.CreateAsyncScope())
        {
            if (await demoTenant(first.ServiceProvider, ct) is not { } found) return;
            tenant = found;
        }
        foreach (var (groupName, tagName, rule) in Tags)
            await As(tenant, async (services, db) =>
            {
                if (await db.Tags.AnyAsync(t => t.Name == tagName, ct)) return;
                var groupId = await db.TagGroups.Where(g => g.Name == groupName).Select(g => (Guid?)g.Id).FirstOrDefaultAsync(ct)
                              ?? (await services.GetRequiredService<CreateTagGroup>().Handle(new SaveTagGroupRequest(groupName, true), ct)).Value?.Id;
                var made = await services.GetRequiredService<CreateTag>().Handle(
                    new SaveTagRequest(groupId, tagName, null, null, null, null, rule is null ? null : new SegmentRequest(null, rule)), ct);
                if (!made.IsSuccess) log.LogWarning("Demo tag {Tag} was not made: {Error}", tagName, made.Error!.Message);
            });
        foreach (var (name, text) in Segments)
            await As(tenant, async (services, db) =>
            {
                if (await db.Segments.AnyAsync(s => s.Name == name, ct)) return;
                var made = await services.GetRequiredService<CreateSegment>().Handle(new SaveSegmentRequest(name, null, text), ct);
                if (!made.IsSuccess) log.LogWarning("Demo segment {Segment} was not made: {Error}", name, made.Error!.Message);
            });
    }
}
