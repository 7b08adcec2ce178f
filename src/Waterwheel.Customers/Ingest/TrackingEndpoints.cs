using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Waterwheel.Customers.Sources;

namespace Waterwheel.Customers.Ingest;

/// <summary>
/// Segment's HTTP tracking API, so that existing Segment or RudderStack instrumentation points at Waterwheel unchanged:
/// POST /v1/identify, track, page, screen, group, alias and batch, authenticated by a source's write key. A request is
/// taken whole or not at all: every invalid call is listed in one 400 and nothing of the request is stored.
/// </summary>
internal static class TrackingEndpoints
{
    public const int MaxCallBytes = TrackingParser.MaxMessageBytes;
    public const int MaxBatchBytes = 500 * 1024;
    public const string CorsPolicy = "tracking";

    public static void Map(IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").AllowAnonymous().RequireCors(CorsPolicy).WithTags("Tracking (Segment-compatible)").DisableAntiforgery();
        foreach (var type in TrackingParser.Types)
            Answers(v1.MapPost($"/{type}", (HttpRequest request, WriteKeyCheck keys, TrackingInbox inbox, TimeProvider time, CancellationToken ct) =>
                    Accept(request, type, keys, inbox, time, ct)))
                .WithName($"Track{char.ToUpperInvariant(type[0])}{type[1..]}")
                .WithSummary($"Segment {type} call");
        Answers(v1.MapPost("/batch", (HttpRequest request, WriteKeyCheck keys, TrackingInbox inbox, TimeProvider time, CancellationToken ct) =>
                Accept(request, null, keys, inbox, time, ct)))
            .WithName("TrackBatch")
            .WithSummary("Segment batch of up to 500 KB of calls");
    }

    // The body is read by hand (to bound it while reading), so the document learns the answers from here.
    private static RouteHandlerBuilder Answers(RouteHandlerBuilder endpoint) => endpoint
        .Accepts<JsonElement>("application/json", "text/plain")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Ok<AcceptedCalls>, ProblemHttpResult>> Accept(HttpRequest request, string? type, WriteKeyCheck keys,
        TrackingInbox inbox, TimeProvider time, CancellationToken ct)
    {
        var receivedAt = time.GetUtcNow().UtcDateTime;
        var limit = type is null ? MaxBatchBytes : MaxCallBytes;
        if (await BoundedBody.Read(request.Body, limit, ct) is not { } text)
            return Problem(StatusCodes.Status413PayloadTooLarge, "too_large", $"The body may be at most {limit / 1024} KB.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "malformed_json", $"The body is not JSON: {e.Message}");
        }
        using var parsed = document;
        var body = document.RootElement;
        var key = WriteKeys.FromAuthorization(request.Headers.Authorization)
            ?? (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("writeKey", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null);
        if (await keys.Find(key, ct) is not { } source)
            return Problem(StatusCodes.Status401Unauthorized, "invalid_write_key", "Send a source's write key as the Basic user name (or as writeKey).");

        var errors = new Dictionary<string, string[]>();
        var messages = Parse(body, type, source.SourceId, receivedAt, errors);
        if (errors.Count > 0)
            return TypedResults.Problem(new HttpValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status400BadRequest, Title = "One or more calls are invalid; nothing of this request was stored.",
                Extensions = { ["code"] = "validation_failed" },
            });
        if (!await inbox.TryAccept(source.TenantId, messages, ct))
        {
            request.HttpContext.Response.Headers.RetryAfter = "1";
            return Problem(StatusCodes.Status429TooManyRequests, "ingest_busy", "Too many events are waiting; nothing was stored, retry after a second.");
        }
        return TypedResults.Ok(new AcceptedCalls(true, messages.Count));
    }

    private static List<TrackingMessage> Parse(JsonElement body, string? type, Guid sourceId, DateTime receivedAt, Dictionary<string, string[]> errors)
    {
        if (type is not null)
            return TrackingParser.Parse(body, type, sourceId, receivedAt, null, "", errors) is { } one ? [one] : [];
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("batch", out var batch) || batch.ValueKind != JsonValueKind.Array)
        {
            errors["batch"] = ["A batch is an object with a batch array."];
            return [];
        }
        var sentAt = TrackingParser.SentAt(body, errors);
        var messages = new List<TrackingMessage>();
        var index = 0;
        foreach (var call in batch.EnumerateArray())
            if (TrackingParser.Parse(call, null, sourceId, receivedAt, sentAt, $"batch[{index++}]", errors) is { } message) messages.Add(message);
        if (index == 0) errors["batch"] = ["The batch is empty."];
        return messages;
    }

    private static ProblemHttpResult Problem(int status, string code, string title) =>
        TypedResults.Problem(statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = code });
}

/// <summary>Segment answers {"success": true}; the count says how many calls were taken.</summary>
public sealed record AcceptedCalls(bool Success, int Accepted);
