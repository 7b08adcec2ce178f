using Scalar.AspNetCore;
using Waterwheel.Acquisition;
using Waterwheel.Audiences;
using Waterwheel.Console;
using Waterwheel.Customers;
using Waterwheel.Platform;
using Waterwheel.Platform.Demo;
using Waterwheel.Server.Demo;
using Waterwheel.Server.Hosting;
using Waterwheel.WeCom;

var builder = WebApplication.CreateBuilder(args);
// `dotnet run` serves the console's assets (MudBlazor, blazor.web.js) from the build output in every environment,
// not only in Development; a published app has them in wwwroot and this is a no-op there.
builder.WebHost.UseStaticWebAssets();
// No "Server: Kestrel" banner: it tells a prober what to try.
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
builder.AddObservability();
builder.Services.AddApiConventions();
builder.Services.AddProxyHeaders(builder.Configuration);
builder.Services.AddPlatform(builder.Configuration);
builder.AddWeComDemo();
builder.Services.AddWeCom(builder.Configuration);
builder.Services.AddCustomers(builder.Configuration);
builder.AddCustomersDemo();
builder.Services.AddAudiences(builder.Configuration);
builder.Services.AddAcquisition(builder.Configuration);
builder.Services.AddWaterwheelConsole();

var app = builder.Build();
await PlatformStartup.PrepareAsync(app.Services, app.Configuration);
await app.StartWeComDemoAsync();
if (await app.RunScaleCommandAsync() is { } exitCode) return exitCode;

// First: everything after it (the sign-in limit, the cookie's Secure flag, the origin check) sees the client's address and scheme.
app.UseForwardedHeaders();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseForeignOriginRefusal();
app.UseEmptyQueryValuesAsAbsent();
// Only the tracking API (/v1) has a CORS policy: brands' own sites post events to it with a write key.
app.UseCors();
app.UseRateLimiter();
app.UseWaterwheelConsoleLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealthEndpoints();
app.MapPlatformEndpoints();
app.MapWeComEndpoints();
app.MapCustomersEndpoints();
app.MapAudiencesEndpoints();
app.MapAcquisitionEndpoints();
app.MapWaterwheelConsole();

app.Run();
return 0;

/// <summary>The host: composes the modules. Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
