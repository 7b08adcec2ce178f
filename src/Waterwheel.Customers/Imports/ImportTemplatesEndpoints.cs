using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Waterwheel.Customers.Identity;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Imports;

/// <summary>The built-in templates and the tenant's own.</summary>
internal sealed class ListImportTemplates(ImportPlans plans, ActorContext actor)
{
    public async Task<Result<List<ImportTemplateView>>> Handle(CancellationToken ct)
    {
        if (actor.RequireImporter() is { } forbidden) return forbidden;
        return (await plans.All(ct)).ToList();
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/imports/templates", async (ListImportTemplates handler, CancellationToken ct) => (await handler.Handle(ct)).ToOk())
        .RequireAuthorization(Permissions.ProfilesWrite)
        .WithName("ListCustomerImportTemplates")
        .WithSummary("Column-mapping templates: Tmall/Taobao, JD, Douyin, POS and customer lists built in, then the tenant's own");
}

public sealed record SaveImportTemplateRequest(string Name, ImportKind Kind, string Channel, IdentityType? BuyerIdType, IReadOnlyDictionary<ImportField, string>? Columns);

internal sealed class SaveImportTemplateValidator : AbstractValidator<SaveImportTemplateRequest>
{
    public SaveImportTemplateValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(ImportTemplate.NameLength).Must(n => PlainText.IsPlain(n ?? ""));
        RuleFor(r => r.Channel).NotEmpty().MaximumLength(ImportTemplate.ChannelLength).Matches("^[a-z0-9_-]+$")
            .WithMessage(_ => CustomersText.Get("TemplateChannel"));
        RuleFor(r => r.BuyerIdType).Must(t => t is null or IdentityType.TaobaoBuyerId or IdentityType.JdPin or IdentityType.DouyinOpenId
                or IdentityType.PosMemberNumber or IdentityType.UserId or IdentityType.UnionId)
            .WithMessage(_ => CustomersText.Get("TemplateBuyerId"));
        RuleFor(r => r.Columns).NotEmpty();
        RuleForEach(r => r.Columns).Must(c => c.Value is { Length: > 0 and <= 100 }).WithMessage(_ => CustomersText.Get("TemplateColumn"));
        RuleFor(r => r).Must(r => r.Columns is null || ImportMappings.Missing(r.Kind, r.Columns).Count == 0)
            .OverridePropertyName("columns").WithMessage(_ => CustomersText.Get("TemplateRequiredFields"));
    }
}

/// <summary>Creates or changes a tenant's template; a change applies to imports mapped from then on.</summary>
internal sealed class SaveImportTemplate(CustomersDbContext db, ActorContext actor, IValidator<SaveImportTemplateRequest> validator, TimeProvider time)
{
    public async Task<Result<ImportTemplateView>> Handle(Guid? id, SaveImportTemplateRequest request, string? ifMatch, CancellationToken ct)
    {
        if (actor.RequireImporter() is { } forbidden) return forbidden;
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        ImportTemplate template;
        if (id is { } existing)
        {
            if (await db.Set<ImportTemplate>().FirstOrDefaultAsync(t => t.Id == existing, ct) is not { } found) return Error.NotFound("Template");
            if (ETags.Check(ifMatch, found.Version) is { } precondition) return precondition;
            template = found;
        }
        else
        {
            template = new ImportTemplate { TenantId = actor.TenantId!.Value, CreatedBy = actor.Name };
            db.Add(template);
        }
        (template.Name, template.Kind, template.Channel, template.BuyerIdType) = (request.Name.Trim(), request.Kind, request.Channel, request.BuyerIdType);
        template.Columns = ImportJson.Write(request.Columns!);
        template.UpdatedAt = time.GetUtcNow().UtcDateTime;
        if (await db.SaveOrStale(ct) is { } error) return error;
        return template.View();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/imports/templates", async (SaveImportTemplateRequest request, SaveImportTemplate handler, CancellationToken ct) =>
                (await handler.Handle(null, request, null, ct)).ToCreated(t => $"/api/customers/imports/templates/{t.Key}"))
            .ProducesValidationProblem()
            .RequireAuthorization(Permissions.ProfilesWrite)
            .WithName("CreateCustomerImportTemplate")
            .WithSummary("Save a column mapping for files no built-in template knows");
        api.MapPut("/imports/templates/{id:guid}", async (Guid id, SaveImportTemplateRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
                    HttpResponse response, SaveImportTemplate handler, CancellationToken ct) =>
                (await handler.Handle(id, request, ifMatch, ct)).ToOkWithETag(response, t => t.Version))
            .ProducesValidationProblem()
            .RequireAuthorization(Permissions.ProfilesWrite)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithName("UpdateCustomerImportTemplate")
            .WithSummary("Change a saved column mapping (If-Match: its version)");
    }
}
