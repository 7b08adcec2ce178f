using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Lifecycle;
using Waterwheel.Customers.Profiles.Search;
using Waterwheel.Customers.Relationships;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Pii;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Customers.Profiles.Export;

/// <summary>The list's filter and order, the file's format (csv or xlsx), and whether personal data is wanted in clear.</summary>
public sealed record ProfileExportQuery : PageQuery
{
    public string? Format { get; set; }
    public bool? Unmasked { get; set; }
}

/// <summary>A prepared export: its rows are read from the database batch by batch as the file is written.</summary>
internal sealed record ProfileExport(ExportFormat Format, string FileStem, int RowCount, IReadOnlyList<string> AttributeLabels, IAsyncEnumerable<string[]> Rows);

/// <summary>
/// The customer list as a file, for the customers the list shows. Names and mobiles are masked unless the actor may
/// reveal personal data and asks for it explicitly; head office never gets a dealer's customer in clear unless that
/// dealer shares them (the same rule as the list). Bounded: a filter matching more than <see cref="MaxRows"/> is refused
/// with the count, so a scope of millions never becomes one request. Audited with the row count, whether in clear, and
/// the kind of search (never its text: a search is often a mobile number or a name).
/// </summary>
internal sealed class ExportProfiles(CustomersDbContext db, ListProfiles list, ActorContext actor, ProfileVisibility visibility, OrganisationFacts organisation,
    IdentityKeys keys, TenantValueOptions values, Attributes.TenantAttributes tenantAttributes, IAuditLog audit, ITenantZone zone, TimeProvider time)
{
    public const int MaxRows = 100_000;
    private const int Batch = 1_000;

    public async Task<Result<ProfileExport>> Handle(ProfileExportQuery query, CancellationToken ct)
    {
        var parsed = ExportFile.Parse(query.Format);
        if (!parsed.IsSuccess) return parsed.Error!;
        var format = parsed.Value;
        var unmasked = query.Unmasked == true;
        if (unmasked && !actor.Has(Permissions.PiiReveal))
            return Error.Forbidden("pii_reveal_required", CustomersText.Get("PiiRevealExport"));
        var rows = await list.Matching(query.Search, ct);
        var count = await rows.CountAsync(ct);
        if (count > MaxRows)
            return new Error(ErrorKind.Validation, "export_too_large", CustomersText.Format("ExportTooLarge", count, MaxRows),
                new Dictionary<string, string[]> { ["q"] = [CustomersText.Format("ExportTooLargeField", count, MaxRows)] });

        await audit.RecordNowAsync(AuditActions.Exported, "customer_profiles", null,
            $"customers export ({ExportFile.Extension(format)}): {count} rows, {(unmasked ? "unmasked" : "masked")}; {SearchKind(query.Search)}", ct);
        var tz = await zone.Current(ct);
        var stem = $"customers-{TenantTime.Local(time.GetUtcNow().UtcDateTime, tz):yyyyMMdd-HHmmss}";
        // The brand's own attributes follow the built-in columns, in the order they were defined.
        var attributes = (await tenantAttributes.Of(actor.TenantId!.Value, ct)).Values.OrderBy(d => d.CreatedAt).ThenBy(d => d.Key).ToList();
        return new ProfileExport(format, stem, count, [.. attributes.Select(a => a.Label)],
            Lines(rows, ProfileOrder.Of(query.Sort, query.Desc), unmasked, tz, [.. attributes.Select(a => a.Key)], ct));
    }

    private async IAsyncEnumerable<string[]> Lines(IQueryable<CustomerProfile> rows, ProfileOrder order, bool unmasked, TimeZoneInfo tz,
        IReadOnlyList<string> attributeKeys, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var tenant = actor.TenantId ?? Guid.Empty;
        var stores = await organisation.Stores(tenant, ct);
        var staff = await organisation.Staff(tenant, ct);
        var sharing = await visibility.SharingDealers(ct);
        var value = await values.Current(ct);
        var now = time.GetUtcNow().UtcDateTime;
        // Batch after batch from where the last ended (keyset), so the last batch costs what the first did.
        for (ProfileCursor? after = null; ; )
        {
            var batch = await order.Apply(after is null ? rows : order.After(rows, after)).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0) yield break;
            after = ProfileCursor.After(batch[^1], order);
            var ids = batch.Select(p => p.Id).ToList();
            var phones = (await db.Identities.AsNoTracking().Where(i => ids.Contains(i.ProfileId) && i.Type == IdentityType.Phone).ToListAsync(ct))
                .GroupBy(i => i.ProfileId).ToDictionary(g => g.Key, g => g.OrderBy(i => i.LinkedAt).First());
            foreach (var p in batch)
            {
                var shown = visibility.SeesEveryone || p.OwnerDealerId is not { } dealer || sharing.Contains(dealer);
                var clear = shown && unmasked;
                // A person head office may not see has no mobile in its file at all, not even masked.
                var phone = shown && phones.TryGetValue(p.Id, out var identity) ? keys.Reveal(identity) : null;
                yield return
                [
                    p.Id.ToString(), clear ? p.Name : Mask.Name(p.Name), phone is null ? "" : clear ? phone : Mask.Phone(phone),
                    ExportColumns.Gender(p.Gender), Birthday(p.Birthday, shown, clear), p.Province ?? "", p.City ?? "",
                    p.OwnerStoreId is { } s ? stores.GetValueOrDefault(s)?.Name ?? "" : "", p.OwnerStaffId is { } g ? staff.GetValueOrDefault(g)?.Name ?? "" : "",
                    ExportColumns.Stage(value.Of(p, now).Stage), p.OrderCount.ToString(), p.TotalSpent.ToString("0.00"),
                    TenantTime.Text(p.FirstSeenAt, tz), TenantTime.Text(p.LastSeenAt, tz), ExportColumns.YesNo(p.OwnerDealerId is not null),
                    .. AttributeCells(p, attributeKeys, shown),
                ];
            }
            if (batch.Count < Batch) yield break;
        }
    }

    /// <summary>The brand's attribute values, as text; none for a person head office may not see.</summary>
    private static IEnumerable<string> AttributeCells(CustomerProfile p, IReadOnlyList<string> keys, bool shown)
    {
        if (!shown || keys.Count == 0) return keys.Select(_ => "");
        var held = Attributes.AttributeValues.Read(p.Attributes);
        return keys.Select(k => held[k] switch
        {
            null => "",
            System.Text.Json.Nodes.JsonValue v when v.TryGetValue<bool>(out var b) => ExportColumns.YesNo(b),
            var v => v.ToString(),
        });
    }

    // A masked file keeps the month and day (birthday greetings) but not the year, which with a name narrows a person down.
    private static string Birthday(DateOnly? birthday, bool shown, bool clear) => birthday is not { } date || !shown ? ""
        : clear ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        : "****-" + date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string SearchKind(string? search) => search switch
    {
        null => "no search",
        { Length: 4 } q when q.All(char.IsAsciiDigit) => "search by a mobile's last four digits",
        var q when IdentityValues.Normalise(IdentityType.Phone, q) is not null => "search by mobile",
        _ => "search by name or customer id",
    };
}
