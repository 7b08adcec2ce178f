using System.Text;
using QRCoder;

namespace Waterwheel.Acquisition.Cards;

/// <summary>A live code's parcel cards, oldest batch first and by order number within a batch (paging).</summary>
internal sealed class ListCards(AcquisitionDbContext db)
{
    public async Task<Result<Page<CardView>>> Handle(Guid codeId, PageQuery query, CancellationToken ct)
    {
        if (!await db.Codes.AnyAsync(c => c.Id == codeId, ct)) return Error.NotFound("Live code");
        var page = await db.Cards.AsNoTracking().Where(c => c.CodeId == codeId).OrderBy(c => c.CreatedAt).ThenBy(c => c.OrderNumber).ToPage(q => q, query, ct);
        return new Page<CardView>(page.Items.Select(CardView.Of).ToList(), page.Total, page.PageNumber, page.PageSize);
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/codes/{id:guid}/cards", async (Guid id, [AsParameters] PageQuery query, ListCards handler, CancellationToken ct) =>
                (await handler.Handle(id, query, ct)).ToOk())
            .RequireAuthorization(Permissions.AcquisitionRead)
            .WithName("ListParcelCards")
            .WithSummary("A live code's parcel cards, oldest first (paging): order, page, QR image, whether opened and when someone added through it");
        api.MapGet("/codes/{id:guid}/cards.csv", async (Guid id, HttpRequest request, AcquisitionDbContext db, CancellationToken ct) =>
            {
                if (!await db.Codes.AnyAsync(c => c.Id == id, ct)) return Error.NotFound("Live code").ToProblem();
                var cards = await db.Cards.AsNoTracking().Where(c => c.CodeId == id).OrderBy(c => c.CreatedAt).ThenBy(c => c.OrderNumber).ToListAsync(ct);
                return Results.File(CardExport.Csv(cards, $"{request.Scheme}://{request.Host}{request.PathBase}"), "text/csv; charset=utf-8", $"parcel-cards-{id:N}.csv");
            })
            .RequireAuthorization(Permissions.AcquisitionRead)
            .WithName("ExportParcelCards")
            .WithSummary("A live code's parcel cards as CSV for the warehouse's printing system: channel, order number, short link, QR image link");
        api.MapGet("/cards/{token}/qr.png", async (string token, AcquisitionDbContext db, HttpRequest request, CancellationToken ct) =>
                await db.Cards.AsNoTracking().AnyAsync(c => c.Token == token, ct)
                    ? Results.File(CardExport.Qr($"{request.Scheme}://{request.Host}{request.PathBase}{CardView.PagePath(token)}"), "image/png")
                    : Error.NotFound("Parcel card").ToProblem())
            .RequireAuthorization(Permissions.AcquisitionRead)
            .WithName("ParcelCardQr")
            .WithSummary("The QR of one parcel card's page, as PNG for printing");
    }
}

/// <summary>What the warehouse prints from: a CSV Excel opens right (UTF-8 with BOM, numbers kept as text) and the QR of a card.</summary>
internal static class CardExport
{
    public static byte[] Csv(IReadOnlyList<ParcelCard> cards, string origin)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', AcquisitionText.Get("CardCsvHeader").Split('|'))).Append("\r\n");
        foreach (var card in cards)
        {
            var page = origin + CardView.PagePath(card.Token);
            // ="…" keeps a long order number's digits in Excel, as the platforms' own exports do.
            text.Append(Cell(card.Channel)).Append(',').Append("=\"").Append(card.OrderNumber.Replace("\"", "")).Append('"').Append(',')
                .Append(Cell(page)).Append(',').Append(Cell($"{origin}/api/acquisition/cards/{card.Token}/qr.png")).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A QR big enough to scan from a printed card (10 pixels a module), medium error correction.</summary>
    public static byte[] Qr(string text) => PngByteQRCodeHelper.GetQRCode(text, QRCodeGenerator.ECCLevel.M, 10);

    /// <summary>
    /// A field as CSV writes it, and a channel name a spreadsheet would run as a formula opened as text instead, as the
    /// platform's exports do (<see cref="Waterwheel.Platform.Api.CsvExport"/>); written here because the order number's ="…" must stay a formula.
    /// </summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.Contains(',') || value.Contains('"') || value.Contains('\n') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
