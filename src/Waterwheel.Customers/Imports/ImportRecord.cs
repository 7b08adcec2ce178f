using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Profiles;

namespace Waterwheel.Customers.Imports;

/// <summary>A valid row, in the module's terms: times in UTC, money in yuan, identifiers normalised.</summary>
internal sealed record ImportRecord(
    int Line, string? OrderNumber, string? BuyerId, decimal? Amount, DateTime? OrderedAt, DateTime? PaidAt, string? OrderStatus,
    string? Product, string? Name, string? Phone, string? Email, Gender Gender)
{
    /// <summary>The marketing consent the row records, by channel; empty when the file says nothing of it.</summary>
    public IReadOnlyDictionary<Consent.ConsentChannel, bool> Consent { get; init; } = new Dictionary<Consent.ConsentChannel, bool>();
}

/// <summary>One thing wrong with one row. Column is the file's header name, empty when the row as a whole is at fault.</summary>
internal sealed record RowProblem(int Line, string Column, string Code, string Reason);

/// <summary>How a job reads its file: the kind, the channel its orders belong to and which cell holds each field.</summary>
internal sealed record ImportPlan(ImportKind Kind, string Channel, IdentityType? BuyerIdType, string[] Header, IReadOnlyDictionary<ImportField, int> Cells)
{
    public string ColumnOf(ImportField field) => Cells.TryGetValue(field, out var i) ? Header[i] : field.ToString();

    /// <summary>The plan for a mapping over a header, or the mapped columns the header lacks.</summary>
    public static (ImportPlan? Plan, List<string> Missing) For(
        ImportKind kind, string channel, IdentityType? buyerIdType, string[] header, IReadOnlyDictionary<ImportField, string> mapping)
    {
        var cells = new Dictionary<ImportField, int>();
        var missing = new List<string>();
        foreach (var (field, column) in mapping)
        {
            var index = Array.FindIndex(header, h => h.Trim() == column.Trim());
            if (index < 0) missing.Add(column);
            else cells[field] = index;
        }
        return missing.Count > 0 ? (null, missing) : (new ImportPlan(kind, channel, buyerIdType, header, cells), missing);
    }
}
