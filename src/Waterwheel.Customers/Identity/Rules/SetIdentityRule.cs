using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Identity.Rules;

public sealed record SetIdentityRuleRequest(int MaxPerProfile, int Priority, bool MayMerge);

internal sealed class SetIdentityRuleValidator : AbstractValidator<SetIdentityRuleRequest>
{
    public SetIdentityRuleValidator()
    {
        RuleFor(r => r.MaxPerProfile).InclusiveBetween(1, 100);
        RuleFor(r => r.Priority).InclusiveBetween(1, 100);
    }
}

/// <summary>
/// Sets the tenant's own rule for one identifier type. It applies to writes from now on (within a minute on every
/// node): profiles that already hold more than a lowered maximum keep what they hold but take no more.
/// </summary>
internal sealed class SetIdentityRule(CustomersDbContext db, ActorContext actor, IValidator<SetIdentityRuleRequest> validator, IMemoryCache cache)
{
    public async Task<Result<IdentityRuleView>> Handle(IdentityType type, SetIdentityRuleRequest request, string? ifMatch, CancellationToken ct)
    {
        if (actor.RequireHeadOffice() is { } forbidden) return forbidden;
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        var tenant = actor.TenantId!.Value;
        var rule = await db.IdentityRuleSettings.FirstOrDefaultAsync(r => r.Type == type, ct);
        if (ETags.Check(ifMatch, rule?.Version ?? 0) is { } precondition) return precondition;
        if (rule is null)
        {
            // The default is version 0: the brand's first own rule is 1, so that an edit based on the default is then stale.
            rule = new IdentityRuleSetting { TenantId = tenant, Type = type, Version = 1 };
            db.IdentityRuleSettings.Add(rule);
        }
        (rule.MaxPerProfile, rule.Priority, rule.MayMerge) = (request.MaxPerProfile, request.Priority, request.MayMerge);
        await db.SaveChangesAsync(ct);
        cache.Remove(TenantIdentityRules.CacheKey(tenant));
        return new IdentityRuleView(type, rule.MaxPerProfile, rule.Priority, rule.MayMerge, true, rule.Version);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/identity-rules/{type}", async (IdentityType type, SetIdentityRuleRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpResponse response, SetIdentityRule handler, CancellationToken ct) =>
            (await handler.Handle(type, request, ifMatch, ct)).ToOkWithETag(response, v => v.Version))
        .RequireAuthorization(Permissions.ProfilesWrite)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired)
        .WithName("SetIdentityRule")
        .WithSummary("Sets the tenant's maximum per profile, priority and may-merge flag of one identifier type (head office only; If-Match: the rule's version, 0 for a default)");
}
