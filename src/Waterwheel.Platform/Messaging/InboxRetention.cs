using Microsoft.Extensions.Options;
using Waterwheel.Platform.Jobs;

namespace Waterwheel.Platform.Messaging;

/// <summary>Deletes handled inbox messages past their retention; parked ones stay for an operator.</summary>
internal sealed class InboxRetention(PlatformDbContext db, TimeProvider time, IOptions<InboxOptions> options) : IRecurringJob
{
    public async Task Run(CancellationToken ct)
    {
        var before = time.GetUtcNow().UtcDateTime - options.Value.KeepProcessed;
        await db.Inbox.Where(m => m.ProcessedAt != null && m.ProcessedAt < before).ExecuteDeleteAsync(ct);
    }
}
