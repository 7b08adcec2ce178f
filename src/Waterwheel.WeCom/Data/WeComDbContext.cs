using System.Globalization;
using Microsoft.EntityFrameworkCore.Design;
using Waterwheel.Platform.Data;
using Waterwheel.Platform.Messaging;
using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Connections;
using Waterwheel.WeCom.Contacts;
using Waterwheel.WeCom.Groups;
using Waterwheel.WeCom.Staff;
using Waterwheel.WeCom.Tags;

namespace Waterwheel.WeCom.Data;

/// <summary>The WeCom module's data, filtered by the acting tenant like every module's.</summary>
internal abstract class WeComDbContext(DbContextOptions options, ActorContext actor) : DbContext(options)
{
    public const string Schema = "wecom";

    public DbSet<CorpConnection> Connections => Set<CorpConnection>();
    public DbSet<ExternalContact> Contacts => Set<ExternalContact>();
    public DbSet<FollowRelation> Relations => Set<FollowRelation>();
    public DbSet<Sync.SyncRun> SyncRuns => Set<Sync.SyncRun>();
    public DbSet<Alerts.RelationAlert> RelationAlerts => Set<Alerts.RelationAlert>();
    public DbSet<CustomerGroup> Groups => Set<CustomerGroup>();
    public DbSet<GroupMembership> GroupMembers => Set<GroupMembership>();
    public DbSet<CorpTagGroupEntry> TagGroups => Set<CorpTagGroupEntry>();
    public DbSet<CorpTagEntry> Tags => Set<CorpTagEntry>();
    public DbSet<RelationTag> RelationTags => Set<RelationTag>();
    public DbSet<WeComMember> WeComMembers => Set<WeComMember>();

    internal Guid? CurrentTenant => actor.TenantId;

