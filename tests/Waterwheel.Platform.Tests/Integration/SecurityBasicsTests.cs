using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Waterwheel.Platform.Tests.Infrastructure;

namespace Waterwheel.Platform.Tests.Integration;

public sealed class SecurityBasicsTests(AppFixture<Sqlite> fixture) : IClassFixture<AppFixture<Sqlite>>
{
    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_console_pages_a_policy()
    {
        using var api = await fixture.AdminA.GetAsync("/api/platform/me");
        using var page = await fixture.App.Anonymous().GetAsync("/login");

        foreach (var response in new[] { api, page })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.False(fixture.App.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    [Theory]
    [InlineData("Evil\u202Egpj.exe")]
    [InlineData("Null\u0000byte")]
    [InlineData("Line\nbreak")]
    [InlineData("Zero\u200Bwidth")]
    public async Task Names_with_control_or_bidi_characters_are_refused_with_a_field_error(string name)
    {
        var hq = await Arrange.HeadOffice(fixture.AdminA);
        var region = await Arrange.OrgUnit(fixture.AdminA, hq, "Region", "Plain region");
        foreach (var (url, body) in new (string, object)[]
        {
            ("/api/platform/stores", Arrange.StoreBody(region, name)),
            ("/api/platform/org-units", new { parentId = hq, kind = "Region", name, code = Arrange.NewCode("CC") }),
            ("/api/platform/staff", new { name, mobile = Arrange.NewMobile(), role = "HqOperator", orgUnitId = hq }),
        })
        {
            using var response = await fixture.AdminA.PostAsJsonAsync(url, body);
            var problem = await response.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _), $"{url}: {problem}");
        }
    }

    [Theory]
    [InlineData("%09/stores")]
    [InlineData("/stores%0d%0aSet-Cookie:%20x=1")]
    public async Task A_culture_switch_with_a_control_character_in_the_return_url_gets_400(string returnUrl)
    {
        using var response = await fixture.App.Anonymous().GetAsync($"/culture/en?returnUrl={returnUrl}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
