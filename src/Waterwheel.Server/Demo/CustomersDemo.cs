using Waterwheel.Customers;
using Waterwheel.Platform.Contracts;
using Waterwheel.Platform.Demo;

namespace Waterwheel.Server.Demo;

internal static class CustomersDemo
{
    /// <summary>The demo brand's customers from its other systems (members, e-commerce buyers), through the tracking API.</summary>
    public static void AddCustomersDemo(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue<bool>($"{DemoOptions.Section}:Enabled")) return;
        builder.Services.AddCustomersDemo((services, ct) =>
            services.GetRequiredService<IOrganisationDirectory>().FindTenant(WeComDemo.DemoTenantCode, ct));
    }
}
