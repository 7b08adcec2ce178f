using Waterwheel.Audiences;
using Waterwheel.Customers;
using Waterwheel.Platform.Contracts;
using Waterwheel.Platform.Demo;
using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.Server.Demo;

internal static class CustomersDemo
{
    /// <summary>The simulated corp's customers in the order they first added a guide (none when the simulator is off).</summary>
    private static IReadOnlyList<string> WeComContacts(IServiceProvider services)
    {
        if (services.GetService<SimulatorState>() is not { } state || !state.Corps.TryGetValue(WeComDemo.CorpId, out var corp)) return [];
        lock (state.Sync) return corp.Follows.Select(f => f.ExternalUserid).Distinct().ToList();
    }

    /// <summary>
    /// The demo brand's customers from its other systems (members, e-commerce buyers), through the tracking API, and the
    /// tags and segments its operators would have made.
    /// </summary>
    public static void AddCustomersDemo(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue<bool>($"{DemoOptions.Section}:Enabled")) return;
        builder.Services.AddCustomersDemo(
            (services, ct) => services.GetRequiredService<IOrganisationDirectory>().FindTenant(WeComDemo.DemoTenantCode, ct),
            (services, _) => Task.FromResult(WeComContacts(services)));
        builder.Services.AddAudiencesDemo((services, ct) => services.GetRequiredService<IOrganisationDirectory>().FindTenant(WeComDemo.DemoTenantCode, ct));
    }
}
