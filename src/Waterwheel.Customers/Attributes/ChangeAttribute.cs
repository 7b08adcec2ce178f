using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Waterwheel.Platform.Audit;

namespace Waterwheel.Customers.Attributes;

public sealed record ChangeAttributeRequest(string? Label, IReadOnlyList<string>? Options, bool Required);

internal sealed class ChangeAttributeValidator : AbstractValidator<ChangeAttributeRequest>
{
    public ChangeAttributeValidator()
    {
        RuleFor(r => r.Label).NotEmpty().MaximumLength(AttributeDefinition.LabelLength);
        RuleFor(r => r.Options).Must(o => o is null || (o.Count <= 50 && o.Distinct().Count() == o.Count))
            .WithMessage(_ => CustomersText.Format("AtMostOptions", 50));
        RuleForEach(r => r.Options).NotEmpty().MaximumLength(AttributeDefinition.LabelLength);
    }
}

/// <summary>
/// Changes an attribute's label, options or whether it is required; never its key or type, which stored values depend
/// on. A removed option stays on the profiles that hold it until they are edited. Head office administrators; audited.
/// </summary>
internal sealed class ChangeAttribute(CustomersDbContext db, IValidator<ChangeAttributeRequest> validator, IMemoryCache cache, IAuditLog audit)
{
    public async Task<Result<AttributeDefinitionView>> Handle(string key, ChangeAttributeRequest request, string? ifMatch, CancellationToken ct)
    {
        var definition = await db.AttributeDefinitions.FirstOrDefaultAsync(d => d.Key == key, ct);
        if (definition is null) return Error.NotFound("Attribute");
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        var options = request.Options?.Select(o => o.Trim()).ToList() ?? [];
        if (definition.Type == AttributeType.Enum && options.Count == 0) return Error.Invalid("options", CustomersText.Get("EnumNeedsOptions"));
        if (definition.Type != AttributeType.Enum && options.Count > 0) return Error.Invalid("options", CustomersText.Get("OnlyEnumHasOptions"));
        if (ETags.Check(ifMatch, definition.Version) is { } precondition) return precondition;
        (definition.Label, definition.Options, definition.Required) = (request.Label!.Trim(), options, request.Required);
        await db.SaveChangesAsync(ct);
        cache.Remove(TenantAttributes.CacheKey(definition.TenantId));
        await audit.RecordNowAsync(AuditActions.CustomerSettingsChanged, "customer_attribute", definition.Key,
            $"attribute {definition.Key} changed: {definition.Options.Count} options, {(definition.Required ? "required" : "optional")}", ct);
        return AttributeDefinitionView.Of(definition);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/attributes/{key}", async (string key, ChangeAttributeRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpResponse response,
                ChangeAttribute handler, CancellationToken ct) =>
            (await handler.Handle(key, request, ifMatch, ct)).ToOkWithETag(response, v => v.Version))
        .RequireAuthorization(Permissions.SettingsManage)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired)
        .WithName("ChangeCustomerAttribute")
        .WithSummary("Changes a custom attribute's label, enum options or required flag; key and type never change (If-Match: its version; audited)");
}
