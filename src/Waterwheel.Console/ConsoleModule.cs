using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Waterwheel.Platform.Access;

namespace Waterwheel.Console;

/// <summary>The operator console: Blazor with MudBlazor, zh-CN first with an English switch.</summary>
public static class ConsoleModule
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddWaterwheelConsole(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, ConsoleAuthenticationState>();
        services.AddMudServices();
        services.AddTransient<MudLocalizer, ConsoleMudLocalizer>();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddScoped<ConsoleSession>();
        services.AddScoped<ConsoleClock>();
        return services;
    }

    public static IApplicationBuilder UseWaterwheelConsoleLocalization(this IApplicationBuilder app) =>
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("zh-CN"),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
            // Only the explicit choice (cookie) or ?culture= switch language; the console is Chinese first.
            RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()],
        });

    public static void MapWaterwheelConsole(this WebApplication app)
    {
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            // A return URL with a tab or line break is no path of ours (and would break the Location header).
            if (returnUrl is not null && returnUrl.Any(char.IsControl))
                return (IResult)TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "returnUrl must be a plain local path.",
                    extensions: new Dictionary<string, object?> { ["code"] = "invalid_return_url" });
            var chosen = Cultures.FirstOrDefault(c => c.Name.Equals(culture, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax });
            return TypedResults.LocalRedirect(LocalUrl(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();

        // Browsers and bookmark tools ask for /favicon.ico whatever the page links; send them to the console's icon instead of a 404.
        app.MapGet("/favicon.ico", () => TypedResults.Redirect("/_content/Waterwheel.Console/favicon.svg", permanent: true))
            .AllowAnonymous().ExcludeFromDescription();

        app.MapPost("/logout", async (SignOut handler, HttpContext http) =>
        {
            await handler.Handle(http.RequestAborted);
            return TypedResults.LocalRedirect("/login");
        }).ExcludeFromDescription();
    }

    /// <summary>Only local paths: a crafted return URL must not send a signed-in operator elsewhere.</summary>
    public static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";
}
