using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Waterwheel.Acquisition.Codes;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;
using Waterwheel.WeCom.Contracts;

namespace Waterwheel.Acquisition.Groups;

/// <summary>
/// Creates a group live code: checks it, makes its WeCom join way holding the groups under the cap and its welcome
/// template, then stores it. A refusal by WeCom stores nothing and leaves nothing in WeCom.
/// </summary>
internal sealed class CreateGroupCode(AcquisitionDbContext db, IValidator<SaveGroupCodeRequest> validator, GroupCodeShaping shaping,
    GroupCodeSync sync, GroupCodeRemoval removal, IWeComJoinWays ways, ActorContext actor, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<GroupCodeView>> Handle(SaveGroupCodeRequest request, CancellationToken ct)
    {
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        var id = Guid.CreateVersion7();
        var code = new GroupCode { Id = id, TenantId = actor.TenantId!.Value, State = GroupCode.StateFor(id), CreatedAt = time.GetUtcNow().UtcDateTime };
        if (await shaping.Apply(code, request, ct) is { } refused) return refused;
        if (code.ExpiresAt <= code.CreatedAt) return Error.Invalid("expiresAt", AcquisitionText.Get("ExpiryPast"));
        var plan = GroupFill.Plan(code, await sync.Groups(code, ct));
        var made = await ways.Create(code.TenantId, GroupCodeSync.Spec(code, plan, withRoomCounter: true), ct);
        if (!made.IsDone) return GroupCodeShaping.Refused(made);
        (code.ConfigId, code.QrCodeUrl, code.LiveChatIds) = (made.Value!.ConfigId, made.Value.QrCodeUrl, plan);
        if (await shaping.Welcome(code, ct) is { } welcomeRefused)
        {
            await removal.Remove(code, CancellationToken.None);
            return welcomeRefused;
        }
        db.GroupCodes.Add(code);
        if (await db.SaveOrStale(ct) is { } lost)
        {
            await removal.Remove(code, CancellationToken.None);
            return lost;
        }
        await audit.RecordNowAsync(AuditActions.LiveCodeChanged, "group_code", code.Id.ToString(), $"group code {code.Name} ({code.State}) created", ct);
        return await shaping.View(code, ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/group-codes", async (SaveGroupCodeRequest request, CreateGroupCode handler, CancellationToken ct) =>
            (await handler.Handle(request, ct)).ToCreated(c => $"/api/acquisition/group-codes/{c.Id}"))
        .RequireAuthorization(Permissions.AcquisitionWrite)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithName("CreateGroupCode")
        .WithSummary("Creates a group live code and its WeCom join way: channelId, name, chatIds (≤ 5, in fill order), cap (≤ 200), autoCreateRoom, roomBaseName, roomBaseId, welcome, expiresAt (audited)");
}

/// <summary>Edits a group live code (If-Match; audited): the join way is updated in place, so the printed QR stays.</summary>
internal sealed class UpdateGroupCode(AcquisitionDbContext db, IValidator<SaveGroupCodeRequest> validator, GroupCodeShaping shaping,
    GroupCodeSync sync, IWeComJoinWays ways, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<GroupCodeView>> Handle(Guid id, SaveGroupCodeRequest request, string? ifMatch, CancellationToken ct)
    {
        var code = await db.GroupCodes.FirstOrDefaultAsync(c => c.Id == id && c.Status != LiveCodeStatus.Deleted, ct);
        if (code is null) return Error.NotFound("Group code");
        if (await validator.Check(request, ct) is { } invalid) return invalid;
        if (ETags.Check(ifMatch, code.Version) is { } precondition) return precondition;
        if (code.Status != LiveCodeStatus.Active) return Error.Conflict("code_expired", AcquisitionText.Get("CodeExpired"));
        var roomCounter = code.RoomBaseId;
        if (await shaping.Apply(code, request, ct) is { } refused) return refused;
        if (code.ExpiresAt <= time.GetUtcNow().UtcDateTime) return Error.Invalid("expiresAt", AcquisitionText.Get("ExpiryPast"));
        var plan = GroupFill.Plan(code, await sync.Groups(code, ct));
        // WeCom counts the rooms it opened on from our number: only a number the operator changed is sent.
        var updated = await ways.Update(code.TenantId, code.ConfigId, GroupCodeSync.Spec(code, plan, withRoomCounter: code.RoomBaseId != roomCounter), ct);
        if (!updated.IsDone) return GroupCodeShaping.Refused(updated);
        code.LiveChatIds = plan;
        if (await shaping.Welcome(code, ct) is { } welcomeRefused) return welcomeRefused;
        if (await db.SaveOrStale(ct) is { } lost) return lost;
        await audit.RecordNowAsync(AuditActions.LiveCodeChanged, "group_code", code.Id.ToString(), $"group code {code.Name} ({code.State}) changed", ct);
        return await shaping.View(code, ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/group-codes/{id:guid}", async (Guid id, SaveGroupCodeRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpResponse response,
                UpdateGroupCode handler, CancellationToken ct) => (await handler.Handle(id, request, ifMatch, ct)).ToOkWithETag(response, c => c.Version))
        .RequireAuthorization(Permissions.AcquisitionWrite)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired)
        .WithName("UpdateGroupCode")
        .WithSummary("Changes a group live code; its WeCom join way is updated and the QR stays (If-Match: its version; audited)");
}

/// <summary>Deletes a group live code (If-Match; audited): its join way and welcome template leave WeCom; the row stays, marked deleted.</summary>
internal sealed class DeleteGroupCode(AcquisitionDbContext db, GroupCodeRemoval removal, IAuditLog audit)
{
    public async Task<Result<bool>> Handle(Guid id, string? ifMatch, CancellationToken ct)
    {
        var code = await db.GroupCodes.FirstOrDefaultAsync(c => c.Id == id && c.Status != LiveCodeStatus.Deleted, ct);
        if (code is null) return Error.NotFound("Group code");
        if (ETags.Check(ifMatch, code.Version) is { } precondition) return precondition;
        var removed = await removal.Remove(code, ct);
        if (!removed.IsDone) return GroupCodeShaping.Refused(removed);
        code.Status = LiveCodeStatus.Deleted;
        if (await db.SaveOrStale(ct) is { } lost) return lost;
        await audit.RecordNowAsync(AuditActions.LiveCodeChanged, "group_code", code.Id.ToString(), $"group code {code.Name} ({code.State}) deleted", ct);
        return true;
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/group-codes/{id:guid}", async Task<IResult> (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, DeleteGroupCode handler, CancellationToken ct) =>
            await handler.Handle(id, ifMatch, ct) is { IsSuccess: false } failed ? failed.Error!.ToProblem() : TypedResults.NoContent())
        .RequireAuthorization(Permissions.AcquisitionWrite)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .WithName("DeleteGroupCode")
        .WithSummary("Deletes a group live code, its WeCom join way and welcome template (If-Match: its version; audited)");
}
