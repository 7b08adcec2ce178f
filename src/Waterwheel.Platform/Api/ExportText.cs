using System.Globalization;
using System.Resources;

namespace Waterwheel.Platform.Api;

/// <summary>
/// The words of an export (column headers, statuses, roles, audit actions) in the request's UI culture, so a file
/// downloaded from the Chinese console reads 营业中 where the English one reads Open. Keys are those of the console's
/// own resources, so a status is called the same on screen and in the file.
/// </summary>
public static class ExportText
{
    private static readonly ResourceManager Resources = new("Waterwheel.Platform.Resources.ExportText", typeof(ExportText).Assembly);

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Status(Stores.StoreStatus status) => Get($"StoreStatus.{status}");

    public static string Status(Staff.StaffStatus status) => Get($"StaffStatus.{status}");

    public static string Role(StaffRole role) => Get($"Role.{role}");

    /// <summary>An audit action in words; an action this version has no words for stays as its code.</summary>
    public static string AuditAction(string action) => Resources.GetString($"Audit.{action}", CultureInfo.CurrentUICulture) ?? action;
}
