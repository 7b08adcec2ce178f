using Microsoft.AspNetCore.Mvc;
using Waterwheel.Platform.Audit;

namespace Waterwheel.Platform.Tenancy;

public sealed record TenantTimeZoneDto(string TimeZone, int Version);

public sealed record SetTenantTimeZoneRequest(string? TimeZone);

/// <summary>The brand's time zone as its people see it; any member may read it, since every screen shows times in it.</summary>
internal sealed class GetTenantTimeZone(PlatformDbContext db, ActorContext actor)
{
    public async Task<Result<TenantTimeZoneDto>> Handle(CancellationToken ct)
    {
        var zone = await db.Tenants.AsNoTracking().Where(t => t.Id == actor.TenantId)
            .Select(t => new TenantTimeZoneDto(t.TimeZone, t.Version)).FirstOrDefaultAsync(ct);
        return zone is null ? Error.NotFound("Tenant") : zone;
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/tenant/time-zone", async (GetTenantTimeZone handler, HttpResponse response, CancellationToken ct) =>
            (await handler.Handle(ct)).ToOkWithETag(response, z => z.Version))
        .WithName("GetTenantTimeZone")
        .WithSummary("The brand's time zone (IANA id): the console shows every time and counts every day in it");
}

/// <summary>
/// Head office's admin sets the brand's time zone. Only an IANA id the server knows is accepted (a typo would otherwise
/// silently fall back to the default); the change is audited with before → after. Like every edit it names the version
/// it was based on (If-Match), so two admins changing the zone at once cannot overwrite each other unseen.
/// </summary>
internal sealed class SetTenantTimeZone(PlatformDbContext db, ActorContext actor, IAuditLog audit)
{
    public async Task<Result<TenantTimeZoneDto>> Handle(SetTenantTimeZoneRequest request, string? ifMatch, CancellationToken ct)
    {
        var id = request.TimeZone?.Trim();
        if (TenantTime.Find(id) is null || !TimeZoneInfo.TryConvertIanaIdToWindowsId(id!, out _))
            return Error.Invalid("timeZone", $"“{id}” 不是有效的 IANA 时区（例如 Asia/Shanghai）。 \"{id}\" is not an IANA time zone (for example Asia/Shanghai).");
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == actor.TenantId, ct);
        if (tenant is null) return Error.NotFound("Tenant");
        if (ETags.Check(ifMatch, tenant.Version) is { } precondition) return precondition;
        if (tenant.TimeZone != id)
        {
            audit.Record(AuditActions.TimeZoneChanged, "tenant", tenant.Id.ToString(), $"{tenant.TimeZone} → {id}");
            tenant.TimeZone = id!;
            if (await db.SaveOrStale(ct) is { } stale) return stale;
        }
        return new TenantTimeZoneDto(tenant.TimeZone, tenant.Version);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/tenant/time-zone", async (SetTenantTimeZoneRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
                SetTenantTimeZone handler, HttpResponse response, CancellationToken ct) =>
            (await handler.Handle(request, ifMatch, ct)).ToOkWithETag(response, z => z.Version))
        .RequireAuthorization(Permissions.SettingsManage)
        .WithName("SetTenantTimeZone")
        .WithSummary("Set the brand's time zone (an IANA id such as Asia/Shanghai; send If-Match with the ETag you read; head office's admins; audited)");
}
