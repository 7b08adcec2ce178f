namespace Waterwheel.Customers.Consent;

/// <summary>A channel's consent now: granted, withdrawn, or never asked (null), with where and when it was last told.</summary>
public sealed record ConsentState(ConsentChannel Channel, bool? Granted, ConsentSource? Source, DateTime? At);

public sealed record ConsentEntry(Guid Id, ConsentChannel Channel, bool Granted, ConsentSource Source, DateTime At, string? RecordedBy, string? Evidence);

public sealed record ConsentsView(IReadOnlyList<ConsentState> Current, IReadOnlyList<ConsentEntry> History)
{
    internal static ConsentsView Of(IReadOnlyCollection<ConsentRecord> records)
    {
        var current = ConsentLedger.Current(records);
        return new ConsentsView(
            Enum.GetValues<ConsentChannel>().Select(c => current.TryGetValue(c, out var r)
                ? new ConsentState(c, r.Granted, r.Source, r.At)
                : new ConsentState(c, null, null, null)).ToList(),
            records.OrderByDescending(r => r.At).ThenByDescending(r => r.Id)
                .Select(r => new ConsentEntry(r.Id, r.Channel, r.Granted, r.Source, r.At, r.RecordedBy, r.Evidence)).ToList());
    }
}

/// <summary>A customer's marketing consent per channel and its history; reached through a profile the actor may see.</summary>
internal sealed class ListConsents(CustomersDbContext db, ConsentLedger ledger)
{
    public async Task<Result<ConsentsView>> Handle(Guid profileId, CancellationToken ct)
    {
        if (!await db.Profiles.AnyAsync(p => p.Id == profileId, ct)) return Error.NotFound("Customer");
        return ConsentsView.Of(await ledger.Of(profileId, ct));
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/profiles/{id:guid}/consents", async (Guid id, ListConsents handler, CancellationToken ct) => (await handler.Handle(id, ct)).ToOk())
        .RequireAuthorization(Permissions.ProfilesRead)
        .WithName("ListCustomerConsents")
        .WithSummary("A customer's marketing consent per channel (WeCom message, SMS, email, phone call, official-account template) and its history");
}
