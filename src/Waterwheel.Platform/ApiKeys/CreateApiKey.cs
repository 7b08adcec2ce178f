using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Platform.ApiKeys;

internal sealed class CreateApiKey(PlatformDbContext db, ActorContext actor, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<CreatedApiKey>> Handle(CreateApiKeyRequest request, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100 || !PlainText.IsPlain(request.Name))
            fields["name"] = ["Give the key a name of at most 100 characters."];
        var unknown = request.Permissions.Except(Permissions.All).ToList();
        if (request.Permissions.Count == 0) fields["permissions"] = [ValidationText.Get("AtLeastOnePermission")];
        else if (unknown.Count > 0) fields["permissions"] = [$"Unknown permissions: {string.Join(", ", unknown)}."];
        else if (request.Permissions.FirstOrDefault(p => !actor.Has(p)) is { } beyond)
            fields["permissions"] = [$"You cannot grant '{beyond}', which you do not hold."];
        if (fields.Count > 0) return new Error(ErrorKind.Validation, "validation_failed", "One or more fields are invalid.", fields);
        // A key created by a key belongs to the same person as the key that created it.
        var owner = actor.StaffId ?? await db.ApiKeys.Where(k => k.Id == actor.ApiKeyId).Select(k => k.OwnerStaffId).FirstOrDefaultAsync(ct);
        if (owner is null) return Error.Forbidden("key_owner_required", "An API key needs a staff member who owns it.");

        var id = Guid.CreateVersion7();
        var (token, hash) = ApiKeyToken.Issue(id);
        var key = new ApiKey
        {
            Id = id,
            TenantId = actor.TenantId!.Value,
            Name = request.Name.Trim(),
            Prefix = token[..11],
            SecretHash = hash,
            Permissions = request.Permissions.Distinct().ToList(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedBy = actor.Name,
            OwnerStaffId = owner,
            IsService = request.Service,
        };
        db.ApiKeys.Add(key);
        audit.Record(AuditActions.ApiKeyCreated, "api_key", key.Id.ToString(), $"{key.Name} ({(key.IsService ? "service" : "personal")}): {string.Join(",", key.Permissions)}");
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(ApiKeyDto.From(key), token);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/api-keys", async (CreateApiKeyRequest request, CreateApiKey handler, CancellationToken ct) =>
            (await handler.Handle(request, ct)).ToCreated(k => $"/api/platform/api-keys/{k.Key.Id}"))
        .ProducesValidationProblem()
        .RequireAuthorization(Permissions.ApiKeysManage)
        .WithName("CreateApiKey")
        .WithSummary("Create an API key (the token is shown once)");
}
