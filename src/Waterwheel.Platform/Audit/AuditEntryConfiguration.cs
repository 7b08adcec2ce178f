using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waterwheel.Platform.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.Property(a => a.Action).HasMaxLength(60);
        b.Property(a => a.ActorKind).HasMaxLength(20);
        b.Property(a => a.ActorName).HasMaxLength(100);
        b.Property(a => a.TargetType).HasMaxLength(40);
        b.Property(a => a.TargetId).HasMaxLength(64);
        b.Property(a => a.Summary).HasMaxLength(500);
        b.Property(a => a.Ip).HasMaxLength(64);
        b.Property(a => a.UserAgent).HasMaxLength(300);
        b.HasIndex(a => new { a.TenantId, a.At });
        b.HasIndex(a => new { a.TenantId, a.Action });
    }
}
