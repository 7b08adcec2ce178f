using Waterwheel.Platform.Messaging;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Waterwheel.Audiences.Members;
using Waterwheel.Audiences.Packs;
using Waterwheel.Audiences.SavedSegments;
using Waterwheel.Audiences.Tags;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Audiences.Data;

/// <summary>
/// The Audiences module's data. Everything is filtered by tenant; members, saved segments and packs also by the actor's
/// data scope, exactly as Customers filters profiles (a dealer's subtree by org path, a store, a guide's own), so that a
/// list of a pack's people never holds someone the actor's profile list would not. The index host reads every tenant's
/// members and changes with the filters off, which is visible where it does.
/// </summary>
internal abstract class AudiencesDbContext(DbContextOptions options, ActorContext actor) : DbContext(options)
{
    public const string Schema = "audiences";

    public DbSet<Member> Members => Set<Member>();
    public DbSet<MemberTag> MemberTags => Set<MemberTag>();
    public DbSet<MemberChange> Changes => Set<MemberChange>();
    public DbSet<OrdinalCounter> OrdinalCounters => Set<OrdinalCounter>();
    public DbSet<TagGroup> TagGroups => Set<TagGroup>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<CustomerTag> CustomerTags => Set<CustomerTag>();
    public DbSet<SavedSegment> Segments => Set<SavedSegment>();
    public DbSet<AudiencePack> Packs => Set<AudiencePack>();
    public DbSet<PackMember> PackMembers => Set<PackMember>();
    public DbSet<Membership.WatchState> WatchStates => Set<Membership.WatchState>();

    internal Guid? CurrentTenant => actor.TenantId;
    private DataScope Scope => actor.Scope;
    private ScopeKind ScopeKind => Scope.Kind;
    private string ScopePath => Scope.Path;
    private string? ScopeStore => Scope.StoreId?.ToString("D");
    private string? ScopeStaff => Scope.StaffId?.ToString("D");

