namespace Waterwheel.Platform.Messaging;

/// <summary>Claims the inbox's due messages, partition by partition, oldest arrival first.</summary>
internal static class InboxClaims
{
    private static readonly ClaimColumns Columns = new(nameof(InboxMessage.ProcessedAt), nameof(InboxMessage.FailedAt), nameof(InboxMessage.ReceivedAt));

    /// <param name="sources">Only these sources (the urgent ones, claimed before the rest), or every source when null.</param>
    public static Task<List<InboxMessage>> Claim(PlatformDbContext db, string owner, DateTime now, TimeSpan lease, int batch, CancellationToken ct,
        IReadOnlyList<string>? sources = null) =>
        PartitionedClaims.Claim<InboxMessage>(db, Columns, owner, now, lease, batch, ct, sources);
}
