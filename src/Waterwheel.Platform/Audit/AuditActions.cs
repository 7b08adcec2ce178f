namespace Waterwheel.Platform.Audit;

/// <summary>Stable action names in the audit log; the console translates them.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "auth.sign_in";
    public const string SignInFailed = "auth.sign_in_failed";
    public const string SignInLockedOut = "auth.locked_out";
    public const string SignOut = "auth.sign_out";
    public const string OrgUnitCreated = "org.unit_created";
    public const string OrgUnitUpdated = "org.unit_updated";
    public const string StoreCreated = "store.created";
    public const string StoreUpdated = "store.updated";
    public const string StoreStatusChanged = "store.status_changed";
    public const string StaffCreated = "staff.created";
    public const string StaffUpdated = "staff.updated";
    public const string StaffLeft = "staff.left";
    public const string RoleChanged = "staff.role_changed";
    public const string AccountCreated = "account.created";
    public const string PiiRevealed = "pii.revealed";
    public const string ApiKeyCreated = "apikey.created";
    public const string ApiKeyRevoked = "apikey.revoked";
    public const string Exported = "data.exported";
    public const string WriteKeyCreated = "writekey.created";
    public const string WriteKeyRevoked = "writekey.revoked";
    public const string CustomerSharingChanged = "org.customer_sharing_changed";
    public const string PersonErased = "customer.erased";
    public const string MergeUndone = "customer.merge_undone";
    public const string CustomerSettingsChanged = "customer.settings_changed";
    public const string AttributeDefined = "customer.attribute_defined";
    public const string ImportUploaded = "customer.import_uploaded";
    public const string ImportCommitted = "customer.import_committed";
    public const string TimeZoneChanged = "tenant.time_zone_changed";
    public const string TagsChanged = "audience.tags_changed";
    public const string CustomerTagged = "audience.customer_tagged";
    public const string SegmentSaved = "audience.segment_saved";
    public const string PackFrozen = "audience.pack_frozen";
    public const string ChannelChanged = "acquisition.channel_changed";
    public const string LiveCodeChanged = "acquisition.code_changed";

    public static readonly IReadOnlyList<string> All =
    [
        SignInSucceeded, SignInFailed, SignInLockedOut, SignOut, OrgUnitCreated, OrgUnitUpdated, StoreCreated,
        StoreUpdated, StoreStatusChanged, StaffCreated, StaffUpdated, StaffLeft, RoleChanged, AccountCreated,
        PiiRevealed, ApiKeyCreated, ApiKeyRevoked, Exported, WriteKeyCreated, WriteKeyRevoked, CustomerSharingChanged, PersonErased,
        MergeUndone, CustomerSettingsChanged, AttributeDefined, ImportUploaded, ImportCommitted, TimeZoneChanged,
        TagsChanged, CustomerTagged, SegmentSaved, PackFrozen, ChannelChanged, LiveCodeChanged,
    ];
}
