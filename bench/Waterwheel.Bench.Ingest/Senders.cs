using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Waterwheel.Bench.Ingest;

/// <summary>What the senders saw: batches answered 200, the latency of each answered request, refusals and failures.</summary>
internal sealed record Sent(int Events, int Batches, IReadOnlyList<double> LatencyMs, int TooBusy, int Failed, TimeSpan Took);

/// <summary>
/// A few concurrent senders, each posting the next unsent batch to /v1/batch as soon as its previous one is answered, as
/// Segment's libraries flush their queues. A 429 is waited out (its Retry-After) and the same batch sent again, so
/// every event is eventually accepted once; any other failure is retried after a second and counted.
/// </summary>
internal static class Senders
{
    public static HttpClient Client(string address, string writeKey)
    {
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        return http;
    }

    public static async Task<Sent> Run(HttpClient http, IReadOnlyList<Batch> batches, int senders)
    {
        var latencies = new ConcurrentBag<double>();
        int next = -1, events = 0, tooBusy = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < batches.Count; i = Interlocked.Increment(ref next))
            {
                while (true)
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        using var content = new ByteArrayContent(batches[i].Body);
                        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                        using var response = await http.PostAsync("/v1/batch", content);
                        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            latencies.Add(ms);
                            Interlocked.Add(ref events, batches[i].Count);
                            break;
                        }
                        if (response.StatusCode == HttpStatusCode.TooManyRequests)
                        {
                            Interlocked.Increment(ref tooBusy);
                            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                            continue;
                        }
                        if (Interlocked.Increment(ref failed) <= 5)
                            System.Console.Error.WriteLine($"batch {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                    catch (HttpRequestException e)
                    {
                        if (Interlocked.Increment(ref failed) <= 5) System.Console.Error.WriteLine($"batch {i}: {e.Message}");
                    }
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
            }
        })));
        return new Sent(events, batches.Count, [.. latencies], tooBusy, failed, clock.Elapsed);
    }
}