    protected override void ConfigureConventions(ModelConfigurationBuilder builder) => builder.UseUtcInstants();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<CorpConnection>(b =>
        {
            b.ToTable("corp_connections");
            b.HasKey(c => c.TenantId);
            b.Property(c => c.CorpId).HasMaxLength(64);
            b.Property(c => c.SecretCipher).HasMaxLength(400);
            b.Property(c => c.CallbackToken).HasMaxLength(64);
            b.Property(c => c.AesKeyCipher).HasMaxLength(400);
            b.Property(c => c.WelcomeText).HasMaxLength(2000);
            b.Property(c => c.LastTestResult).HasMaxLength(500);
            b.Property(c => c.Version).IsConcurrencyToken();
            b.HasQueryFilter(c => c.TenantId == CurrentTenant);
        });
        builder.Entity<ExternalContact>(b =>
        {
            b.ToTable("external_contacts");
            b.Property(c => c.ExternalUserId).HasMaxLength(64);
            b.Property(c => c.Name).HasMaxLength(100);
            b.Property(c => c.Avatar).HasMaxLength(500);
            b.Property(c => c.UnionId).HasMaxLength(64);
            b.Property(c => c.CorpName).HasMaxLength(100);
            b.HasIndex(c => new { c.TenantId, c.ExternalUserId }).IsUnique();
            b.HasQueryFilter(c => c.TenantId == CurrentTenant);
        });
        builder.Entity<FollowRelation>(b =>
        {
            b.ToTable("follow_relations");
            b.Property(r => r.ExternalUserId).HasMaxLength(64);
            b.Property(r => r.StaffUserId).HasMaxLength(64);
            b.Property(r => r.Remark).HasMaxLength(100);
            b.Property(r => r.State).HasMaxLength(64);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(r => new { r.TenantId, r.ExternalUserId, r.StaffUserId }).IsUnique();
            b.HasIndex(r => new { r.TenantId, r.AddedAt });
            b.HasQueryFilter(r => r.TenantId == CurrentTenant);
        });
        builder.Entity<Sync.SyncRun>(b =>
        {
            b.ToTable("sync_runs");
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.RequestedBy).HasMaxLength(100);
            b.Property(r => r.Cursor).HasMaxLength(200);
            b.Property(r => r.Error).HasMaxLength(1000);
            b.Property(r => r.Phase).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.Staff).HasConversion(v => string.Join(',', v), v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<string>>((a, c) => a!.SequenceEqual(c!), v => v.Count, v => v.ToList()));
            b.HasIndex(r => new { r.TenantId, r.StartedAt });
            b.HasIndex(r => r.Status);
            // One running sync per tenant, held by the database rather than by a check that two requests can pass at once.
            b.HasIndex(r => r.TenantId).IsUnique().HasFilter("\"Status\" = 'Running'").HasDatabaseName("IX_sync_runs_one_running");
            b.HasQueryFilter(r => r.TenantId == CurrentTenant);
        });
        builder.Entity<Alerts.RelationAlert>(b =>
        {
            Alerts.RelationAlertConfiguration.Configure(b);
            b.HasQueryFilter(a => a.TenantId == CurrentTenant);
        });
        builder.AddOutbox();
        MapGroups(builder);
        MapTags(builder);
        MapStaff(builder);
        ModuleTables.Place(builder, Schema, Database);
    }

    private void MapGroups(ModelBuilder builder)
    {
        builder.Entity<CustomerGroup>(b =>
        {
            b.ToTable("customer_groups");
            b.Property(g => g.ChatId).HasMaxLength(64);
            b.Property(g => g.Name).HasMaxLength(200);
            b.Property(g => g.OwnerUserId).HasMaxLength(64);
            b.Property(g => g.Notice).HasMaxLength(2000);
            b.Property(g => g.MemberVersion).HasMaxLength(64);
            b.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(g => g.Version).IsConcurrencyToken();
            b.HasIndex(g => new { g.TenantId, g.ChatId }).IsUnique();
            b.HasIndex(g => new { g.TenantId, g.OwnerUserId });
            b.HasQueryFilter(g => g.TenantId == CurrentTenant);
        });
        builder.Entity<GroupMembership>(b =>
        {
            b.ToTable("group_members");
            b.Property(m => m.ChatId).HasMaxLength(64);
            b.Property(m => m.MemberId).HasMaxLength(64);
            b.Property(m => m.Type).HasConversion<string>().HasMaxLength(20);
            b.Property(m => m.InvitorUserId).HasMaxLength(64);
            b.Property(m => m.State).HasMaxLength(64);
            b.HasIndex(m => new { m.TenantId, m.ChatId, m.MemberId }).IsUnique();
            b.HasIndex(m => new { m.TenantId, m.MemberId });
            b.HasQueryFilter(m => m.TenantId == CurrentTenant);
        });
    }

    private void MapTags(ModelBuilder builder)
    {
        builder.Entity<CorpTagGroupEntry>(b =>
        {
            b.ToTable("corp_tag_groups");
            b.Property(g => g.GroupId).HasMaxLength(64);
            b.Property(g => g.Name).HasMaxLength(100);
            b.HasIndex(g => new { g.TenantId, g.GroupId }).IsUnique();
            b.HasQueryFilter(g => g.TenantId == CurrentTenant);
        });
        builder.Entity<CorpTagEntry>(b =>
        {
            b.ToTable("corp_tags");
            b.Property(t => t.TagId).HasMaxLength(64);
            b.Property(t => t.GroupId).HasMaxLength(64);
            b.Property(t => t.Name).HasMaxLength(100);
            b.HasIndex(t => new { t.TenantId, t.TagId }).IsUnique();
            b.HasIndex(t => new { t.TenantId, t.GroupId });
            b.HasQueryFilter(t => t.TenantId == CurrentTenant);
        });
        builder.Entity<RelationTag>(b =>
        {
            b.ToTable("relation_tags");
            b.Property(t => t.ExternalUserId).HasMaxLength(64);
            b.Property(t => t.StaffUserId).HasMaxLength(64);
            b.Property(t => t.TagId).HasMaxLength(64);
            b.HasIndex(t => new { t.TenantId, t.ExternalUserId, t.StaffUserId, t.TagId }).IsUnique();
            b.HasIndex(t => new { t.TenantId, t.TagId });
            b.HasQueryFilter(t => t.TenantId == CurrentTenant);
        });
    }

    private void MapStaff(ModelBuilder builder) => builder.Entity<WeComMember>(b =>
    {
        b.ToTable("wecom_members");
        b.Property(m => m.UserId).HasMaxLength(64);
        b.Property(m => m.Name).HasMaxLength(100);
        b.Property(m => m.Position).HasMaxLength(100);
        b.Property(m => m.DepartmentIds).HasConversion(
            v => string.Join(',', v.Select(d => d.ToString(CultureInfo.InvariantCulture))),
            v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => long.Parse(d, CultureInfo.InvariantCulture)).ToList(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<long>>((a, c) => a!.SequenceEqual(c!), v => v.Count, v => v.ToList()))
            .HasMaxLength(1000);
        b.HasIndex(m => new { m.TenantId, m.UserId }).IsUnique();
        b.HasQueryFilter(m => m.TenantId == CurrentTenant);
    });

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        this.SaveWithVersionsBumped(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);
}

internal sealed class SqliteWeComDbContext(DbContextOptions<SqliteWeComDbContext> options, ActorContext actor) : WeComDbContext(options, actor);

internal sealed class PostgresWeComDbContext(DbContextOptions<PostgresWeComDbContext> options, ActorContext actor) : WeComDbContext(options, actor);

internal sealed class SqliteWeComDesignFactory : IDesignTimeDbContextFactory<SqliteWeComDbContext>
{
    public SqliteWeComDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteWeComDbContext>().UseSqlite("Data Source=design.db").Options, new ActorContext(new HttpContextAccessor()));
}

internal sealed class PostgresWeComDesignFactory : IDesignTimeDbContextFactory<PostgresWeComDbContext>
{
    public PostgresWeComDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresWeComDbContext>().UseNpgsql("Host=localhost;Database=design").Options, new ActorContext(new HttpContextAccessor()));
}
