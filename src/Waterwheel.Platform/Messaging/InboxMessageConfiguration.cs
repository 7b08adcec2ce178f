using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waterwheel.Platform.Messaging;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public const int SourceLength = 60;
    public const int DedupeKeyLength = 200;
    public const int PartitionLength = 100;

    public void Configure(EntityTypeBuilder<InboxMessage> b)
    {
        b.ToTable("inbox");
        b.Property(m => m.Source).HasMaxLength(SourceLength);
        b.Property(m => m.DedupeKey).HasMaxLength(DedupeKeyLength);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.Property(m => m.LeaseOwner).HasMaxLength(100);
        b.Property(m => m.Partition).HasMaxLength(PartitionLength);
        b.HasIndex(m => new { m.Source, m.DedupeKey }).IsUnique();
        b.HasIndex(m => new { m.ProcessedAt, m.FailedAt, m.DueAt });
    }
}
