using Waterwheel.Customers.Consent;
using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Identity.Merging;
using Waterwheel.Customers.Identity.Rules;
using Waterwheel.Customers.Imports;
using Waterwheel.Customers.Profiles;
using Waterwheel.Customers.Profiles.Search;
using Waterwheel.Customers.Relationships;
using Waterwheel.Customers.Sources;
using Waterwheel.Customers.Timeline;
using Waterwheel.Platform.Messaging;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Data;

/// <summary>
/// The Customers module's data. Profiles are filtered by tenant and by the actor's data scope (a dealer's, a store's
/// or a guide's customers); identities, relationships and timeline lines are reached through a visible profile.
/// </summary>
internal abstract class CustomersDbContext(DbContextOptions options, ActorContext actor, TimeProvider time) : DbContext(options)
{
    public const string Schema = "customers";

    public DbSet<CustomerProfile> Profiles => Set<CustomerProfile>();
    public DbSet<CustomerIdentity> Identities => Set<CustomerIdentity>();
    public DbSet<CustomerRelationship> Relationships => Set<CustomerRelationship>();
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<ProfileMerge> Merges => Set<ProfileMerge>();
    public DbSet<IdentityRuleSetting> IdentityRuleSettings => Set<IdentityRuleSetting>();
    public DbSet<IdentifierMark> IdentifierMarks => Set<IdentifierMark>();
    public DbSet<EventSource> Sources => Set<EventSource>();
    public DbSet<ProfileNameTerm> NameTerms => Set<ProfileNameTerm>();
    public DbSet<ConsentRecord> Consents => Set<ConsentRecord>();
    public DbSet<Lifecycle.LifecycleSetting> LifecycleSettings => Set<Lifecycle.LifecycleSetting>();
    public DbSet<Attributes.AttributeDefinition> AttributeDefinitions => Set<Attributes.AttributeDefinition>();

    internal Guid? CurrentTenant => actor.TenantId;
    private DataScope Scope => actor.Scope;
    private ScopeKind ScopeKind => Scope.Kind;
    private string ScopePath => Scope.Path;
    private Guid? ScopeStoreId => Scope.StoreId;
    private Guid? ScopeStaffId => Scope.StaffId;

