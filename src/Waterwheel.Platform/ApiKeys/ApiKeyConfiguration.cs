using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waterwheel.Platform.ApiKeys;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("api_keys");
        b.Property(k => k.Name).HasMaxLength(100);
        b.Property(k => k.Prefix).HasMaxLength(20);
        b.Property(k => k.CreatedBy).HasMaxLength(100);
        b.Property(k => k.RevokedBy).HasMaxLength(100);
        b.Property(k => k.Permissions).HasConversion(
                v => string.Join(',', v),
                v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<string>>(
                    (a, c) => a!.SequenceEqual(c!), v => string.Join(',', v).GetHashCode(), v => v.ToList()))
            .HasMaxLength(500);
    }
}
