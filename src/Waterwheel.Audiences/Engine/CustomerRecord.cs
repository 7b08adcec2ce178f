namespace Waterwheel.Audiences.Engine;

/// <summary>
/// What the index knows of one customer: their ordinal (dense per tenant, see ADR 13), the values of the fields they
/// have (a field they have no value for is absent) and their tags. The rebuild reads these from the database.
/// </summary>
internal sealed record CustomerRecord(int Ordinal, IReadOnlyDictionary<string, FieldValue> Values, IReadOnlyCollection<Guid> Tags);
