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
    }
}
