using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waterwheel.Platform.Stores;

internal sealed class StoreConfiguration : IEntityTypeConfiguration<Store>
{
    public void Configure(EntityTypeBuilder<Store> b)
    {
        b.ToTable("stores");
        b.Property(s => s.Code).HasMaxLength(40);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Province).HasMaxLength(40);
        b.Property(s => s.City).HasMaxLength(40);
        b.Property(s => s.District).HasMaxLength(40);
        b.Property(s => s.Address).HasMaxLength(200);
        b.Property(s => s.OpeningHours).HasMaxLength(100);
        b.Property(s => s.Phone).HasMaxLength(40);
        b.Property(s => s.OrgPath).HasMaxLength(400);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => new { s.TenantId, s.Code }).IsUnique();
        b.HasIndex(s => new { s.TenantId, s.OrgPath });
        b.HasIndex(s => new { s.TenantId, s.City });
    }
}
