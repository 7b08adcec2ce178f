using FluentValidation;
using Waterwheel.Customers.Profiles;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Consent;

public sealed record RecordConsentRequest(ConsentChannel? Channel, bool? Granted, string? Note);

internal sealed class RecordConsentValidator : AbstractValidator<RecordConsentRequest>
{
    public RecordConsentValidator()
    {
        RuleFor(r => r.Channel).NotNull().IsInEnum();
        RuleFor(r => r.Granted).NotNull();
        RuleFor(r => r.Note).MaximumLength(ConsentRecord.EvidenceLength);
    }
}

/// <summary>
/// Staff record that a customer granted or withdrew consent on one channel (told in store, on the phone). Every such
/// action is kept, even one that repeats the current state: it is evidence of what the person said and when. Only
/// those who may see the person may act for them: head office does not reach a dealer's customer it sees masked.
/// </summary>
internal sealed class RecordConsent(CustomersDbContext db, ProfileVisibility visibility, ConsentLedger ledger, ActorContext actor,
    IValidator<RecordConsentRequest> validator, TimeProvider time)
{
    public async Task<Result<ConsentsView>> Handle(Guid profileId, RecordConsentRequest request, CancellationToken ct)
    {
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == profileId, ct);
        if (profile is null || !await visibility.ShowsPerson(profile.OwnerDealerId, ct)) return Error.NotFound("Customer");
        if (profile.ErasedAt is not null) return Error.Conflict("customer_erased", CustomersText.Get("ConsentErased"));
        db.Consents.Add(new ConsentRecord
        {
            TenantId = profile.TenantId, ProfileId = profileId, Channel = request.Channel!.Value, Granted = request.Granted!.Value,
            Source = ConsentSource.Console, At = time.GetUtcNow().UtcDateTime, RecordedBy = actor.Name,
            Evidence = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
        });
        await db.SaveChangesAsync(ct);
        return ConsentsView.Of(await ledger.Of(profileId, ct));
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/profiles/{id:guid}/consents", async (Guid id, RecordConsentRequest request, RecordConsent handler, CancellationToken ct) =>
            (await handler.Handle(id, request, ct)).ToOk())
        .RequireAuthorization(Permissions.ProfilesWrite)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .WithName("RecordCustomerConsent")
        .WithSummary("Records that a customer granted or withdrew marketing consent on one channel (source: console; history kept)");
}
