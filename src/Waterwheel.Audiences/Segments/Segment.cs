namespace Waterwheel.Audiences.Segments;

/// <summary>
/// A segment's condition as a tree: what operators build in the console, what is stored as JSON and what power users
/// write as text. Immutable and compared by value. A condition on a field that a customer has no value for is false
/// (only <see cref="IsNotSet"/> and a <see cref="Not"/> around it hold for them).
/// </summary>
internal abstract record Segment;

/// <summary>Every term holds (at least two terms: one term is the term itself).</summary>
internal sealed record And(ValueList<Segment> Terms) : Segment
{
    public And(params Segment[] terms) : this(new ValueList<Segment>(terms)) { }
}

/// <summary>Some term holds (at least two terms).</summary>
internal sealed record Or(ValueList<Segment> Terms) : Segment
{
    public Or(params Segment[] terms) : this(new ValueList<Segment>(terms)) { }
}

internal sealed record Not(Segment Term) : Segment;

internal sealed record HasTag(Guid TagId) : Segment;

/// <summary>An enum field's value is one of these.</summary>
internal sealed record In(string Field, ValueList<string> Values) : Segment
{
    public In(string field, params string[] values) : this(field, new ValueList<string>(values)) { }
}

/// <summary>A number field between two inclusive bounds; a missing bound is open.</summary>
internal sealed record NumberRange(string Field, decimal? Min, decimal? Max) : Segment;

/// <summary>A date field between two inclusive days; a missing bound is open.</summary>
internal sealed record DateRange(string Field, DateOnly? Min, DateOnly? Max) : Segment;

/// <summary>A date field in the last <c>Days</c> days: from today minus Days up to today, inclusive.</summary>
internal sealed record WithinDays(string Field, int Days) : Segment;

/// <summary>A date field more than <c>Days</c> days before today.</summary>
internal sealed record OlderThanDays(string Field, int Days) : Segment;

internal sealed record IsSet(string Field) : Segment;

internal sealed record IsNotSet(string Field) : Segment;

/// <summary>A yes/no field has this value.</summary>
internal sealed record Is(string Field, bool Value) : Segment;
