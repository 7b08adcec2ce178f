using FluentValidation;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Attributes;

public sealed record DefineAttributeRequest(string? Key, string? Label, AttributeType? Type, IReadOnlyList<string>? Options, bool Required);

internal sealed class DefineAttributeValidator : AbstractValidator<DefineAttributeRequest>
{
    /// <summary>Names that built-in fields and identify traits already use: an attribute of the same key would shadow them.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "name", "avatar", "gender", "birthday", "province", "city", "address", "phone", "mobile", "email", "consent",
        "user_id", "unionid", "openid", "created_at", "first_name", "last_name", "username",
    };

    public DefineAttributeValidator()
    {
        RuleFor(r => r.Key).NotEmpty().Matches("^[a-z][a-z0-9_]*$").WithMessage(_ => CustomersText.Get("AttributeKey"))
            .MaximumLength(AttributeDefinition.KeyLength)
            .Must(k => k is null || !Reserved.Contains(k)).WithMessage(_ => CustomersText.Get("AttributeKeyReserved"));
        RuleFor(r => r.Label).NotEmpty().MaximumLength(AttributeDefinition.LabelLength);
        RuleFor(r => r.Type).NotNull().IsInEnum();
        RuleFor(r => r.Options).NotEmpty().When(r => r.Type == AttributeType.Enum).WithMessage(_ => CustomersText.Get("EnumNeedsOptions"));
        RuleFor(r => r.Options).Must(o => o is null || o.Count == 0).When(r => r.Type != AttributeType.Enum).WithMessage(_ => CustomersText.Get("OnlyEnumHasOptions"));
        RuleFor(r => r.Options).Must(o => o is null || (o.Count <= 50 && o.Distinct().Count() == o.Count))
            .WithMessage(_ => CustomersText.Format("AtMostOptions", 50));
        RuleForEach(r => r.Options).NotEmpty().MaximumLength(AttributeDefinition.LabelLength);
    }
}

/// <summary>Defines a custom attribute for the whole brand (head office administrators; audited).</summary>
internal sealed class DefineAttribute(CustomersDbContext db, IValidator<DefineAttributeRequest> validator, ActorContext actor, IAuditLog audit,
    Microsoft.Extensions.Caching.Memory.IMemoryCache cache, TimeProvider time)
{
    public async Task<Result<AttributeDefinitionView>> Handle(DefineAttributeRequest request, CancellationToken ct)
    {
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        if (await db.AttributeDefinitions.AnyAsync(d => d.Key == request.Key, ct))
            return Error.Conflict("attribute_exists", CustomersText.Format("AttributeExists", request.Key ?? ""));
        var definition = new AttributeDefinition
        {
            TenantId = actor.TenantId!.Value, Key = request.Key!, Label = request.Label!.Trim(), Type = request.Type!.Value,
            Options = request.Options?.Select(o => o.Trim()).ToList() ?? [], Required = request.Required, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.AttributeDefinitions.Add(definition);
        await db.SaveChangesAsync(ct);
        cache.Remove(TenantAttributes.CacheKey(definition.TenantId));
        await audit.RecordNowAsync(AuditActions.AttributeDefined, "customer_attribute", definition.Key, $"attribute {definition.Key} ({definition.Type}) defined", ct);
        return AttributeDefinitionView.Of(definition);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/attributes", async (DefineAttributeRequest request, DefineAttribute handler, CancellationToken ct) =>
            (await handler.Handle(request, ct)).ToCreated(d => $"/api/customers/attributes/{d.Key}"))
        .RequireAuthorization(Permissions.SettingsManage)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithName("DefineCustomerAttribute")
        .WithSummary("Defines a custom customer attribute: key, zh-CN label, type (String, Number, Decimal, Date, Enum, Bool), options, required (audited)");
}
