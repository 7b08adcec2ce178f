using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Waterwheel.Platform.Access;
using Waterwheel.Platform.ApiKeys;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Organisation;
using Waterwheel.Platform.Staff;
using Waterwheel.Platform.Stores;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.Data;

/// <summary>
/// The Platform module's data. Every tenant-owned set is filtered by the acting tenant and, where it applies,
/// by the actor's data scope, so that no query can forget either.
/// </summary>
internal abstract class PlatformDbContext(DbContextOptions options, ActorContext actor)
    : IdentityUserContext<StaffAccount, Guid>(options), IDataProtectionKeyContext
{
    public const string Schema = "platform";

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<Store> Stores => Set<Store>();
    public DbSet<StaffMember> Staff => Set<StaffMember>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<Messaging.InboxMessage> Inbox => Set<Messaging.InboxMessage>();

    /// <summary>Cookie and antiforgery keys, shared by every app node and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Read by the query filters; EF evaluates them per query against this instance.
    internal Guid? CurrentTenant => actor.TenantId;
    private DataScope Scope => actor.Scope;
    private ScopeKind ScopeKind => Scope.Kind;
    private string ScopePath => Scope.Path;
    private Guid? ScopeStoreId => Scope.StoreId;
    private Guid? ScopeStaffId => Scope.StaffId;

    protected override void ConfigureConventions(ModelConfigurationBuilder builder) => builder.UseUtcInstants();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StaffAccount>(b =>
        {
            b.ToTable("accounts");
            b.HasIndex(a => a.StaffId).IsUnique();
        });
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("account_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("account_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("account_tokens");
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        builder.Entity<Tenant>(b =>
        {
            b.ToTable("tenants");
            b.Property(t => t.Name).HasMaxLength(100);
            b.Property(t => t.Code).HasMaxLength(40);
            b.Property(t => t.TimeZone).HasMaxLength(64).HasDefaultValue(TenantTime.DefaultZoneId);
            b.Property(t => t.Version).IsConcurrencyToken();
            b.HasIndex(t => t.Code).IsUnique();
        });
        builder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);

        // A dealer admin sees the dealer's subtree; a store's people see only the chain above their store (its
        // unit's path starts with the unit's), not the sibling dealers under a region that runs their store.
        builder.Entity<OrgUnit>().HasQueryFilter(u => u.TenantId == CurrentTenant
            && (ScopeKind == ScopeKind.Tenant
                || (ScopeKind == ScopeKind.OrgUnit && u.Path.StartsWith(ScopePath))
                || ((ScopeKind == ScopeKind.Store || ScopeKind == ScopeKind.Self) && ScopePath.StartsWith(u.Path))));
        builder.Entity<Store>().HasQueryFilter(s => s.TenantId == CurrentTenant
            && (ScopeKind == ScopeKind.Tenant
                || (ScopeKind == ScopeKind.OrgUnit && s.OrgPath.StartsWith(ScopePath))
                || ((ScopeKind == ScopeKind.Store || ScopeKind == ScopeKind.Self) && s.Id == ScopeStoreId)));
        builder.Entity<StaffMember>().HasQueryFilter(s => s.TenantId == CurrentTenant
            && (ScopeKind == ScopeKind.Tenant
                || (ScopeKind == ScopeKind.OrgUnit && s.OrgPath.StartsWith(ScopePath))
                || (ScopeKind == ScopeKind.Store && s.StoreId == ScopeStoreId)
                || (ScopeKind == ScopeKind.Self && s.Id == ScopeStaffId)));
        builder.Entity<ApiKey>().HasQueryFilter(k => k.TenantId == CurrentTenant);
        builder.Entity<AuditEntry>().HasQueryFilter(a => a.TenantId == CurrentTenant);

        ModuleTables.Place(builder, Schema, Database);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AuditLogGuard.RejectChangesToHistory(ChangeTracker);
        return this.SaveWithVersionsBumped(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);
    }
}
