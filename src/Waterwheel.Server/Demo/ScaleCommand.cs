using System.Diagnostics;
using Waterwheel.Customers.Demo;
using Waterwheel.Platform.Contracts;
using Waterwheel.Platform.Demo;

namespace Waterwheel.Server.Demo;

/// <summary>
/// <c>--generate-customers N</c>: fills the demo brand with N members (up to 5,000,000) for trying the console at scale,
/// then exits instead of serving. Only in demo mode: a real brand's data is never padded with made-up people.
/// </summary>
internal static class ScaleCommand
{
    public const string Option = "generate-customers";
    private const int Most = 5_000_000;

    /// <returns>Whether the command ran, in which case the host exits with the returned code.</returns>
    public static async Task<int?> RunScaleCommandAsync(this WebApplication app)
    {
        if (app.Configuration[Option] is not { } text) return null;
        if (!int.TryParse(text, out var members) || members is < 1 or > Most)
        {
            System.Console.Error.WriteLine($"--{Option} takes a number of customers from 1 to {Most:N0}.");
            return 2;
        }
        if (!app.Configuration.GetValue<bool>($"{DemoOptions.Section}:Enabled"))
        {
            System.Console.Error.WriteLine($"--{Option} fills the demo brand only; it is refused outside demo mode.");
            return 2;
        }
        using var scope = app.Services.CreateScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().FindTenant(WeComDemo.DemoTenantCode, default);
        if (tenant is null)
        {
            System.Console.Error.WriteLine("The demo brand is not there yet: start the server once in demo mode first.");
            return 1;
        }
        var clock = Stopwatch.StartNew();
        var progress = new Progress<int>(done => { if (done % 50_000 == 0 || done == members) System.Console.WriteLine($"{done:N0} / {members:N0} customers"); });
        var total = await app.Services.GetRequiredService<ScaleCustomers>().Generate(tenant.Value, members, progress, default);
        System.Console.WriteLine($"The demo brand has {total:N0} generated customers ({clock.Elapsed.TotalSeconds:N0} s).");
        return 0;
    }
}
