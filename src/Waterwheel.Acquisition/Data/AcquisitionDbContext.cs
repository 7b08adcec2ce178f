using Waterwheel.Acquisition.Arrivals;
using Waterwheel.Acquisition.Cards;
using Waterwheel.Acquisition.Channels;
using Waterwheel.Acquisition.Codes;
using Waterwheel.Acquisition.Groups;
using Waterwheel.Acquisition.Routing;
using Waterwheel.Acquisition.Posters;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Acquisition.Data;

/// <summary>
/// The Acquisition module's data: channels, live codes and the arrivals they brought, each filtered by tenant. Codes
/// are the brand's (head office makes them), so no data scope narrows them; arrivals name customers only by WeCom id.
/// </summary>
internal abstract class AcquisitionDbContext(DbContextOptions options, ActorContext actor) : DbContext(options)
{
    public const string Schema = "acquisition";

    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<LiveCode> Codes => Set<LiveCode>();
    public DbSet<Arrival> Arrivals => Set<Arrival>();
    public DbSet<StoreWay> StoreWays => Set<StoreWay>();
    public DbSet<LandingCount> LandingCounts => Set<LandingCount>();
    public DbSet<Poster> Posters => Set<Poster>();
    public DbSet<ParcelCard> Cards => Set<ParcelCard>();
    public DbSet<GroupCode> GroupCodes => Set<GroupCode>();

    internal Guid? CurrentTenant => actor.TenantId;

