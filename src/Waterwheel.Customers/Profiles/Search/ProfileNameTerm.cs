namespace Waterwheel.Customers.Profiles.Search;

/// <summary>
/// One character or one pair of adjacent characters of a profile's name, lower-cased: the index a name search reads
/// instead of scanning every profile. Chinese names are two or three characters and searched by any part of them
/// (姓 or 名), which neither a B-tree prefix index nor PostgreSQL's trigrams serve; pairs do, on SQLite and PostgreSQL alike.
/// </summary>
internal sealed class ProfileNameTerm
{
    public const int TermLength = 2;

    public Guid TenantId { get; init; }
    public string Term { get; init; } = "";
    public Guid ProfileId { get; init; }
}
