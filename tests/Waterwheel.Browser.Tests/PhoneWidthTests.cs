using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Waterwheel.Testing;
using Xunit;

namespace Waterwheel.Browser.Tests;

/// <summary>
/// Guides and store managers use the console on their phones: at 390×844 every page of the navigation fits the
/// screen's width, the app bar keeps sign-out on screen, a table shown as cards names each field, and axe-core finds
/// nothing serious there either.
/// </summary>
public sealed class PhoneWidthTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const int Width = 390, Height = 844;

    // What sticks out past the right edge, skipping what scrolls inside its own box (a wide chart may scroll sideways
    // within its card without widening the page).
    private const string Overflowing = """
        () => {
          const width = document.documentElement.clientWidth;
          const inScroller = el => { for (let p = el.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return p !== document.body && p !== document.documentElement; } return false; };
          const found = [];
          if (document.documentElement.scrollWidth > width + 1) found.push('page scrolls sideways: ' + document.documentElement.scrollWidth + 'px');
          for (const el of document.querySelectorAll('.mud-main-content *, .mud-appbar *')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || r.right <= width + 1 || inScroller(el)) continue;
            found.push(el.tagName.toLowerCase() + '.' + [...el.classList].slice(0, 3).join('.') + ' "' + (el.innerText || '').trim().slice(0, 30) + '" right=' + Math.round(r.right));
            if (found.length > 6) break;
          }
          return found;
        }
        """;

    // Cells shown as cards whose text has no field name beside it.
    private const string UnlabelledCells = """
        () => [...document.querySelectorAll('.mud-table td.mud-table-cell')]
          .filter(td => td.offsetParent !== null && td.innerText.trim() !== '' && !td.getAttribute('data-label') && !td.classList.contains('ww-actions'))
          .slice(0, 5).map(td => '"' + td.innerText.trim().slice(0, 30) + '"')
        """;

    // Buttons, chips, app bar text and filter labels broken over lines (one character per line in a squeezed toolbar),
    // and filter fields squeezed too narrow to read what is typed.
    private const string Squeezed = """
        () => {
          const found = [];
          const lines = el => {
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            let most = 0;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (!node.textContent.trim()) continue;
              const range = document.createRange(); range.selectNodeContents(node);
              most = Math.max(most, new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size);
            }
            return most;
          };
          for (const el of document.querySelectorAll('.mud-appbar .mud-typography, .mud-button-label, .mud-chip-content, .mud-toolbar .mud-input-label')) {
            if (el.offsetParent === null || !el.innerText.trim()) continue;
            if (lines(el) > 1) found.push('"' + el.innerText.trim().replace(/\s+/g, '').slice(0, 20) + '" breaks over ' + lines(el) + ' lines');
          }
          for (const el of document.querySelectorAll('.mud-main-content .mud-input-control:not(.mud-input-control-boolean-input)')) {
            const w = el.getBoundingClientRect().width;
            if (el.offsetParent !== null && w > 0 && w < 120 && !el.closest('.mud-table-pagination')) found.push('a field only ' + Math.round(w) + 'px wide: "' + (el.innerText || '').trim().slice(0, 20) + '"');
          }
          return found.slice(0, 8);
        }
        """;

    [Theory]
    [InlineData("admin")]
    [InlineData("dealer")]
    [InlineData("guide")]
    public async Task Every_page_fits_a_phone_and_names_the_fields_of_its_cards(string role)
    {
        var (userName, password) = await BrowserAccounts.For(browser, role);
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions
        {
            BaseURL = browser.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = Width, Height = Height },
            IsMobile = true, HasTouch = true,
        });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync("/login");
        Assert.Empty(await page.EvaluateAsync<string[]>(Overflowing.Replace(".mud-main-content *, .mud-appbar *", "body *")));
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.Locator("h5").First.WaitForAsync();

        // On a phone the navigation starts folded away; its links are in the page all the same.
        var links = await page.Locator(".mud-nav-link").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))");
        Assert.NotEmpty(links);
        var found = new List<string>();
        foreach (var href in links.Where(h => h is not null).Distinct())
        {
            await page.GotoAsync(href);
            await page.Locator("h5").First.WaitForAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            // WW_SHOTS=<folder> keeps a full-page picture of each page, for a look at the layout by eye.
            if (Environment.GetEnvironmentVariable("WW_SHOTS") is { } shots) await page.ScreenshotAsync(new() { Path = $"{shots}/{role}{href.Replace('/', '_')}.png", FullPage = true });
            found.AddRange((await page.EvaluateAsync<string[]>(Overflowing)).Select(f => $"{href}: {f}"));
            found.AddRange((await page.EvaluateAsync<string[]>(Squeezed)).Select(f => $"{href}: {f}"));
            // What only a phone shows (the sort menu that replaces column headers, the account menu) is labelled too.
            found.AddRange(AccessibilityTests.Blocked(href, await page.RunAxe()));
            found.AddRange((await page.EvaluateAsync<string[]>(UnlabelledCells)).Select(f => $"{href}: cell without a field name {f}"));

            var signOut = await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).BoundingBoxAsync();
            if (signOut is null || signOut.X + signOut.Width > Width) found.Add($"{href}: sign-out is off screen");
            var appBar = await page.Locator(".mud-appbar").BoundingBoxAsync();
            if (appBar is null || appBar.Height > 64) found.Add($"{href}: the app bar wraps ({appBar?.Height}px high)");
        }
        Assert.True(found.Count == 0, $"at {Width}×{Height} as {role}:\n" + string.Join("\n", found));
    }
}
