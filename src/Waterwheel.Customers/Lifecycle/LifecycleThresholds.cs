using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Waterwheel.Platform.Audit;

namespace Waterwheel.Customers.Lifecycle;

/// <summary>The lifecycle thresholds in force: days since first seen for "new", days since the last order (or visit) for the rest.</summary>
public sealed record LifecycleThresholds(int NewForDays, int ActiveWithinDays, int AtRiskWithinDays, int DormantWithinDays, bool Customised, int Version);

public sealed record SetLifecycleThresholdsRequest(int NewForDays, int ActiveWithinDays, int AtRiskWithinDays, int DormantWithinDays);

internal sealed class SetLifecycleThresholdsValidator : AbstractValidator<SetLifecycleThresholdsRequest>
{
    private const int TenYears = 3650;

    public SetLifecycleThresholdsValidator()
    {
        // Each stage starts where the one before ends: the days must increase, or a stage could never be reached.
        RuleFor(r => r.NewForDays).InclusiveBetween(1, TenYears);
        RuleFor(r => r.ActiveWithinDays).InclusiveBetween(1, TenYears).GreaterThanOrEqualTo(r => r.NewForDays)
            .WithMessage(_ => CustomersText.Get("ActiveAfterNew"));
        RuleFor(r => r.AtRiskWithinDays).InclusiveBetween(1, TenYears).GreaterThan(r => r.ActiveWithinDays)
            .WithMessage(_ => CustomersText.Get("AtRiskAfterActive"));
        RuleFor(r => r.DormantWithinDays).InclusiveBetween(1, TenYears).GreaterThan(r => r.AtRiskWithinDays)
            .WithMessage(_ => CustomersText.Get("DormantAfterAtRisk"));
    }
}

/// <summary>The tenant's lifecycle thresholds, its own or the defaults (version 0).</summary>
internal sealed class GetLifecycleThresholds(CustomersDbContext db, TenantValueOptions options)
{
    public async Task<LifecycleThresholds> Handle(CancellationToken ct)
    {
        var own = await db.LifecycleSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        if (own is not null) return new(own.NewForDays, own.ActiveWithinDays, own.AtRiskWithinDays, own.DormantWithinDays, true, own.Version);
        var d = options.Defaults;
        return new(d.NewForDays, d.ActiveWithinDays, d.AtRiskWithinDays, d.DormantWithinDays, false, 0);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/settings/lifecycle", async (HttpResponse response, GetLifecycleThresholds handler, CancellationToken ct) =>
        {
            var thresholds = await handler.Handle(ct);
            ETags.Write(response, thresholds.Version);
            return TypedResults.Ok(thresholds);
        })
        .RequireAuthorization(Permissions.ProfilesRead)
        .WithName("GetLifecycleThresholds")
        .WithSummary("The brand's lifecycle thresholds (new / active / at-risk / dormant, in days), its own or the defaults");
}

/// <summary>Sets the tenant's lifecycle thresholds; every stage shown from then on (within a minute on every node) uses them. Audited.</summary>
internal sealed class SetLifecycleThresholds(CustomersDbContext db, IValidator<SetLifecycleThresholdsRequest> validator, IMemoryCache cache, IAuditLog audit,
    Platform.Tenancy.ActorContext actor, TimeProvider time)
{
    public async Task<Result<LifecycleThresholds>> Handle(SetLifecycleThresholdsRequest request, string? ifMatch, CancellationToken ct)
    {
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        var tenant = actor.TenantId!.Value;
        var setting = await db.LifecycleSettings.FirstOrDefaultAsync(ct);
        if (ETags.Check(ifMatch, setting?.Version ?? 0) is { } precondition) return precondition;
        // The defaults are version 0: the brand's first own setting is 1, so that an edit based on the defaults is then stale.
        if (setting is null) db.LifecycleSettings.Add(setting = new LifecycleSetting { TenantId = tenant, Version = 1 });
        (setting.NewForDays, setting.ActiveWithinDays, setting.AtRiskWithinDays, setting.DormantWithinDays, setting.UpdatedAt) =
            (request.NewForDays, request.ActiveWithinDays, request.AtRiskWithinDays, request.DormantWithinDays, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        cache.Remove(TenantValueOptions.CacheKey(tenant));
        await audit.RecordNowAsync(AuditActions.CustomerSettingsChanged, "lifecycle_thresholds", setting.Id.ToString(),
            $"lifecycle thresholds: new {setting.NewForDays}, active {setting.ActiveWithinDays}, at risk {setting.AtRiskWithinDays}, dormant {setting.DormantWithinDays} days", ct);
        return new LifecycleThresholds(setting.NewForDays, setting.ActiveWithinDays, setting.AtRiskWithinDays, setting.DormantWithinDays, true, setting.Version);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/settings/lifecycle", async (SetLifecycleThresholdsRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpResponse response,
                SetLifecycleThresholds handler, CancellationToken ct) =>
            (await handler.Handle(request, ifMatch, ct)).ToOkWithETag(response, v => v.Version))
        .RequireAuthorization(Permissions.SettingsManage)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired)
        .WithName("SetLifecycleThresholds")
        .WithSummary("Sets the brand's lifecycle thresholds in days, increasing (head office administrators; If-Match: the version read, 0 for the defaults; audited)");
}
