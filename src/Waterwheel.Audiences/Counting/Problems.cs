namespace Waterwheel.Audiences.Counting;

/// <summary>Every bad field of a request at once: a validator's fields and a segment's in one problem.</summary>
internal static class Problems
{
    public static Error? Together(Error? first, Error? second)
    {
        if (first is null || second is null) return first ?? second;
        var fields = new Dictionary<string, string[]>();
        foreach (var (field, messages) in (first.Fields ?? new Dictionary<string, string[]>()).Concat(second.Fields ?? new Dictionary<string, string[]>()))
            fields[field] = fields.TryGetValue(field, out var known) ? [.. known, .. messages] : messages;
        return new Error(ErrorKind.Validation, "validation_failed", "One or more fields are invalid.", fields);
    }
}