    protected override void ConfigureConventions(ModelConfigurationBuilder builder) => builder.UseUtcInstants();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<Channel>(b =>
        {
            b.ToTable("channels");
            b.Property(c => c.Name).HasMaxLength(Channel.NameLength);
            b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.Cost).HasPrecision(12, 2);
            b.Property(c => c.Version).IsConcurrencyToken();
            b.HasIndex(c => new { c.TenantId, c.Name }).IsUnique();
            b.HasIndex(c => new { c.TenantId, c.ParentId });
            b.HasQueryFilter(c => c.TenantId == CurrentTenant);
        });
        builder.Entity<LiveCode>(b =>
        {
            b.ToTable("live_codes");
            b.Property(c => c.Name).HasMaxLength(LiveCode.NameLength);
            b.Property(c => c.State).HasMaxLength(LiveCode.StateLength);
            b.Property(c => c.Policy).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.Status).HasConversion<string>().HasMaxLength(10);
            b.Property(c => c.ConfigId).HasMaxLength(64);
            b.Property(c => c.QrCodeUrl).HasMaxLength(500);
            b.Property(c => c.LastUserId).HasMaxLength(64);
            b.Property(c => c.Pool).AsJson();
            b.Property(c => c.Schedule).AsJson();
            b.Property(c => c.TagIds).AsJson();
            b.Property(c => c.Welcome).AsJson();
            b.Property(c => c.LiveUserIds).AsJson();
            b.Property(c => c.Routing).AsJson();
            b.Property(c => c.PublicToken).HasMaxLength(LiveCode.TokenLength);
            // The landing page finds its code by token alone, before it knows the tenant.
            b.HasIndex(c => c.PublicToken).IsUnique();
            b.Property(c => c.Version).IsConcurrencyToken();
            // The add event names the code by state alone.
            b.HasIndex(c => new { c.TenantId, c.State }).IsUnique();
            b.HasIndex(c => new { c.TenantId, c.ChannelId });
            b.HasIndex(c => c.Status);
            b.HasQueryFilter(c => c.TenantId == CurrentTenant);
        });
        builder.Entity<Arrival>(b =>
        {
            b.ToTable("arrivals");
            b.Property(a => a.StaffUserId).HasMaxLength(64);
            b.Property(a => a.ExternalUserId).HasMaxLength(64);
            // One relationship starts once: a redelivered add event finds its arrival here.
            b.HasIndex(a => new { a.TenantId, a.ExternalUserId, a.StaffUserId, a.At }).IsUnique();
            // Caps count a staff member's adds through a code on a day.
            b.HasIndex(a => new { a.TenantId, a.CodeId, a.Day, a.StaffUserId });
            // The funnel reads a span of days across codes.
            b.HasIndex(a => new { a.TenantId, a.Day });
            b.HasQueryFilter(a => a.TenantId == CurrentTenant);
        });
        builder.Entity<StoreWay>(b =>
        {
            b.ToTable("store_ways");
            b.Property(w => w.WeComUserId).HasMaxLength(64);
            b.Property(w => w.State).HasMaxLength(LiveCode.StateLength);
            b.Property(w => w.ConfigId).HasMaxLength(64);
            b.Property(w => w.QrCodeUrl).HasMaxLength(500);
            // One way per staff member and code: two nodes that make one at once settle here.
            b.HasIndex(w => new { w.TenantId, w.CodeId, w.WeComUserId }).IsUnique();
            // The add event names the way by state alone.
            b.HasIndex(w => new { w.TenantId, w.State }).IsUnique();
            b.HasQueryFilter(w => w.TenantId == CurrentTenant);
        });
        builder.Entity<LandingCount>(b =>
        {
            b.ToTable("landing_counts");
            // One row per code and day: the first event of a day inserts it, the rest add to it.
            b.HasKey(c => new { c.TenantId, c.CodeId, c.Day });
            b.HasQueryFilter(c => c.TenantId == CurrentTenant);
        });
        builder.Entity<Poster>(b =>
        {
            b.ToTable("posters");
            b.HasKey(p => p.CodeId);
            b.Property(p => p.BackgroundFormat).HasMaxLength(10);
            b.Property(p => p.Layout).AsJson();
            b.Property(p => p.Version).IsConcurrencyToken();
            b.HasIndex(p => p.TenantId);
            b.HasQueryFilter(p => p.TenantId == CurrentTenant);
        });
        builder.Entity<ParcelCard>(b =>
        {
            b.ToTable("parcel_cards");
            b.Ignore(c => c.State);
            b.Property(c => c.Channel).HasMaxLength(ParcelCard.ChannelLength);
            b.Property(c => c.OrderNumber).HasMaxLength(ParcelCard.OrderNumberLength);
            b.Property(c => c.Token).HasMaxLength(ParcelCard.TokenLength);
            b.Property(c => c.WeComUserId).HasMaxLength(64);
            b.Property(c => c.ConfigId).HasMaxLength(64);
            b.Property(c => c.QrCodeUrl).HasMaxLength(500);
            b.Property(c => c.LinkedExternalUserId).HasMaxLength(64);
            b.Property(c => c.Version).IsConcurrencyToken();
            // The card's page and the add's state find the card by token alone, before the tenant is known.
            b.HasIndex(c => c.Token).IsUnique();
            // One card per order: generating cards again for the same order finds this one.
            b.HasIndex(c => new { c.TenantId, c.Channel, c.OrderNumber }).IsUnique();
            // The batch's export lists a code's cards in order.
            b.HasIndex(c => new { c.TenantId, c.CodeId, c.CreatedAt });
            b.HasQueryFilter(c => c.TenantId == CurrentTenant);
        });
        builder.Entity<GroupCode>(b =>
        {
            b.ToTable("group_codes");
            b.Property(c => c.Name).HasMaxLength(GroupCode.NameLength);
            b.Property(c => c.State).HasMaxLength(LiveCode.StateLength);
            b.Property(c => c.RoomBaseName).HasMaxLength(GroupCode.RoomBaseNameLength);
            b.Property(c => c.WelcomeText).HasMaxLength(SaveGroupCodeValidator.MaxWelcomeBytes);
            b.Property(c => c.WelcomeTemplateId).HasMaxLength(64);
            b.Property(c => c.Status).HasConversion<string>().HasMaxLength(10);
            b.Property(c => c.ConfigId).HasMaxLength(64);
            b.Property(c => c.QrCodeUrl).HasMaxLength(500);
            b.Property(c => c.ChatIds).AsJson();
            b.Property(c => c.LiveChatIds).AsJson();
            b.Property(c => c.Version).IsConcurrencyToken();
            // Members who joined by the code carry its state; it names one code.
            b.HasIndex(c => new { c.TenantId, c.State }).IsUnique();
            b.HasIndex(c => new { c.TenantId, c.ChannelId });
            b.HasIndex(c => c.Status);
            b.HasQueryFilter(c => c.TenantId == CurrentTenant);
        });
        ModuleTables.Place(builder, Schema, Database);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        this.SaveWithVersionsBumped(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);
}

internal sealed class SqliteAcquisitionDbContext(DbContextOptions<SqliteAcquisitionDbContext> options, ActorContext actor) : AcquisitionDbContext(options, actor);

internal sealed class PostgresAcquisitionDbContext(DbContextOptions<PostgresAcquisitionDbContext> options, ActorContext actor) : AcquisitionDbContext(options, actor);

internal sealed class SqliteAcquisitionDesignFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqliteAcquisitionDbContext>
{
    public SqliteAcquisitionDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteAcquisitionDbContext>().UseSqlite("Data Source=design.db").Options, new ActorContext(new HttpContextAccessor()));
}

internal sealed class PostgresAcquisitionDesignFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PostgresAcquisitionDbContext>
{
    public PostgresAcquisitionDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresAcquisitionDbContext>().UseNpgsql("Host=localhost;Database=design").Options, new ActorContext(new HttpContextAccessor()));
}
