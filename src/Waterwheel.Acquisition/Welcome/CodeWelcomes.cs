using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Acquisition.Codes;
using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Welcome;

/// <summary>
/// The welcome of the live code an add came through, merge fields filled: {客户昵称} the customer's WeChat name,
/// {导购姓名} the staff member's name, {门店名称} their store's. Asked by the WeCom module inside the 20 seconds of the
/// welcome code, so it reads one code and one directory list and nothing else. Runs in its own scope as the tenant.
/// </summary>
internal sealed class CodeWelcomes(IServiceScopeFactory scopes) : IAddWelcomes
{
    public const string CustomerField = "{客户昵称}";
    public const string StaffField = "{导购姓名}";
    public const string StoreField = "{门店名称}";

    public async Task<WelcomeContent?> WelcomeFor(AddWelcomeRequest request, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().UseSystem(request.TenantId, "acquisition-welcome");
        var db = scope.ServiceProvider.GetRequiredService<AcquisitionDbContext>();
        var code = await Routing.CodeByState.Find(db, request.State, ct);
        if (code is null || code.Status == LiveCodeStatus.Deleted || code.Welcome.IsEmpty) return null;
        var directory = scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>();
        var staff = (await directory.WeComStaff(request.TenantId, ct)).FirstOrDefault(s => s.WeComUserId == request.StaffUserId);
        var text = Fill(code.Welcome.Text, request.CustomerName, staff?.Name, staff?.StoreName);
        return new WelcomeContent(string.IsNullOrWhiteSpace(text) ? null : text, code.Welcome.Attachments.Select(ToAttachment).ToList());
    }

    /// <summary>A field with nothing to fill (a customer without a name, staff without a store) becomes empty, never stays in braces.</summary>
    internal static string Fill(string template, string? customer, string? staff, string? store) => template
        .Replace(CustomerField, customer ?? "", StringComparison.Ordinal)
        .Replace(StaffField, staff ?? "", StringComparison.Ordinal)
        .Replace(StoreField, store ?? "", StringComparison.Ordinal);

    private static WelcomeAttachment ToAttachment(WelcomeItem item) => item.Kind switch
    {
        WelcomeItemKind.Image => new WelcomeImage(item.MediaId, item.PicUrl),
        WelcomeItemKind.Link => new WelcomeLink(item.Title!, item.Url!, item.PicUrl, item.Description),
        _ => new WelcomeMiniprogram(item.Title!, item.MediaId!, item.AppId!, item.Page!),
    };
}
