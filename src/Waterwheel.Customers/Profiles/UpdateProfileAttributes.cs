using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Waterwheel.Customers.Attributes;

namespace Waterwheel.Customers.Profiles;

/// <summary>
/// Edits what the brand keeps about a customer: <c>birthday</c>, <c>province</c>, <c>city</c> and custom
/// <c>attributes</c> by key, as a JSON merge patch (a field left out stays, <c>null</c> clears it). Every invalid field is
/// named at once; a stale If-Match (the profile's version) is refused, since touchpoints update profiles too. Only
/// those who may see the person edit them: head office does not edit a dealer's customer it sees masked.
/// </summary>
internal sealed class UpdateProfileAttributes(CustomersDbContext db, ProfileVisibility visibility, TenantAttributes attributes, TimeProvider time)
{
    private static readonly string[] Fields = ["birthday", "province", "city", "attributes"];

    public async Task<Result<ProfileAttributesView>> Handle(Guid profileId, JsonObject patch, string? ifMatch, CancellationToken ct)
    {
        var profile = await db.Profiles.FirstOrDefaultAsync(p => p.Id == profileId, ct);
        if (profile is null || !await visibility.ShowsPerson(profile.OwnerDealerId, ct)) return Error.NotFound("Customer");
        if (profile.ErasedAt is not null) return Error.Conflict("customer_erased", CustomersText.Get("ProfileErased"));
        if (ETags.Check(ifMatch, profile.Version) is { } precondition) return precondition;

        var now = time.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>();
        foreach (var unknown in patch.Select(kv => kv.Key).Except(Fields)) errors[unknown] = [CustomersText.Get("UnknownField")];
        if (patch.TryGetPropertyValue("birthday", out var birthday))
        {
            if (birthday is null) profile.Birthday = null;
            else if (Text(birthday) is { } text && AttributeValues.Date(text) is { } date && ProfileAttributes.PlausibleBirthday(date, now)) profile.Birthday = date;
            else errors["birthday"] = [CustomersText.Get("BirthdayPast")];
        }
        foreach (var place in new[] { "province", "city" })
        {
            if (!patch.TryGetPropertyValue(place, out var node)) continue;
            var text = node is null ? null : Text(node);
            if (node is not null && (text is null || text.Length > ProfileAttributes.PlaceLength))
            {
                errors[place] = [CustomersText.Format("PlaceText", ProfileAttributes.PlaceLength)];
                continue;
            }
            var value = string.IsNullOrEmpty(text) ? null : text;
            if (place == "province") profile.Province = value; else profile.City = value;
        }
        if (patch.TryGetPropertyValue("attributes", out var custom))
        {
            if (custom is JsonObject values) profile.Attributes = await Apply(profile, values, errors, ct);
            else errors["attributes"] = [CustomersText.Get("AttributesObject")];
        }
        if (errors.Count > 0) return new Error(ErrorKind.Validation, "validation_failed", ValidationText.Get("FieldsInvalid"), errors);
        profile.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return ProfileAttributes.View(profile);
    }

    private async Task<string?> Apply(CustomerProfile profile, JsonObject patch, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var definitions = await attributes.Of(profile.TenantId, ct);
        var values = AttributeValues.Read(profile.Attributes);
        foreach (var (key, node) in patch)
        {
            var field = $"attributes.{key}";
            if (!definitions.TryGetValue(key, out var definition)) { errors[field] = [CustomersText.Get("NoSuchAttribute")]; continue; }
            var (value, error) = AttributeValues.Parse(definition.Type, definition.Options, node);
            if (error is not null) errors[field] = [error];
            else if (value is null) values.Remove(key);
            else values[key] = value;
        }
        // A required attribute is one the brand relies on: an edit of the attributes leaves it set.
        foreach (var required in definitions.Values.Where(d => d.Required && !values.ContainsKey(d.Key)))
            errors.TryAdd($"attributes.{required.Key}", [CustomersText.Get("Required")]);
        var stored = AttributeValues.Write(values);
        if (stored?.Length > ProfileAttributes.StoredLength) errors["attributes"] = [CustomersText.Get("AttributesTooLong")];
        return stored;
    }

    private static string? Text(JsonNode node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>().Trim() : null;

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPatch("/profiles/{id:guid}", async (Guid id, JsonObject patch, [FromHeader(Name = "If-Match")] string? ifMatch, HttpResponse response,
                UpdateProfileAttributes handler, CancellationToken ct) =>
            (await handler.Handle(id, patch, ifMatch, ct)).ToOkWithETag(response, v => v.Version))
        .RequireAuthorization(Permissions.ProfilesWrite)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired)
        .WithName("UpdateCustomerAttributes")
        .WithSummary("Edits a customer's birthday, province, city and custom attributes (merge patch; If-Match: the profile's version)");
}