    protected override void ConfigureConventions(ModelConfigurationBuilder builder) => builder.UseUtcInstants();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        MemberModel(builder);
        builder.AddOutbox();
        builder.Entity<TagGroup>(b =>
        {
            b.ToTable("tag_groups");
            b.Property(g => g.Name).HasMaxLength(TagGroup.NameLength);
            b.Property(g => g.WeComGroupId).HasMaxLength(64);
            b.HasIndex(g => new { g.TenantId, g.WeComGroupId });
            b.Property(g => g.Version).IsConcurrencyToken();
            b.HasIndex(g => new { g.TenantId, g.Name }).IsUnique();
            b.HasQueryFilter(g => g.TenantId == CurrentTenant);
        });
        builder.Entity<Tag>(b =>
        {
            b.ToTable("tags");
            b.Property(t => t.Name).HasMaxLength(Tag.NameLength);
            b.Property(t => t.Color).HasMaxLength(Tag.ColorLength);
            b.Property(t => t.Source).HasConversion<string>().HasMaxLength(10);
            b.Property(t => t.WeComTagId).HasMaxLength(64);
            b.Property(t => t.Rule).HasMaxLength(SavedSegment.ExpressionLength);
            b.HasIndex(t => new { t.TenantId, t.WeComTagId });
            b.Property(t => t.Version).IsConcurrencyToken();
            // The text form names tags: one name, one tag.
            b.HasIndex(t => new { t.TenantId, t.Name }).IsUnique();
            b.HasIndex(t => new { t.TenantId, t.GroupId });
            b.HasQueryFilter(t => t.TenantId == CurrentTenant);
        });
        builder.Entity<CustomerTag>(b =>
        {
            b.ToTable("customer_tags");
            b.HasKey(t => new { t.TenantId, t.ProfileId, t.TagId });
            b.Property(t => t.Cause).HasConversion<string>().HasMaxLength(10);
            b.Property(t => t.TaggedBy).HasMaxLength(100);
            b.HasIndex(t => new { t.TenantId, t.TagId });
            b.HasIndex(t => t.ExpiresAt);
            b.HasQueryFilter(t => t.TenantId == CurrentTenant);
        });
        builder.Entity<Membership.WatchState>(b =>
        {
            b.ToTable("watch_states");
            b.Property(w => w.Kind).HasConversion<string>().HasMaxLength(10);
            b.Property(w => w.ExpressionHash).HasMaxLength(64);
            b.HasIndex(w => w.TenantId);
            b.HasQueryFilter(w => w.TenantId == CurrentTenant);
        });
        builder.Entity<SavedSegment>(b =>
        {
            b.ToTable("segments");
            b.Property(s => s.Name).HasMaxLength(SavedSegment.NameLength);
            b.Property(s => s.Expression).HasMaxLength(SavedSegment.ExpressionLength);
            b.Property(s => s.OwnerOrgPath).HasMaxLength(400);
            b.Property(s => s.CreatedBy).HasMaxLength(100);
            b.Property(s => s.Version).IsConcurrencyToken();
            b.HasIndex(s => new { s.TenantId, s.Name });
            b.HasQueryFilter(s => s.TenantId == CurrentTenant && (ScopeKind == ScopeKind.Tenant || (ScopeKind != ScopeKind.None && s.OwnerOrgPath.StartsWith(ScopePath))));
        });
        builder.Entity<AudiencePack>(b =>
        {
            b.ToTable("packs");
            b.Property(p => p.Name).HasMaxLength(AudiencePack.NameLength);
            b.Property(p => p.ExpressionJson).HasMaxLength(SavedSegment.ExpressionLength);
            b.Property(p => p.ExpressionText).HasMaxLength(SavedSegment.ExpressionLength);
            b.Property(p => p.OwnerOrgPath).HasMaxLength(400);
            b.Property(p => p.CreatedBy).HasMaxLength(100);
            b.HasIndex(p => new { p.TenantId, p.FrozenAt });
            b.HasQueryFilter(p => p.TenantId == CurrentTenant && (ScopeKind == ScopeKind.Tenant || (ScopeKind != ScopeKind.None && p.OwnerOrgPath.StartsWith(ScopePath))));
        });
        builder.Entity<PackMember>(b =>
        {
            b.ToTable("pack_members");
            b.HasKey(m => new { m.PackId, m.Ordinal });
            b.HasQueryFilter(m => m.TenantId == CurrentTenant);
        });
        ModuleTables.Place(builder, Schema, Database);
    }

    /// <summary>The members' tables in <see cref="Sql.MemberTables"/>' layout: snake_case columns, ids as lower-case text on SQLite.</summary>
    private void MemberModel(ModelBuilder builder)
    {
        var sqlite = Database.IsSqlite();
        builder.Entity<Member>(b =>
        {
            b.ToTable("members");
            b.HasKey(m => new { m.TenantId, m.Ordinal });
            b.HasIndex(m => new { m.TenantId, m.ProfileId }).IsUnique();
            b.Property(m => m.OwnerOrgPath).HasMaxLength(400);
            foreach (var property in b.Metadata.GetDeclaredProperties()) property.SetColumnName(SnakeCase(property.Name));
            if (!sqlite) b.Property(m => m.Attributes).HasColumnType("jsonb");
            if (sqlite)
            {
                b.Property(m => m.TenantId).HasConversion(LowerCaseId);
                b.Property(m => m.ProfileId).HasConversion(LowerCaseId);
            }
            b.HasQueryFilter(m => m.TenantId == CurrentTenant
                && (ScopeKind == ScopeKind.Tenant
                    || (ScopeKind == ScopeKind.OrgUnit && m.OwnerOrgPath.StartsWith(ScopePath))
                    || (ScopeKind == ScopeKind.Store && m.OwnerStore == ScopeStore)
                    || (ScopeKind == ScopeKind.Self && m.OwnerStaff == ScopeStaff)));
        });
        builder.Entity<MemberTag>(b =>
        {
            b.ToTable("member_tags");
            b.HasKey(t => new { t.TenantId, t.TagId, t.Ordinal });
            b.HasIndex(t => new { t.TenantId, t.Ordinal, t.TagId });
            b.Property(t => t.TenantId).HasColumnName("tenant_id");
            b.Property(t => t.TagId).HasColumnName("tag_id");
            b.Property(t => t.Ordinal).HasColumnName("ordinal");
            if (sqlite)
            {
                b.Property(t => t.TenantId).HasConversion(LowerCaseId);
                b.Property(t => t.TagId).HasConversion(LowerCaseId);
            }
            b.HasQueryFilter(t => t.TenantId == CurrentTenant);
        });
        builder.Entity<MemberChange>(b =>
        {
            b.ToTable("member_changes");
            b.HasKey(c => c.Sequence);
            b.Property(c => c.Sequence).ValueGeneratedOnAdd();
            b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
            // The tail's retention sweep deletes by age.
            b.HasIndex(c => c.At);
            b.HasQueryFilter(c => c.TenantId == CurrentTenant);
        });
        builder.Entity<OrdinalCounter>(b =>
        {
            b.ToTable("ordinal_counters");
            b.HasKey(c => c.TenantId);
            b.Property(c => c.Last).IsConcurrencyToken();
        });
    }

    // SQLite has no uuid type: the SQL translator binds ids as lower-case text, so the members' tables store them so.
    private static readonly ValueConverter<Guid, string> LowerCaseId = new(id => id.ToString("D"), text => Guid.Parse(text));

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var logged = Database.IsNpgsql() && ChangeTracker.Entries<MemberChange>().Any(e => e.State == EntityState.Added);
        var saved = await this.SaveWithVersionsBumped(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);
        // Inside the caller's transaction PostgreSQL holds the notification until the commit, so no node wakes too early.
        if (logged) await Database.ExecuteSqlRawAsync("NOTIFY " + Indexing.ChangeSignal.Channel, cancellationToken);
        return saved;
    }
}

internal sealed class SqliteAudiencesDbContext(DbContextOptions<SqliteAudiencesDbContext> options, ActorContext actor) : AudiencesDbContext(options, actor);

internal sealed class PostgresAudiencesDbContext(DbContextOptions<PostgresAudiencesDbContext> options, ActorContext actor) : AudiencesDbContext(options, actor);

internal sealed class SqliteAudiencesDesignFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqliteAudiencesDbContext>
{
    public SqliteAudiencesDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteAudiencesDbContext>().UseSqlite("Data Source=design.db").Options, new ActorContext(new HttpContextAccessor()));
}

internal sealed class PostgresAudiencesDesignFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PostgresAudiencesDbContext>
{
    public PostgresAudiencesDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresAudiencesDbContext>().UseNpgsql("Host=localhost;Database=design").Options, new ActorContext(new HttpContextAccessor()));
}
