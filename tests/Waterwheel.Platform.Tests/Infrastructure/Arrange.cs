using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Waterwheel.Platform.Tests.Infrastructure;

/// <summary>Arranges data through the real HTTP API, as an admin of the tenant would.</summary>
public static class Arrange
{
    public const string StaffPassword = "Staff-pass-2026";
    private static int _mobile;
    private static int _code;

    /// <summary>A mobile number no other test uses (numbers are unique among a tenant's active staff).</summary>
    public static string NewMobile() => $"137{Interlocked.Increment(ref _mobile):D8}";

    /// <summary>A code unique in this test run, for org units, stores and user names.</summary>
    public static string NewCode(string prefix) => $"{prefix}-{Interlocked.Increment(ref _code)}";

    public static async Task<Guid> HeadOffice(HttpClient admin)
    {
        var units = await admin.GetOk("/api/platform/org-units");
        return units.EnumerateArray().Single(u => u.Text("kind") == "HeadOffice").Id();
    }

    public static async Task<Guid> OrgUnit(HttpClient admin, Guid parentId, string kind, string name, string? code = null) =>
        (await admin.PostCreated("/api/platform/org-units", new { parentId, kind, name, code = code ?? NewCode(kind) })).Id();

    public static object StoreBody(Guid orgUnitId, string name, string? code = null, string city = "上海市") => new
    {
        code = code ?? NewCode("S"), name, orgUnitId, province = "上海市", city, district = "静安区", address = "南京西路1号",
        latitude = 31.2231, longitude = 121.4452, openingHours = "08:00-21:00", phone = "021-12345678",
    };

    public static async Task<JsonElement> Store(HttpClient admin, Guid orgUnitId, string name, string? code = null, string city = "上海市") =>
        await admin.PostCreated("/api/platform/stores", StoreBody(orgUnitId, name, code, city));

    public static async Task<JsonElement> Staff(HttpClient admin, string name, string role, Guid? orgUnitId = null, Guid? storeId = null, string? mobile = null) =>
        await admin.PostCreated("/api/platform/staff", new { name, mobile = mobile ?? NewMobile(), role, orgUnitId, storeId });

    public static async Task<string> Account(HttpClient admin, Guid staffId, string userName)
    {
        await admin.PostOk($"/api/platform/staff/{staffId}/account", new { userName, password = StaffPassword });
        return userName;
    }

    /// <summary>Creates an API key; returns the created key and its token (shown only now).</summary>
    public static async Task<(Guid Id, string Token)> ApiKey(HttpClient admin, string name, params string[] permissions)
    {
        var created = await admin.PostCreated("/api/platform/api-keys", new { name, permissions });
        return (created.GetProperty("key").Id(), created.Text("token"));
    }

    public static async Task<int> AuditCount(HttpClient client, string action, string? q = null) =>
        (await client.GetOk($"/api/platform/audit?pageSize=1&action={action}{(q is null ? "" : "&q=" + Uri.EscapeDataString(q))}")).Total();

    public static async Task<HttpStatusCode> SignInStatus(HttpClient client, string userName, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/session", new { userName, password });
        return response.StatusCode;
    }
}
