using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Waterwheel.Customers.Profiles;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Attributes;

/// <summary>What a deletion did: the attribute's key and how many profiles held a value under it.</summary>
public sealed record AttributeDeleted(string Key, int ProfilesCleared);

/// <summary>
/// Deletes a custom attribute the brand no longer keeps, with its values on every profile, in one transaction: a key
/// defined again later (perhaps with another type) must not find old values that no longer read. Head office
/// administrators; audited with the number of profiles that held a value.
/// </summary>
internal sealed class DeleteAttribute(CustomersDbContext db, ActorContext actor, IMemoryCache cache, IAuditLog audit)
{
    public async Task<Result<AttributeDeleted>> Handle(string key, string? ifMatch, CancellationToken ct)
    {
        var definition = await db.AttributeDefinitions.FirstOrDefaultAsync(d => d.Key == key, ct);
        if (definition is null) return Error.NotFound("Attribute");
        if (ETags.Check(ifMatch, definition.Version) is { } precondition) return precondition;
        var tenant = actor.TenantId!.Value;
        int cleared;
        try
        {
            cleared = await db.Atomically(async () =>
            {
                var count = await ClearValues(tenant, key, ct);
                db.AttributeDefinitions.Remove(definition);
                await db.SaveChangesAsync(ct);
                return count;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A second delete (a double submit, another admin) lost the race: the attribute is gone, nothing was cleared twice.
            return Error.NotFound("Attribute");
        }
        cache.Remove(TenantAttributes.CacheKey(tenant));
        await audit.RecordNowAsync(AuditActions.CustomerSettingsChanged, "customer_attribute", key,
            $"attribute {key} deleted with its values on {cleared} profiles", ct);
        return new AttributeDeleted(key, cleared);
    }

    /// <summary>
    /// Removes the key from the JSON of every profile holding it (merged-away ones too, whose values an unmerge would bring
    /// back). The key is lower-case letters, digits and underscores (its definition's rule), so it is safe in a JSON path.
    /// </summary>
    private Task<int> ClearValues(Guid tenant, string key, CancellationToken ct)
    {
        // The table's name comes from the model, never from input; the key and tenant are parameters.
        var table = ModuleTables.QuotedName<CustomerProfile>(db);
        var postgres = db.Database.IsNpgsql();
        var removed = postgres ? "(\"Attributes\"::jsonb - {0})::text" : "json_remove(\"Attributes\", {0})";
        var sql = "UPDATE " + table + " SET \"Attributes\" = " + removed + ", \"Version\" = \"Version\" + 1 WHERE \"TenantId\" = {1} AND \"Attributes\" LIKE {2}";
        return db.Database.ExecuteSqlRawAsync(sql, [postgres ? key : "$." + key, tenant, $"%\"{key}\"%"], ct);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/attributes/{key}", async (string key, [FromHeader(Name = "If-Match")] string? ifMatch, DeleteAttribute handler, CancellationToken ct) =>
            (await handler.Handle(key, ifMatch, ct)).ToOk())
        .RequireAuthorization(Permissions.SettingsManage)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired)
        .WithName("DeleteCustomerAttribute")
        .WithSummary("Deletes a custom attribute and its values on every profile (If-Match: its version; head office; audited)");
}
