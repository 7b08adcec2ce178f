using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Waterwheel.Customers.Data;
using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Profiles;
using Waterwheel.Platform.Tenancy;
using Waterwheel.Testing;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>
/// The Audiences pages in real Chromium and in Chinese: head office builds a segment from a tag and watches the count
/// follow each change, saves it, freezes it into a pack and exports the pack.
/// </summary>
public sealed partial class AudiencePagesTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase) { "Waterwheel", "CSV", "Excel", "alpha", "admin" };

    [Fact]
    public async Task Head_office_builds_a_segment_from_a_tag_saves_it_freezes_a_pack_and_exports_it()
    {
        var tagged = await ArrangeCustomer("沈一");
        await ArrangeCustomer("沈二");
        await ArrangeCustomer("沈三");
        var tagName = $"高价值{Random.Shared.Next(1000, 9999)}";
        await ArrangeTag(tagName, tagged);

        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN", AcceptDownloads = true });
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);

        await page.GotoAsync("/audiences/segments");
        await page.FillAsync("#username", WaterwheelApp.AdminUser);
        await page.FillAsync("#password", WaterwheelApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/audiences/segments$"));
        await Assertions.Expect(page.Locator("h5", new() { HasTextString = "人群" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=count-hint]")).ToBeVisibleAsync();

        // A tag condition: the count follows the tag, then its negation, without any button pressed.
        await page.ClickAsync("[data-testid=add-condition]");
        await Assertions.Expect(page.Locator("[data-testid=count-error]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=condition-tag]");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = tagName }).ClickAsync();
        var count = page.Locator("[data-testid=segment-count]");
        await Assertions.Expect(count).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-testid=segment-text]")).ToContainTextAsync(tagName);

        await page.ClickAsync("[data-testid=condition-operator]");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "没有" }).ClickAsync();
        await Assertions.Expect(count).Not.ToHaveTextAsync("1");
        await Assertions.Expect(count).ToHaveTextAsync(new Regex(@"^[\d,]+$"));
        await Assertions.Expect(page.Locator("[data-testid=segment-text]")).ToContainTextAsync("not ");

        await page.ClickAsync("[data-testid=condition-operator]");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "有" }).Filter(new() { HasNotTextString = "没有" }).ClickAsync();
        await Assertions.Expect(count).ToHaveTextAsync("1");

        // The text form shows the condition as the module reads it; a mistake is shown where it is, a fix counts again.
        await page.ClickAsync("[data-testid=text-mode]");
        var text = page.Locator("[data-testid=segment-text-input] textarea, textarea[data-testid=segment-text-input]").First;
        await Assertions.Expect(text).ToHaveValueAsync($"tag \"{tagName}\"");
        await text.FillAsync($"tag \"{tagName}\" and");
        var textHelp = page.Locator(".mud-input-control", new() { Has = text }).Locator(".mud-input-helper-text");
        await Assertions.Expect(textHelp).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("[data-testid=count-error]")).ToBeVisibleAsync();
        await text.FillAsync($"not tag \"{tagName}\"");
        await Assertions.Expect(count).Not.ToHaveTextAsync("1");
        await text.FillAsync($"tag \"{tagName}\"");
        await Assertions.Expect(count).ToHaveTextAsync("1");
        await page.ClickAsync("[data-testid=text-mode]");
        await Assertions.Expect(page.Locator("[data-testid=segment-condition]")).ToHaveCountAsync(1);

        // Saved: the builder now edits the saved segment, and the list shows it with its count.
        await page.ClickAsync("[data-testid=segment-save]");
        await page.FillAsync("[data-testid=name-dialog-name]", "高价值客户");
        await page.ClickAsync("[data-testid=name-dialog-save]");
        await Assertions.Expect(page.Locator("[data-testid=segment-title]")).ToHaveTextAsync("高价值客户");
        await Assertions.Expect(page.Locator("[data-testid=segments-table] tbody tr", new() { HasTextString = "高价值客户" })).ToHaveCountAsync(1);
        Assert.Empty(await EnglishOn(page));

        // Frozen into a pack: the packs page lists it with its count and time, and its export holds the tagged customer.
        await page.ClickAsync("[data-testid=segment-freeze]");
        await page.FillAsync("[data-testid=name-dialog-name]", "双十一人群包");
        await page.ClickAsync("[data-testid=name-dialog-save]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/audiences/packs$"));
        var row = page.Locator("[data-testid=packs-table] tbody tr", new() { HasTextString = "双十一人群包" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("[data-testid=pack-count]")).ToHaveTextAsync("1");
        await Assertions.Expect(row.Locator("[data-testid=pack-frozen-at]")).ToHaveTextAsync(new Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"));

        var download = await page.RunAndWaitForDownloadAsync(() => row.Locator("[data-testid=pack-export-csv]").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8)).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("客户ID,姓名", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Contains(tagged.ToString(), lines[1]);
        // Masked by default: the name is not there in clear.
        Assert.DoesNotContain("沈一", lines[1]);
        Assert.Empty(await EnglishOn(page));

        await page.GotoAsync("/audiences/tags");
        await Assertions.Expect(page.Locator("[data-testid=tags-table] tbody tr", new() { HasTextString = tagName })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=tags-table] tbody tr", new() { HasTextString = tagName }).Locator("[data-testid=tag-customers]")).ToHaveTextAsync("1");
        Assert.Empty(await EnglishOn(page));
        Assert.Empty(pageErrors);
    }

    [Fact]
    public async Task Head_office_makes_a_tag_group_and_a_tag_and_sees_why_a_save_fails()
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN" });
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        await page.GotoAsync("/audiences/tags");
        await page.FillAsync("#username", WaterwheelApp.AdminUser);
        await page.FillAsync("#password", WaterwheelApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/audiences/tags$"));
        var groupName = $"生命周期{Random.Shared.Next(1000, 9999)}";

        // Without a name the dialog says so under the field and stays open.
        await page.ClickAsync("[data-testid=tag-group-new]");
        await page.ClickAsync("[data-testid=tag-group-save]");
        var nameHelp = page.Locator(".mud-input-control", new() { Has = page.Locator("[data-testid=tag-group-name]") }).Locator(".mud-input-helper-text");
        await Assertions.Expect(nameHelp).Not.ToBeEmptyAsync();
        await page.FillAsync("[data-testid=tag-group-name]", groupName);
        await page.ClickAsync("[data-testid=tag-group-save]");
        var card = page.Locator("[data-testid=tag-group]", new() { HasTextString = groupName });
        await Assertions.Expect(card).ToHaveCountAsync(1);

        // A second group of the same name is refused with the module's reason.
        await page.ClickAsync("[data-testid=tag-group-new]");
        await page.FillAsync("[data-testid=tag-group-name]", groupName);
        await page.ClickAsync("[data-testid=tag-group-save]");
        await Assertions.Expect(page.Locator(".mud-dialog .mud-alert")).ToBeVisibleAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();

        await card.Locator("[data-testid=tag-new]").ClickAsync();
        await page.FillAsync("[data-testid=tag-name]", $"{groupName}新客");
        await page.ClickAsync("[data-testid=tag-save]");
        var tagRow = card.Locator("[data-testid=tags-table] tbody tr", new() { HasTextString = $"{groupName}新客" });
        await Assertions.Expect(tagRow).ToHaveCountAsync(1);
        await Assertions.Expect(tagRow).ToContainTextAsync("手动");
        await Assertions.Expect(tagRow.Locator("[data-testid=tag-customers]")).ToHaveTextAsync("0");
        Assert.Empty(await EnglishOn(page));
    }

    [Fact]
    public async Task An_operator_tags_customers_from_an_uploaded_list_and_sees_which_lines_named_no_one()
    {
        var member = $"member-{Random.Shared.Next(100_000, 999_999)}";
        await ArrangeCustomerKnownBy(IdentityType.UserId, member, "沈名单");
        using var admin = await browser.App.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        var tagName = $"名单{Random.Shared.Next(1000, 9999)}";
        var group = await Created(admin, "/api/audiences/tag-groups", new { name = $"活动{tagName}", multiValued = true });
        await Created(admin, "/api/audiences/tags", new { groupId = group, name = tagName });

        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN" });
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        await page.GotoAsync("/audiences/tags");
        await page.FillAsync("#username", WaterwheelApp.AdminUser);
        await page.FillAsync("#password", WaterwheelApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        var row = page.Locator("[data-testid=tags-table] tbody tr", new() { HasTextString = tagName });
        await row.Locator("[data-testid=tag-upload]").ClickAsync();

        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("[data-testid=upload-kind]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "用户 ID" }).ClickAsync();
        var csv = Encoding.UTF8.GetBytes($"会员\n{member}\nnobody-here\n");
        await dialog.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "名单.csv", MimeType = "text/csv", Buffer = csv });

        await Assertions.Expect(dialog.Locator("[data-testid=upload-result]")).ToContainTextAsync("共 2 个值，1 个对应到客户，新打上标签 1 位");
        await Assertions.Expect(dialog.Locator("[data-testid=upload-result]")).ToContainTextAsync("1 个未找到");
        // The line that named no one is pointed out by its number (the header is line 1), the value itself not repeated.
        await Assertions.Expect(dialog.Locator("[data-testid=upload-problems] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(dialog.Locator("[data-testid=upload-problems] tbody tr td").First).ToHaveTextAsync("3");
        Assert.DoesNotContain("nobody-here", await dialog.InnerTextAsync());
        Assert.Empty(await EnglishOn(page));
        await dialog.Locator("[data-testid=upload-close]").ClickAsync();
    }

    [Fact]
    public async Task A_guide_finds_the_audience_pages_and_may_build_segments_but_not_manage_tags()
    {
        var userName = await BrowserAccounts.Guide(browser);

        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN" });
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        await page.GotoAsync("/audiences/tags");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", BrowserAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/audiences/tags$"));
        foreach (var link in new[] { "标签", "人群", "人群包" })
            await Assertions.Expect(page.Locator(".mud-nav-link", new() { HasTextString = link }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h5", new() { HasTextString = "标签" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=tag-group-new]")).ToHaveCountAsync(0);

        await page.GotoAsync("/audiences/segments");
        await Assertions.Expect(page.Locator("[data-testid=segment-save]")).ToBeVisibleAsync();
    }

    /// <summary>English words on the page, leaving out the condition's text form: its keywords (and, not, tag) are its syntax.</summary>
    private static async Task<List<string>> EnglishOn(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var text = await page.Locator(".mud-main-content").EvaluateAsync<string>(
            "main => { const copy = main.cloneNode(true); copy.querySelectorAll('.ww-mono').forEach(e => e.remove()); document.body.appendChild(copy); const t = copy.innerText; copy.remove(); return t; }");
        return Words().Matches(text).Select(m => m.Value).Where(w => !Allowed.Contains(w)).Distinct().ToList();
    }

    [GeneratedRegex(@"\b[A-Za-z][A-Za-z'’]{2,}\b")]
    private static partial Regex Words();

    private Task<Guid> ArrangeCustomer(string name) => browser.App.InScope(async sp =>
    {
        var tenant = (await sp.GetRequiredService<Platform.Contracts.IOrganisationDirectory>().FindTenant("alpha", CancellationToken.None))!.Value;
        sp.GetRequiredService<ActorContext>().UseSystem(tenant);
        var db = sp.GetRequiredService<CustomersDbContext>();
        var at = new DateTime(2026, 11, 20, 2, 30, 0, DateTimeKind.Utc);
        var profile = new CustomerProfile { TenantId = tenant, Name = name, CreatedAt = at, UpdatedAt = at, FirstSeenAt = at, LastSeenAt = at };
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    });

    /// <summary>A customer whose profile holds one identifier, as an import or the tracking API would have left it.</summary>
    private Task ArrangeCustomerKnownBy(IdentityType type, string value, string name) => browser.App.InScope(async sp =>
    {
        var profileId = await ArrangeCustomer(name);
        var tenant = (await sp.GetRequiredService<Platform.Contracts.IOrganisationDirectory>().FindTenant("alpha", CancellationToken.None))!.Value;
        sp.GetRequiredService<ActorContext>().UseSystem(tenant);
        var db = sp.GetRequiredService<CustomersDbContext>();
        var keys = sp.GetRequiredService<IdentityKeys>();
        db.Identities.Add(new CustomerIdentity
        {
            TenantId = tenant, ProfileId = profileId, Type = type, Key = keys.Key(type, IdentityValues.Normalise(type, value)!), Source = "test",
            LinkedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        return 0;
    });

    /// <summary>A tag group and tag made through the API, and the tag given to one customer once Audiences knows them.</summary>
    private async Task ArrangeTag(string name, Guid customer)
    {
        var admin = await browser.App.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        var group = await Created(admin, "/api/audiences/tag-groups", new { name = $"价值{name}", multiValued = true });
        var tag = await Created(admin, "/api/audiences/tags", new { groupId = group, name });
        // The profile reaches Audiences through the outbox; until then the customer is unknown to it (404).
        for (var attempt = 0; ; attempt++)
        {
            using var response = await admin.PostAsJsonAsync($"/api/audiences/profiles/{customer}/tags", new { tagId = tag });
            if (response.IsSuccessStatusCode) break;
            Assert.True(response.StatusCode == HttpStatusCode.NotFound && attempt < 200, $"tagging: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(50);
        }
        // And once this node's index holds the tag, so the page counts what the test expects from its first click.
        for (var attempt = 0; ; attempt++)
        {
            using var response = await admin.PostAsJsonAsync("/api/audiences/count", new { expression = new { op = "tag", tag } });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (response.IsSuccessStatusCode && body.GetProperty("count").GetInt64() == 1) break;
            Assert.True(attempt < 200, $"counting the tag: {(int)response.StatusCode} {body}");
            await Task.Delay(50);
        }
    }

    private static async Task<Guid> Created(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
