using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waterwheel.WeCom.Alerts;

internal static class RelationAlertConfiguration
{
    public static void Configure(EntityTypeBuilder<RelationAlert> b)
    {
        b.ToTable("relation_alerts");
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.EventKey).HasMaxLength(300);
        b.Property(a => a.ExternalUserId).HasMaxLength(64);
        b.Property(a => a.StaffUserId).HasMaxLength(64);
        b.Property(a => a.State).HasMaxLength(64);
        b.Property(a => a.HandledBy).HasMaxLength(100);
        b.Property(a => a.Note).HasMaxLength(500);
        b.Property(a => a.Detail).HasMaxLength(100);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.TenantId, a.EventKey }).IsUnique();
        b.HasIndex(a => new { a.TenantId, a.Status, a.OccurredAt });
    }
}
