using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waterwheel.Platform.Organisation;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.ToTable("org_units");
        b.Property(u => u.Name).HasMaxLength(100);
        b.Property(u => u.Code).HasMaxLength(40);
        b.Property(u => u.Path).HasMaxLength(400);
        b.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(u => u.Version).IsConcurrencyToken();
        b.HasIndex(u => new { u.TenantId, u.Code }).IsUnique();
        b.HasIndex(u => new { u.TenantId, u.Path });
    }
}