    protected override void ConfigureConventions(ModelConfigurationBuilder builder) => builder.UseUtcInstants();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<CustomerProfile>(b =>
        {
            b.ToTable("profiles");
            b.Property(p => p.Name).HasMaxLength(100);
            b.Property(p => p.AvatarUrl).HasMaxLength(500);
            b.Property(p => p.Gender).HasConversion<string>().HasMaxLength(10);
            b.Property(p => p.OwnerOrgPath).HasMaxLength(400);
            b.Property(p => p.Province).HasMaxLength(50);
            b.Property(p => p.City).HasMaxLength(50);
            b.Property(p => p.Attributes).HasMaxLength(ProfileAttributes.StoredLength);
            b.Property(p => p.TotalSpent).HasPrecision(18, 2);
            b.Property(p => p.Version).IsConcurrencyToken();
            b.HasIndex(p => new { p.TenantId, p.LastSeenAt });
            // The list's other orders: each read through its index from where the last page ended.
            b.HasIndex(p => new { p.TenantId, p.Name });
            b.HasIndex(p => new { p.TenantId, p.FirstSeenAt });
            b.HasIndex(p => new { p.TenantId, p.OwnerOrgPath });
            b.HasIndex(p => new { p.TenantId, p.OwnerStoreId });
            b.HasIndex(p => new { p.TenantId, p.OwnerStaffId });
            // A merged profile lives on in its survivor: it stays as a row only so that the merge can be undone.
            b.HasQueryFilter(p => p.TenantId == CurrentTenant && p.MergedIntoId == null
                && (ScopeKind == ScopeKind.Tenant
                    || (ScopeKind == ScopeKind.OrgUnit && p.OwnerOrgPath.StartsWith(ScopePath))
                    || (ScopeKind == ScopeKind.Store && p.OwnerStoreId == ScopeStoreId)
                    || (ScopeKind == ScopeKind.Self && p.OwnerStaffId == ScopeStaffId)));
        });
        builder.Entity<CustomerIdentity>(b =>
        {
            b.ToTable("identities");
            b.Property(i => i.Type).HasConversion<string>().HasMaxLength(40);
            b.Property(i => i.Key).HasMaxLength(CustomerIdentity.KeyLength);
            b.Property(i => i.Cipher).HasMaxLength(400);
            b.Property(i => i.Hint).HasMaxLength(64);
            b.HasIndex(i => new { i.TenantId, i.Hint });
            b.Property(i => i.Source).HasMaxLength(40);
            // One identifier names one person: the database, not a check two writers can pass at once, holds it.
            b.HasIndex(i => new { i.TenantId, i.Type, i.Key }).IsUnique();
            b.HasIndex(i => new { i.TenantId, i.ProfileId });
            b.HasQueryFilter(i => i.TenantId == CurrentTenant);
        });
        builder.Entity<CustomerRelationship>(b =>
        {
            b.ToTable("relationships");
            b.Property(r => r.ExternalUserId).HasMaxLength(64);
            b.Property(r => r.StaffUserId).HasMaxLength(64);
            b.Property(r => r.State).HasMaxLength(64);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
            b.HasIndex(r => new { r.TenantId, r.ExternalUserId, r.StaffUserId }).IsUnique();
            b.HasIndex(r => new { r.TenantId, r.ProfileId });
            b.HasQueryFilter(r => r.TenantId == CurrentTenant);
        });
        builder.Entity<TimelineEntry>(b =>
        {
            b.ToTable("timeline");
            b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(40);
            b.Property(t => t.Subject).HasMaxLength(100);
            b.Property(t => t.Detail).HasMaxLength(500);
            b.Property(t => t.SourceKey).HasMaxLength(TimelineEntry.SourceKeyLength);
            b.Property(t => t.Properties).HasMaxLength(TimelineEntry.PropertiesLength);
            b.Property(t => t.Amount).HasPrecision(18, 2);
            b.HasIndex(t => new { t.TenantId, t.SourceKey }).IsUnique();
            b.HasIndex(t => new { t.TenantId, t.ProfileId, t.OccurredAt });
            b.HasQueryFilter(t => t.TenantId == CurrentTenant);
        });
        builder.Entity<ProfileMerge>(b =>
        {
            b.ToTable("profile_merges");
            b.Property(m => m.Source).HasMaxLength(40);
            b.HasIndex(m => new { m.TenantId, m.SurvivorId, m.MergedAt });
            b.HasIndex(m => new { m.TenantId, m.MergedId });
            b.HasQueryFilter(m => m.TenantId == CurrentTenant);
        });
        builder.Entity<IdentityRuleSetting>(b =>
        {
            b.ToTable("identity_rules");
            b.Property(r => r.Type).HasConversion<string>().HasMaxLength(40);
            b.HasIndex(r => new { r.TenantId, r.Type }).IsUnique();
            b.HasQueryFilter(r => r.TenantId == CurrentTenant);
        });
        builder.Entity<IdentifierMark>(b =>
        {
            b.ToTable("identifier_marks");
            b.Property(m => m.Type).HasConversion<string>().HasMaxLength(40);
            b.Property(m => m.Key).HasMaxLength(CustomerIdentity.KeyLength);
            b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(10);
            b.HasIndex(m => new { m.TenantId, m.Type, m.Key }).IsUnique();
            b.HasQueryFilter(m => m.TenantId == CurrentTenant);
        });
        builder.Entity<EventSource>(b =>
        {
            b.ToTable("event_sources");
            b.Property(s => s.Name).HasMaxLength(100);
            b.Property(s => s.KeyHash).HasMaxLength(32);
            b.Property(s => s.KeyHint).HasMaxLength(4);
            b.Property(s => s.CreatedBy).HasMaxLength(100);
            b.Property(s => s.Version).IsConcurrencyToken();
            b.HasIndex(s => new { s.TenantId, s.Name });
            b.HasQueryFilter(s => s.TenantId == CurrentTenant);
        });
        builder.Entity<ProfileNameTerm>(b =>
        {
            b.ToTable("profile_name_terms");
            b.HasKey(t => new { t.TenantId, t.Term, t.ProfileId });
            b.Property(t => t.Term).HasMaxLength(ProfileNameTerm.TermLength);
            b.HasIndex(t => t.ProfileId);
            b.HasQueryFilter(t => t.TenantId == CurrentTenant);
        });
        builder.Entity<ConsentRecord>(b =>
        {
            b.ToTable("consents");
            b.Property(c => c.Channel).HasConversion<string>().HasMaxLength(40);
            b.Property(c => c.Source).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.RecordedBy).HasMaxLength(100);
            b.Property(c => c.Evidence).HasMaxLength(ConsentRecord.EvidenceLength);
            b.HasIndex(c => new { c.TenantId, c.ProfileId, c.Channel, c.At });
            b.HasQueryFilter(c => c.TenantId == CurrentTenant);
        });
        builder.Entity<Lifecycle.LifecycleSetting>(b =>
        {
            b.ToTable("lifecycle_settings");
            b.Property(s => s.Version).IsConcurrencyToken();
            b.HasIndex(s => s.TenantId).IsUnique();
            b.HasQueryFilter(s => s.TenantId == CurrentTenant);
        });
        builder.Entity<Attributes.AttributeDefinition>(b =>
        {
            b.ToTable("attribute_definitions");
            b.Property(d => d.Key).HasMaxLength(Attributes.AttributeDefinition.KeyLength);
            b.Property(d => d.Label).HasMaxLength(Attributes.AttributeDefinition.LabelLength);
            b.Property(d => d.Type).HasConversion<string>().HasMaxLength(10);
            b.Property(d => d.Version).IsConcurrencyToken();
            b.HasIndex(d => new { d.TenantId, d.Key }).IsUnique();
            b.HasQueryFilter(d => d.TenantId == CurrentTenant);
        });
        Imports(builder);
        builder.AddOutbox();
        ModuleTables.Place(builder, Schema, Database);
    }

    /// <summary>
    /// Set by a unit of work that starts many profiles at once (the tracking API's batches): its new profiles, their
    /// identities and name terms are then written by bulk copy inside its transaction before the save, which only
    /// updates what changed. Their announcements and name terms are worked out first, exactly as for any save.
    /// </summary>
    public bool WritesNewRowsInBulk { get; set; }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        NameTermUpkeep.Apply(this);
        Facts.ProfileChangeAnnouncer.Apply(this, time.GetUtcNow().UtcDateTime);
        if (WritesNewRowsInBulk)
        {
            await this.CopyAddedAsync<CustomerProfile>(cancellationToken);
            await this.CopyAddedAsync<CustomerIdentity>(cancellationToken);
            await this.CopyAddedAsync<ProfileNameTerm>(cancellationToken);
        }
        return await this.SaveWithVersionsBumped(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);
    }

    private void Imports(ModelBuilder builder)
    {
        builder.Entity<ImportJob>(b =>
        {
            b.ToTable("import_jobs");
            b.Property(j => j.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(j => j.Mode).HasConversion<string>().HasMaxLength(20);
            b.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(j => j.Template).HasMaxLength(60);
            b.Property(j => j.Mapping).HasMaxLength(4000);
            b.Property(j => j.FileName).HasMaxLength(ImportJob.FileNameLength);
            b.Property(j => j.FileHash).HasMaxLength(64);
            b.Property(j => j.Encoding).HasMaxLength(20);
            b.Property(j => j.Failure).HasMaxLength(ImportJob.FailureLength);
            b.Property(j => j.CreatedBy).HasMaxLength(100);
            b.Property(j => j.LeaseOwner).HasMaxLength(200);
            b.Property(j => j.Version).IsConcurrencyToken();
            b.HasIndex(j => new { j.TenantId, j.CreatedAt });
            // The workers' question on every node: which jobs wait for work.
            b.HasIndex(j => new { j.Status, j.LeaseUntil });
            b.HasQueryFilter(j => j.TenantId == CurrentTenant);
        });
        builder.Entity<ImportRowError>(b =>
        {
            b.ToTable("import_errors");
            b.Property(e => e.Column).HasMaxLength(ImportRowError.ColumnLength);
            b.Property(e => e.Code).HasMaxLength(40);
            b.Property(e => e.Reason).HasMaxLength(ImportRowError.ReasonLength);
            b.HasIndex(e => new { e.JobId, e.Line });
            b.HasQueryFilter(e => e.TenantId == CurrentTenant);
        });
        // Reached only through its job, which the tenant filter guards.
        builder.Entity<ImportFileChunk>(b =>
        {
            b.ToTable("import_file_chunks");
            b.HasKey(c => new { c.JobId, c.Index });
        });
        builder.Entity<ImportTemplate>(b =>
        {
            b.ToTable("import_templates");
            b.Property(t => t.Name).HasMaxLength(ImportTemplate.NameLength);
            b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(t => t.Channel).HasMaxLength(ImportTemplate.ChannelLength);
            b.Property(t => t.BuyerIdType).HasConversion<string>().HasMaxLength(40);
            b.Property(t => t.Columns).HasMaxLength(4000);
            b.Property(t => t.CreatedBy).HasMaxLength(100);
            b.Property(t => t.Version).IsConcurrencyToken();
            b.HasIndex(t => new { t.TenantId, t.Name });
            b.HasQueryFilter(t => t.TenantId == CurrentTenant);
        });
    }
}

internal sealed class SqliteCustomersDbContext(DbContextOptions<SqliteCustomersDbContext> options, ActorContext actor, TimeProvider time)
    : CustomersDbContext(options, actor, time);

internal sealed class PostgresCustomersDbContext(DbContextOptions<PostgresCustomersDbContext> options, ActorContext actor, TimeProvider time)
    : CustomersDbContext(options, actor, time);

internal sealed class SqliteCustomersDesignFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqliteCustomersDbContext>
{
    public SqliteCustomersDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteCustomersDbContext>().UseSqlite("Data Source=design.db").Options, new ActorContext(new HttpContextAccessor()), TimeProvider.System);
}

internal sealed class PostgresCustomersDesignFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PostgresCustomersDbContext>
{
    public PostgresCustomersDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresCustomersDbContext>().UseNpgsql("Host=localhost;Database=design").Options, new ActorContext(new HttpContextAccessor()), TimeProvider.System);
}
