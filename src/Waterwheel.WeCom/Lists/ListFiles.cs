using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Alerts;
using Waterwheel.WeCom.Contacts;
using Waterwheel.WeCom.Groups;
using Waterwheel.WeCom.Staff;
using Waterwheel.WeCom.Tags;

namespace Waterwheel.WeCom.Lists;

/// <summary>
/// The WeCom lists as files for people: the rows the list shows for the same filter, guides and stores by name,
/// statuses in words, times in the brand's zone. A dealer's customer head office may not see stays unnamed here too.
/// </summary>
internal sealed class ListFiles(ListExport export, IOrganisationDirectory directory, ActorContext actor)
{
    public async Task<IResult> Relations(IQueryable<RelationDto> rows, string? format, RelationQuery filter, CancellationToken ct)
    {
        var staff = await Staff(ct);
        var sheet = ListText.Sheet("relations", "Added", "Customer", "ExternalUserId", "CustomerType", "Guide", "GuideUserId", "Store", "Channel", "Welcome",
            "Status", "Ended");
        return await export.Send(sheet, format, filter, rows, tz => r =>
        [
            TenantTime.Text(r.AddedAt, tz), r.Hidden ? ListText.Get("Hidden") : r.CustomerName, r.ExternalUserId, ListText.Get($"CustomerType.{r.CustomerType}"),
            staff.GetValueOrDefault(r.StaffUserId)?.Name ?? "", r.StaffUserId, staff.GetValueOrDefault(r.StaffUserId)?.StoreName ?? "", r.State ?? "",
            ListText.Get(r.WelcomeSentAt is null ? "NotSent" : "Sent"), ListText.Of(r.Status), TenantTime.Text(r.EndedAt, tz),
        ], ct);
    }

    public Task<IResult> Alerts(IReadOnlyCollection<RelationAlertDto> rows, string? format, RelationAlertQuery filter, CancellationToken ct) =>
        export.Send(ListText.Sheet("relation_alerts", "When", "Kind", "Customer", "ExternalUserId", "Guide", "GuideUserId", "Store", "Channel", "TogetherDays",
            "Status", "HandledAt", "HandledBy", "Note"), format, filter, rows, tz => a =>
        [
            TenantTime.Text(a.OccurredAt, tz), ListText.Of(a.Kind), a.Hidden ? ListText.Get("Hidden") : a.CustomerName, a.ExternalUserId, a.StaffName ?? "",
            a.StaffUserId, a.StoreName ?? "", a.State ?? "",
            a.RelationStartedAt is { } start ? Math.Max(0, (int)(a.OccurredAt - start).TotalDays).ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
            ListText.Of(a.Status), TenantTime.Text(a.HandledAt, tz), a.HandledBy ?? "", a.Note ?? "",
        ], ct);

    public Task<IResult> Groups(IQueryable<GroupDto> rows, string? format, GroupQuery filter, CancellationToken ct) =>
        export.Send(ListText.Sheet("groups", "Group", "ChatId", "Owner", "GuideUserId", "Members", "Created", "Status", "Ended", "Notice"), format, filter, rows,
            tz => g =>
            [
                g.Name, g.ChatId, g.OwnerName ?? "", g.OwnerUserId, g.MemberCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                TenantTime.Text(g.CreatedAt, tz), ListText.Of(g.Status), TenantTime.Text(g.EndedAt, tz), g.Notice,
            ], ct);

    public Task<IResult> CorpTags(IQueryable<CorpTagDto> rows, string? format, CorpTagQuery filter, CancellationToken ct) =>
        export.Send(ListText.Sheet("corp_tags", "TagGroup", "Tag", "Order", "Customers", "Status"), format, filter, rows, _ => t =>
        [
            t.GroupName, t.Name, t.Order.ToString(System.Globalization.CultureInfo.InvariantCulture),
            t.Customers.ToString(System.Globalization.CultureInfo.InvariantCulture), ListText.Get(t.Deleted ? "Deleted" : "InUse"),
        ], ct);

    public Task<IResult> Members(IReadOnlyCollection<WeComMemberDto> rows, string? format, WeComMemberQuery filter, CancellationToken ct) =>
        export.Send(ListText.Sheet("wecom_members", "Name", "UserId", "Position", "Departments", "Status", "CustomerContact", "StaffRecord", "Store"), format,
            filter, rows, _ => m =>
            [
                m.Name, m.UserId, m.Position ?? "", string.Join(", ", m.DepartmentIds),
                ListText.Get(m.Removed ? "MemberStatus.Removed" : $"MemberStatus.{m.Status}"), ListText.Get(m.CanFollow ? "Yes" : "No"), m.StaffName ?? "",
                m.StoreName ?? "",
            ], ct);

    private async Task<Dictionary<string, StaffRef>> Staff(CancellationToken ct) =>
        (await directory.WeComStaff(actor.TenantId!.Value, ct)).GroupBy(s => s.WeComUserId).ToDictionary(g => g.Key, g => g.First());
}
