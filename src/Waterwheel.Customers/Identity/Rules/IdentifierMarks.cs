using FluentValidation;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Identity.Rules;

public sealed record MarkIdentifierRequest(IdentityType Type, string Value, IdentifierMarkKind Kind);

/// <summary>A marked identifier; the value only for types that are not personal data (those are kept as a keyed hash only).</summary>
public sealed record IdentifierMarkView(Guid Id, IdentityType Type, string? Value, IdentifierMarkKind Kind);

internal sealed class MarkIdentifierValidator : AbstractValidator<MarkIdentifierRequest>
{
    public MarkIdentifierValidator()
    {
        RuleFor(r => r.Type).IsInEnum();
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.Value).NotEmpty().MaximumLength(IdentityValues.MaxLength)
            .Must((r, v) => IdentityValues.Normalise(r.Type, v) is not null)
            .WithMessage(_ => CustomersText.Get("NotAnIdentifier"));
    }
}

/// <summary>
/// Marks one identifier value blocked (it names nobody) or shared (a store's tablet: it names many). Both keep the
/// value from linking anyone from the next write on; profiles already holding it keep it.
/// </summary>
internal sealed class MarkIdentifier(CustomersDbContext db, ActorContext actor, IdentityKeys keys, IValidator<MarkIdentifierRequest> validator)
{
    public async Task<Result<IdentifierMarkView>> Handle(MarkIdentifierRequest request, CancellationToken ct)
    {
        if (actor.RequireHeadOffice() is { } forbidden) return forbidden;
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        var key = keys.Key(request.Type, IdentityValues.Normalise(request.Type, request.Value)!);
        if (await db.IdentifierMarks.AnyAsync(m => m.Type == request.Type && m.Key == key, ct))
            return Error.Conflict("identifier_already_marked", CustomersText.Get("IdentifierAlreadyMarked"));
        var mark = new IdentifierMark { TenantId = actor.TenantId!.Value, Type = request.Type, Key = key, Kind = request.Kind };
        db.IdentifierMarks.Add(mark);
        await db.SaveChangesAsync(ct);
        return View(mark);
    }

    internal static IdentifierMarkView View(IdentifierMark m) =>
        new(m.Id, m.Type, m.Type.IsPersonalData() ? null : m.Key, m.Kind);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/identifier-marks", async (MarkIdentifierRequest request, MarkIdentifier handler, CancellationToken ct) =>
                (await handler.Handle(request, ct)).ToCreated(m => $"/api/customers/identifier-marks/{m.Id}"))
            .RequireAuthorization(Permissions.ProfilesWrite)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("MarkIdentifier")
            .WithSummary("Marks an identifier value blocked or shared, so that it never links two people (head office only)");
        api.MapGet("/identifier-marks", async (CustomersDbContext db, CancellationToken ct) =>
                TypedResults.Ok((await db.IdentifierMarks.AsNoTracking().OrderBy(m => m.Type).ThenBy(m => m.Id).ToListAsync(ct)).Select(View).ToList()))
            .RequireAuthorization(Permissions.ProfilesRead)
            .WithName("ListIdentifierMarks")
            .WithSummary("The tenant's blocked and shared identifiers");
        api.MapDelete("/identifier-marks/{id:guid}", async (Guid id, UnmarkIdentifier handler, CancellationToken ct) =>
                (await handler.Handle(id, ct)).ToOk())
            .RequireAuthorization(Permissions.ProfilesWrite)
            .WithName("UnmarkIdentifier")
            .WithSummary("Removes a blocked or shared mark (head office only)");
    }
}

internal sealed class UnmarkIdentifier(CustomersDbContext db, ActorContext actor)
{
    public async Task<Result<IdentifierMarkView>> Handle(Guid id, CancellationToken ct)
    {
        if (actor.RequireHeadOffice() is { } forbidden) return forbidden;
        var mark = await db.IdentifierMarks.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (mark is null) return Error.NotFound("Identifier mark");
        db.IdentifierMarks.Remove(mark);
        await db.SaveChangesAsync(ct);
        return MarkIdentifier.View(mark);
    }
}
