using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.WeCom.Alerts;

public sealed record HandleRelationAlertRequest(string? Note);

internal sealed class HandleRelationAlertValidator : AbstractValidator<HandleRelationAlertRequest>
{
    // An alert closed without a word of what was done tells the next person nothing.
    public HandleRelationAlertValidator() => RuleFor(r => r.Note).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => ValidationText.Get("NoteRequired")).MaximumLength(500);
}

/// <summary>
/// Marks an alert followed up, with what was done (called the customer, chose another takeover member). Marking it
/// again changes nothing, so a double click or a retried request has one effect.
/// </summary>
internal sealed class HandleRelationAlert(
    WeComDbContext db, IValidator<HandleRelationAlertRequest> validator, ActorContext actor, IAuditLog audit, IOrganisationDirectory directory, TimeProvider time,
    Contacts.PeopleInView people)
{
    public async Task<Result<RelationAlertDto>> Handle(Guid id, HandleRelationAlertRequest request, CancellationToken ct)
    {
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        var alert = await db.RelationAlerts.FirstOrDefaultAsync(a => a.Id == id, ct);
        // An alert outside the viewer's scope is as absent as one that does not exist.
        var view = await people.Current(ct);
        if (alert is null || !view.HoldsStaff(alert.StaffUserId)) return Error.NotFound("Alert");
        if (alert.Status == RelationAlertStatus.Open)
        {
            alert.Status = RelationAlertStatus.Handled;
            alert.HandledAt = time.GetUtcNow().UtcDateTime;
            alert.HandledBy = actor.Name;
            alert.Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
            await db.SaveChangesAsync(ct);
            await audit.RecordNowAsync("wecom.alert_handled", "relation_alert", alert.Id.ToString(), $"{alert.Kind} {alert.ExternalUserId} / {alert.StaffUserId}", ct);
        }
        // Answer with the row as the list shows it, names included, so the caller can redraw it without another read.
        var hidden = view.Hides(alert.StaffUserId);
        var customer = hidden ? "" : await db.Contacts.Where(c => c.ExternalUserId == alert.ExternalUserId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        var staff = (await directory.WeComStaff(alert.TenantId, ct)).FirstOrDefault(s => s.WeComUserId == alert.StaffUserId);
        return RelationAlertDto.From(alert, customer, staff, hidden);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/relation-alerts/{id:guid}/handle", async (Guid id, HandleRelationAlertRequest request, HandleRelationAlert handler, CancellationToken ct) =>
            (await handler.Handle(id, request, ct)).ToOk())
        .ProducesValidationProblem()
        .RequireAuthorization(Permissions.CustomersWrite)
        .WithName("HandleRelationAlert")
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .WithSummary("Mark a lost-customer or failed-transfer alert as followed up, with a note");
}
