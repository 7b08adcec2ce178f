namespace Waterwheel.Console.Layout;

/// <summary>
/// A link in the navigation, shown only to those holding its permission; a head-office link (work done for the whole
/// brand, such as imports) also only to head-office roles, though a dealer's admin holds the same permission.
/// </summary>
public sealed record NavItem(string Title, string Href, string Icon, string Permission, bool HeadOfficeOnly = false);

/// <summary>A group of links: one per water-wheel stage, plus insight and settings.</summary>
public sealed record NavSection(string Title, string Icon, IReadOnlyList<NavItem> Items);

/// <summary>
/// The customers themselves come first (every stage works on them); then the navigation follows the water-wheel model (聚水流 → 凝水势 → 激水花 → 促转化 → 促循环, then insight and
/// settings). A stage appears once a module gives it a working page; there are no placeholder pages.
/// </summary>
public static class NavSections
{
    public static readonly IReadOnlyList<NavSection> All =
    [
        new("Customers", MudBlazor.Icons.Material.Filled.People,
        [
            new("Customer profiles", "/customers", MudBlazor.Icons.Material.Filled.Person, Platform.Contracts.Permissions.ProfilesRead),
            new("Customer imports", "/customers/imports", MudBlazor.Icons.Material.Filled.UploadFile, Platform.Contracts.Permissions.ProfilesWrite, HeadOfficeOnly: true),
            new("Tags", "/audiences/tags", MudBlazor.Icons.Material.Filled.LocalOffer, Platform.Contracts.Permissions.AudiencesRead),
            new("Segments", "/audiences/segments", MudBlazor.Icons.Material.Filled.FilterAlt, Platform.Contracts.Permissions.AudiencesRead),
            new("Audience packs", "/audiences/packs", MudBlazor.Icons.Material.Filled.Inventory2, Platform.Contracts.Permissions.AudiencesRead),
        ]),
        new("Acquire", MudBlazor.Icons.Material.Filled.Waves,
        [
            new("New customers", "/acquire/customers", MudBlazor.Icons.Material.Filled.PersonAddAlt1, Platform.Contracts.Permissions.CustomersRead),
            new("Channels", "/acquire/channels", MudBlazor.Icons.Material.Filled.Campaign, Platform.Contracts.Permissions.AcquisitionRead),
            new("Live codes", "/acquire/codes", MudBlazor.Icons.Material.Filled.QrCode2, Platform.Contracts.Permissions.AcquisitionRead),
            new("Group live codes", "/acquire/group-codes", MudBlazor.Icons.Material.Filled.GroupAdd, Platform.Contracts.Permissions.AcquisitionRead),
            new("Store map", "/acquire/store-map", MudBlazor.Icons.Material.Filled.Map, Platform.Contracts.Permissions.AcquisitionRead),
        ]),
        new("Engage", MudBlazor.Icons.Material.Filled.Forum,
        [
            new("Customer groups", "/engage/groups", MudBlazor.Icons.Material.Filled.Groups, Platform.Contracts.Permissions.CustomersRead),
            new("Corp tags", "/engage/tags", MudBlazor.Icons.Material.Filled.Sell, Platform.Contracts.Permissions.CustomersRead),
        ]),
        new("Spread", MudBlazor.Icons.Material.Filled.Share, []),
        new("Convert", MudBlazor.Icons.Material.Filled.ShoppingCart, []),
        new("Retain", MudBlazor.Icons.Material.Filled.Loyalty,
        [
            new("Relation alerts", "/retain/alerts", MudBlazor.Icons.Material.Filled.NotificationImportant, Platform.Contracts.Permissions.CustomersRead),
        ]),
        new("Insights", MudBlazor.Icons.Material.Filled.Insights, []),
        new("Settings", MudBlazor.Icons.Material.Filled.Settings,
        [
            new("Organisation", "/settings/organisation", MudBlazor.Icons.Material.Filled.AccountTree, Platform.Contracts.Permissions.OrgRead),
            new("Stores", "/settings/stores", MudBlazor.Icons.Material.Filled.Store, Platform.Contracts.Permissions.OrgRead),
            new("Staff", "/settings/staff", MudBlazor.Icons.Material.Filled.Badge, Platform.Contracts.Permissions.StaffRead),
            new("Brand settings", "/settings/brand", MudBlazor.Icons.Material.Filled.Schedule, Platform.Contracts.Permissions.OrgRead),
            new("Customer settings", "/settings/customers", MudBlazor.Icons.Material.Filled.Tune, Platform.Contracts.Permissions.ProfilesRead),
            new("Roles & permissions", "/settings/roles", MudBlazor.Icons.Material.Filled.AdminPanelSettings, Platform.Contracts.Permissions.OrgRead),
            new("WeCom connection", "/settings/wecom", MudBlazor.Icons.Material.Filled.Hub, Platform.Contracts.Permissions.WeComManage),
            new("WeCom members", "/settings/wecom-members", MudBlazor.Icons.Material.Filled.ContactPhone, Platform.Contracts.Permissions.WeComManage),
            new("Event sources", "/settings/event-sources", MudBlazor.Icons.Material.Filled.Input, Platform.Contracts.Permissions.ApiKeysManage),
            new("API keys", "/settings/api-keys", MudBlazor.Icons.Material.Filled.Key, Platform.Contracts.Permissions.ApiKeysManage),
            new("Audit log", "/settings/audit", MudBlazor.Icons.Material.Filled.History, Platform.Contracts.Permissions.AuditRead),
        ]),
    ];
}
