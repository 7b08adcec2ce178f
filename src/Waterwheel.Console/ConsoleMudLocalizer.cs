using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Waterwheel.Console;

/// <summary>
/// MudBlazor's own words (pager buttons, "Loading", close and clear buttons, date range ends) from the console's
/// resources, keyed by MudBlazor's key (<c>MudTablePager_NextPage</c>). A key the resources lack is reported as not
/// found, so MudBlazor falls back to its English text rather than showing the key.
/// </summary>
internal sealed class ConsoleMudLocalizer(IStringLocalizer<UiText> text) : MudLocalizer
{
    public override LocalizedString this[string key] => text[key];
}
