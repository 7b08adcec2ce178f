namespace Waterwheel.Customers.Consent;

/// <summary>Reads and appends consent records of one profile within the caller's unit of work.</summary>
internal sealed class ConsentLedger(CustomersDbContext db)
{
    /// <summary>Each channel's latest record (by the time the person acted, then by insertion), or none.</summary>
    public static IReadOnlyDictionary<ConsentChannel, ConsentRecord> Current(IEnumerable<ConsentRecord> records) => records
        .GroupBy(r => r.Channel)
        .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).First());

    public async Task<List<ConsentRecord>> Of(Guid profileId, CancellationToken ct)
    {
        var stored = await db.Consents.Where(c => c.ProfileId == profileId).ToListAsync(ct);
        return stored.Concat(db.Consents.Local).Where(c => c.ProfileId == profileId).DistinctBy(c => c.Id).ToList();
    }

    /// <summary>
    /// Senders repeat a person's preferences on every call: a preference is recorded only when it differs from what
    /// held at that time, so the history lists changes, not repetitions.
    /// </summary>
    public async Task<int> RecordChanges(Guid tenantId, Guid profileId, IReadOnlyDictionary<ConsentChannel, bool> preferences, ConsentSource source,
        DateTime at, string? evidence, CancellationToken ct)
    {
        if (preferences.Count == 0) return 0;
        var records = await Of(profileId, ct);
        var added = 0;
        foreach (var (channel, granted) in preferences)
        {
            var before = records.Where(r => r.Channel == channel && r.At <= at).OrderByDescending(r => r.At).ThenByDescending(r => r.Id).FirstOrDefault();
            if (before?.Granted == granted) continue;
            db.Consents.Add(new ConsentRecord
            {
                TenantId = tenantId, ProfileId = profileId, Channel = channel, Granted = granted, Source = source, At = at,
                Evidence = evidence is { Length: > ConsentRecord.EvidenceLength } ? evidence[..ConsentRecord.EvidenceLength] : evidence,
            });
            added++;
        }
        return added;
    }
}
