using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Waterwheel.WeCom.Simulator.Callbacks;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Crowd;

/// <summary>
/// Pushes an event the way WeCom does: encrypted and signed with the corp's callback settings, POSTed to its URL,
/// retried when the receiver does not answer 200 within 5 s, 3 tries in total. The tries reuse one timestamp, nonce
/// and ciphertext, so a receiver that deduplicates sees the very same callback again.
/// </summary>
public sealed class CallbackPusher(IHttpClientFactory clients, TimeProvider time, IOptions<CrowdOptions> options)
{
    public async Task<DeliveryReport> Push(string corpId, SimCallbackConfig config, string eventXml, CancellationToken ct = default)
    {
        var crypto = new SimCallbackCrypto(config.Token, config.EncodingAesKey, corpId);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sealedCallback = crypto.Seal(eventXml, timestamp, nonce, config.AgentId);
        var url = config.Url + (config.Url.Query.Length > 0 ? "&" + sealedCallback.QueryString[1..] : sealedCallback.QueryString);

        var http = clients.CreateClient(WeComSimulatorModule.CallbackClient);
        var attempts = new List<DeliveryAttempt>();
        for (var attempt = 1; attempt <= options.Value.CallbackTries; attempt++)
        {
            if (attempt > 1 && options.Value.RetryDelay > TimeSpan.Zero) await Task.Delay(options.Value.RetryDelay, time, ct);
            using var timeout = new CancellationTokenSource(options.Value.CallbackTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            try
            {
                using var content = new StringContent(sealedCallback.Body, Encoding.UTF8, "text/xml");
                using var response = await http.PostAsync(url, content, linked.Token);
                attempts.Add(new DeliveryAttempt((int)response.StatusCode, null));
                if (response.IsSuccessStatusCode) return new DeliveryReport(true, attempts, sealedCallback.QueryString, sealedCallback.Body);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                attempts.Add(new DeliveryAttempt(null, "timeout"));
            }
            catch (HttpRequestException e)
            {
                attempts.Add(new DeliveryAttempt(null, e.Message));
            }
        }
        return new DeliveryReport(false, attempts, sealedCallback.QueryString, sealedCallback.Body);
    }

    /// <summary>
    /// The check WeCom makes when an admin saves a callback URL: a GET with an encrypted echostr, which the receiver
    /// must decrypt and answer bare. True when the answer is exactly the echo's plaintext.
    /// </summary>
    public async Task<bool> VerifyUrl(string corpId, SimCallbackConfig config, CancellationToken ct = default)
    {
        var crypto = new SimCallbackCrypto(config.Token, config.EncodingAesKey, corpId);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var echo = RandomNumberGenerator.GetHexString(19, lowercase: true);
        var echostr = crypto.Encrypt(echo);
        var query = $"msg_signature={crypto.Signature(timestamp, nonce, echostr)}&timestamp={timestamp}&nonce={nonce}&echostr={Uri.EscapeDataString(echostr)}";
        var url = config.Url + (config.Url.Query.Length > 0 ? "&" : "?") + query;

        using var response = await clients.CreateClient(WeComSimulatorModule.CallbackClient).GetAsync(url, ct);
        return response.IsSuccessStatusCode && await response.Content.ReadAsStringAsync(ct) == echo;
    }
}
