using Waterwheel.Testing;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.WeCom.Simulator;
using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Simulator;

public sealed class SimulatorHostingTests
{
    [Fact]
    public async Task Standalone_host_serves_the_demo_corp_over_real_http()
    {
        // Its request log is for someone running it by hand; the test reads answers, not the log.
        await using var app = WeComSimulatorModule.BuildStandalone(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        var token = await http.GetFromJsonAsync<JsonElement>($"/cgi-bin/gettoken?corpid={DemoSeed.CorpId}&corpsecret={DemoSeed.Secret}");
        Assert.Equal(0, token.GetProperty("errcode").GetInt32());
        var users = await http.GetFromJsonAsync<JsonElement>($"/cgi-bin/externalcontact/get_follow_user_list?access_token={token.GetProperty("access_token").GetString()}");
        Assert.Equal(3, users.GetProperty("follow_user").GetArrayLength());
        await app.StopAsync();
    }

    [Fact]
    public async Task Errors_are_http_200_with_an_errcode()
    {
        await using var f = await WeComFixture.Start();
        using var http = f.Simulator.Server.CreateClient();
        var response = await http.GetAsync("/cgi-bin/externalcontact/get_follow_user_list");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(41001, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errcode").GetInt32());
    }

    [Fact]
    public async Task Injected_latency_runs_on_the_simulated_clock()
    {
        await using var f = await WeComFixture.Start();
        Assert.True((await f.Client.GetFollowUserList(f.App)).IsSuccess);
        f.State.Faults.SetLatency("externalcontact/get_follow_user_list", TimeSpan.FromSeconds(3));
        var call = f.Client.GetFollowUserList(f.App);
        // Step the fake clock until the answer comes; the server may start its delay after our first steps,
        // so only a lower bound on simulated time is asserted.
        var advanced = TimeSpan.Zero;
        while (!call.IsCompleted)
        {
            f.Time.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
            await Task.Delay(1);
        }
        Assert.True((await call).IsSuccess);
        Assert.True(advanced >= TimeSpan.FromSeconds(3), $"answered after {advanced} of simulated time");
    }
}
