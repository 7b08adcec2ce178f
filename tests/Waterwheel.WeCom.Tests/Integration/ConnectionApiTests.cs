using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Waterwheel.WeCom.Callbacks.Crypto;

namespace Waterwheel.WeCom.Tests.Integration;

/// <summary>The connection settings API: what it shows of the credentials, and saving without sending them again.</summary>
public sealed class ConnectionApiTests : IAsyncLifetime
{
    private AppWithSimulator _host = null!;

    public async Task InitializeAsync() => _host = await AppWithSimulator.Start("sqlite");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(string Raw, JsonElement Json)> GetConnection()
    {
        var response = await _host.Admin.GetAsync("/api/wecom/connection");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        return (raw, JsonDocument.Parse(raw).RootElement);
    }

    [Fact]
    public async Task The_callback_token_and_the_secrets_are_never_returned_in_clear()
    {
        var (raw, json) = await GetConnection();

        Assert.DoesNotContain(AppWithSimulator.Token, raw);
        Assert.DoesNotContain(AppWithSimulator.Secret, raw);
        Assert.DoesNotContain(AppWithSimulator.AesKey, raw);
        Assert.Equal("********en", json.GetProperty("callbackTokenMasked").GetString());
        Assert.True(json.GetProperty("hasSecret").GetBoolean());
        Assert.True(json.GetProperty("hasAesKey").GetBoolean());
    }

    [Fact]
    public async Task Saving_without_the_token_keeps_the_stored_one_and_callbacks_still_verify()
    {
        var (_, before) = await GetConnection();
        var saved = await _host.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/wecom/connection")
        {
            Content = JsonContent.Create(new { corpId = AppWithSimulator.CorpId, welcomeText = "新的欢迎语" }),
            Headers = { { "If-Match", $"\"{before.GetProperty("version").GetInt32()}\"" } },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.DoesNotContain(AppWithSimulator.Token, await saved.Content.ReadAsStringAsync());

        var (_, after) = await GetConnection();
        Assert.Equal("********en", after.GetProperty("callbackTokenMasked").GetString());
        Assert.Equal("新的欢迎语", after.GetProperty("welcomeText").GetString());

        // The receiver still checks signatures with the token saved first.
        var crypto = CallbackCrypto.Create(AppWithSimulator.Token, AppWithSimulator.AesKey, AppWithSimulator.CorpId).Value!;
        var now = _host.Time.GetUtcNow().ToUnixTimeSeconds().ToString();
        var echo = crypto.Encrypt("echo-after-save");
        var check = await _host.App.Anonymous().GetAsync(
            $"{_host.CallbackPath}?msg_signature={crypto.Sign(now, "n1", echo)}&timestamp={now}&nonce=n1&echostr={Uri.EscapeDataString(echo)}");
        Assert.Equal("echo-after-save", await check.Content.ReadAsStringAsync());
    }
}
