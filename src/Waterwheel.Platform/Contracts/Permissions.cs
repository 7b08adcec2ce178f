namespace Waterwheel.Platform.Contracts;

/// <summary>Permission names; each is also an authorization policy of the same name.</summary>
public static class Permissions
{
    public const string OrgRead = "org.read";
    public const string OrgWrite = "org.write";
    public const string StoresWrite = "stores.write";
    public const string StaffRead = "staff.read";
    public const string StaffWrite = "staff.write";
    public const string AccountsManage = "accounts.manage";
    public const string ApiKeysManage = "apikeys.manage";
    public const string AuditRead = "audit.read";
    public const string AuditExport = "audit.export";
    public const string PiiReveal = "pii.reveal";
    public const string WeComManage = "wecom.manage";
    public const string CustomersRead = "customers.read";
    public const string CustomersWrite = "customers.write";

    /// <summary>Customer profiles (客户档案), narrowed by data scope: a dealer's, a store's or a guide's own customers.</summary>
    public const string ProfilesRead = "profiles.read";

    /// <summary>Changing customer profiles, such as undoing a merge of two profiles; narrowed by data scope like reading.</summary>
    public const string ProfilesWrite = "profiles.write";

    /// <summary>Brand-wide settings that shape every customer's data (custom attributes, lifecycle thresholds): head office's administrators only.</summary>
    public const string SettingsManage = "settings.manage";

    /// <summary>Segment counts and the tag, segment and pack lists (人群圈选): aggregates, within the actor's data scope.</summary>
    public const string AudiencesRead = "audiences.read";

    /// <summary>Tagging customers, saving segments and freezing packs, within the actor's data scope.</summary>
    public const string AudiencesWrite = "audiences.write";

    /// <summary>The brand's tag groups and tags themselves: head office.</summary>
    public const string TagsManage = "tags.manage";

    /// <summary>Channels, live codes and the customers they brought (渠道活码).</summary>
    public const string AcquisitionRead = "acquisition.read";

    /// <summary>Making and changing channels and live codes (which makes and changes WeCom contact ways): head office.</summary>
    public const string AcquisitionWrite = "acquisition.write";

    /// <summary>Growth figures (新增、流失、净增 by day, store and guide): aggregates only, within the actor's data scope.</summary>
    public const string InsightsRead = "insights.read";

    public static readonly IReadOnlyList<string> All =
    [
        OrgRead, OrgWrite, StoresWrite, StaffRead, StaffWrite, AccountsManage, ApiKeysManage, AuditRead, AuditExport, PiiReveal,
        WeComManage, CustomersRead, CustomersWrite, ProfilesRead, ProfilesWrite, SettingsManage, AudiencesRead, AudiencesWrite, TagsManage,
        AcquisitionRead, AcquisitionWrite, InsightsRead,
    ];

    // Everyone reads the organisation and the growth of the part of it they see.
    private static readonly string[] ReadOnly = [OrgRead, StaffRead, InsightsRead];

    /// <summary>The fixed role → permission matrix; data scope narrows each further.</summary>
    public static readonly IReadOnlyDictionary<StaffRole, IReadOnlySet<string>> ByRole = new Dictionary<StaffRole, IReadOnlySet<string>>
    {
        [StaffRole.HqAdmin] = All.ToHashSet(),
        // The WeCom customer lists (new customers, loss alerts, groups) hold each viewer's data scope, so every role that
        // owns customers reads them and follows up its own losses; the corp's member list is head office's setting.
        [StaffRole.HqOperator] = new HashSet<string>([.. ReadOnly, StoresWrite, StaffWrite, CustomersRead, CustomersWrite, ProfilesRead, ProfilesWrite,
            AudiencesRead, AudiencesWrite, TagsManage, AcquisitionRead, AcquisitionWrite]),
        [StaffRole.Analyst] = new HashSet<string>([.. ReadOnly, AuditRead, AuditExport, CustomersRead, AudiencesRead, AcquisitionRead]),
        // Analysts see customers only as aggregates, so they hold no profile permission.
        [StaffRole.DealerAdmin] = new HashSet<string>([.. ReadOnly, StoresWrite, StaffWrite, PiiReveal, CustomersRead, CustomersWrite, ProfilesRead, ProfilesWrite,
            AudiencesRead, AudiencesWrite, AcquisitionRead]),
        [StaffRole.StoreManager] = new HashSet<string>([.. ReadOnly, StaffWrite, PiiReveal, CustomersRead, CustomersWrite, ProfilesRead, AudiencesRead, AudiencesWrite,
            AcquisitionRead]),
        [StaffRole.Guide] = new HashSet<string>([.. ReadOnly, CustomersRead, CustomersWrite, ProfilesRead, AudiencesRead, AudiencesWrite]),
    };
}
