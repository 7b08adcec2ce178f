using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waterwheel.Platform.Messaging;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public const int SourceLength = InboxLimits.SourceLength;
    public const int DedupeKeyLength = InboxLimits.DedupeKeyLength;
    public const int PartitionLength = InboxLimits.PartitionLength;

    public void Configure(EntityTypeBuilder<InboxMessage> b)
    {
        b.ToTable("inbox");
        b.Property(m => m.Source).HasMaxLength(SourceLength);
        b.Property(m => m.DedupeKey).HasMaxLength(DedupeKeyLength);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.Property(m => m.LeaseOwner).HasMaxLength(100);
        b.Property(m => m.Partition).HasMaxLength(PartitionLength);
        b.HasIndex(m => new { m.Source, m.DedupeKey }).IsUnique();
        // The claim's two questions: which open messages come first, and what is still open in a partition.
        b.HasIndex(m => new { m.ProcessedAt, m.FailedAt, m.ReceivedAt });
        b.HasIndex(m => new { m.Partition, m.ReceivedAt });
        // Open messages only (processed ones are most of the table until retention purges them): the claim walks them in
        // arrival order instead of sorting the whole backlog on every claim, and a source's backlog is counted from them.
        const string open = "\"ProcessedAt\" IS NULL AND \"FailedAt\" IS NULL";
        b.HasIndex(m => new { m.ReceivedAt, m.Id }).HasFilter(open).HasDatabaseName("IX_inbox_open_arrival");
        b.HasIndex(m => m.Source).HasFilter(open).HasDatabaseName("IX_inbox_open_source");
    }
}
