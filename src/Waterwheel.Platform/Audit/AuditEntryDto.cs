namespace Waterwheel.Platform.Audit;

[CsvHelper.CsvRecord]
public sealed partial record AuditEntryDto(
    Guid Id, DateTime At, string Action, string ActorKind, string ActorName, string? TargetType, string? TargetId,
    string Summary, string? Ip, string? UserAgent);

public sealed record AuditQuery : Api.PageQuery
{
    public string? Action { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
}
