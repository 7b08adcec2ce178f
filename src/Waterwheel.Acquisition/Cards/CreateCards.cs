using Waterwheel.Acquisition.Codes;
using Waterwheel.Customers.Contracts;
using Waterwheel.Platform.Audit;

namespace Waterwheel.Acquisition.Cards;

/// <summary>The orders to print cards for: the import channel they came from and their numbers.</summary>
public sealed record CreateCardsRequest(string? Channel, IReadOnlyList<string?>? OrderNumbers);

/// <summary>A batch's answer: how many cards are new, how many the orders had already, and every card in request order.</summary>
public sealed record CardBatchView(int Created, int Existing, IReadOnlyList<CardView> Cards);

/// <summary>
/// Issues a parcel card per order for a live code: orders an import brought in (the Customers module answers which),
/// one card per order for good, so the warehouse can ask again for a batch it lost and print the same codes. A bad
/// request (unknown channel, blank, overlong or unknown order numbers) is refused whole, listing every problem, and
/// stores nothing.
/// </summary>
internal sealed class CreateCards(AcquisitionDbContext db, IOrderBuyers orders, IAuditLog audit, TimeProvider time)
{
    public const int MaxOrders = 5_000;

    /// <summary>The e-commerce channels whose buyers a card links (the Customers module's import channels).</summary>
    public static readonly string[] Channels = ["tmall", "jd", "douyin"];

    public async Task<Result<CardBatchView>> Handle(Guid codeId, CreateCardsRequest request, CancellationToken ct)
    {
        var code = await db.Codes.AsNoTracking().FirstOrDefaultAsync(c => c.Id == codeId && c.Status != LiveCodeStatus.Deleted, ct);
        if (code is null) return Error.NotFound("Live code");
        if (code.Status != LiveCodeStatus.Active) return Error.Conflict("code_expired", AcquisitionText.Get("CodeExpired"));
        if (code.Routing is not null) return Error.Invalid("codeId", AcquisitionText.Get("CardsNeedPoolCode"));
        if (Check(request) is { } invalid) return invalid;
        var channel = request.Channel!;
        var numbers = request.OrderNumbers!.Select(n => n!.Trim()).ToList();

        var known = await orders.Find(channel, numbers.Distinct().ToList(), ct);
        var unknown = known.Where(o => !o.Found).Select(o => o.OrderNumber).ToHashSet();
        if (unknown.Count > 0) return Invalid(numbers.Select((n, i) => (n, i)).Where(x => unknown.Contains(x.n))
            .Select(x => ($"orderNumbers[{x.i}]", AcquisitionText.Format("CardOrderUnknown", x.n))));

        var cards = new Dictionary<string, ParcelCard>();
        foreach (var chunk in numbers.Distinct().Chunk(500))
            foreach (var card in await db.Cards.AsNoTracking().Where(c => c.Channel == channel && chunk.Contains(c.OrderNumber)).ToListAsync(ct))
                cards[card.OrderNumber] = card;
        var existing = cards.Count;
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var number in numbers.Distinct().Where(n => !cards.ContainsKey(n)))
        {
            var card = new ParcelCard { TenantId = code.TenantId, CodeId = code.Id, Channel = channel, OrderNumber = number, Token = ParcelCard.NewToken(), CreatedAt = now };
            db.Cards.Add(card);
            cards[number] = card;
        }
        var created = cards.Count - existing;
        if (created > 0)
        {
            // Two batches naming the same order at once: one saves, the other is told to ask again (and then finds the card).
            if (await db.SaveOrStale(ct) is { } lost) return lost;
            await audit.RecordNowAsync(AuditActions.LiveCodeChanged, "live_code", code.Id.ToString(),
                $"{created} parcel cards issued for live code {code.Name} ({channel})", ct);
        }
        return new CardBatchView(created, existing, numbers.Select(n => CardView.Of(cards[n])).ToList());
    }

    private static Error? Check(CreateCardsRequest request)
    {
        var problems = new List<(string Field, string Message)>();
        if (request.Channel is null || !Channels.Contains(request.Channel))
            problems.Add(("channel", AcquisitionText.Format("CardChannel", string.Join(", ", Channels))));
        if (request.OrderNumbers is not { Count: > 0 } numbers) problems.Add(("orderNumbers", AcquisitionText.Get("CardOrdersRequired")));
        else if (numbers.Count > MaxOrders) problems.Add(("orderNumbers", AcquisitionText.Format("CardOrdersTooMany", MaxOrders)));
        else
            for (var i = 0; i < numbers.Count; i++)
            {
                var number = numbers[i]?.Trim();
                if (string.IsNullOrEmpty(number)) problems.Add(($"orderNumbers[{i}]", AcquisitionText.Get("CardOrderBlank")));
                else if (number.Length > ParcelCard.OrderNumberLength) problems.Add(($"orderNumbers[{i}]", AcquisitionText.Format("CardOrderTooLong", ParcelCard.OrderNumberLength)));
            }
        return problems.Count == 0 ? null : Invalid(problems);
    }

    private static Error Invalid(IEnumerable<(string Field, string Message)> problems) =>
        new(ErrorKind.Validation, "validation_failed", AcquisitionText.Get("CardsInvalid"),
            problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/codes/{id:guid}/cards", async (Guid id, CreateCardsRequest request, CreateCards handler, CancellationToken ct) =>
            (await handler.Handle(id, request, ct)).ToOk())
        .RequireAuthorization(Permissions.AcquisitionWrite)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithName("CreateParcelCards")
        .WithSummary("Issues a parcel card per imported order for a pool code: channel (tmall|jd|douyin), orderNumbers (at most 5,000); an order that has a card keeps it (audited)");
}
