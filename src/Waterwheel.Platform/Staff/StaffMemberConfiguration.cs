using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waterwheel.Platform.Staff;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> b)
    {
        b.ToTable("staff");
        b.Property(s => s.Name).HasMaxLength(60);
        b.Property(s => s.MobileCipher).HasMaxLength(200);
        b.Property(s => s.MobileHash).HasMaxLength(64);
        b.Property(s => s.MobileMasked).HasMaxLength(20);
        b.Property(s => s.MobileTailHash).HasMaxLength(64);
        b.Property(s => s.WeComUserId).HasMaxLength(64);
        b.Property(s => s.OrgPath).HasMaxLength(400);
        b.Property(s => s.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Version).IsConcurrencyToken();
        // One active staff member per mobile number; a departed one frees it. The filter is the same SQL on both providers.
        b.HasIndex(s => new { s.TenantId, s.MobileHash }).IsUnique().HasFilter("\"Status\" = 'Active'");
        b.HasIndex(s => new { s.TenantId, s.WeComUserId }).IsUnique();
        b.HasIndex(s => new { s.TenantId, s.StoreId });
        b.HasIndex(s => new { s.TenantId, s.MobileTailHash });
        b.HasIndex(s => new { s.TenantId, s.OrgPath });
    }
}
