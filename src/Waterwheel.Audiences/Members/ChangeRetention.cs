using Microsoft.Extensions.Options;
using Waterwheel.Platform.Jobs;

namespace Waterwheel.Audiences.Members;

/// <summary>
/// Deletes change-log rows older than <see cref="AudienceOptions.KeepChanges"/>, once per cluster (ADR 8): every node
/// applied them long ago, and one that was away longer rebuilds from the tables when it starts.
/// </summary>
internal sealed class ChangeRetention(AudiencesDbContext db, IOptions<AudienceOptions> options, TimeProvider time) : IRecurringJob
{
    public async Task Run(CancellationToken ct)
    {
        var before = time.GetUtcNow().UtcDateTime - options.Value.KeepChanges;
        // Every tenant's rows, by age: the one sweep that crosses tenants, on purpose.
        await db.Serialized(() => db.Changes.IgnoreQueryFilters().Where(c => c.At < before).ExecuteDeleteAsync(ct), ct);
    }
}
