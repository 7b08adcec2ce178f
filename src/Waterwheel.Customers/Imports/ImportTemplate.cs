using System.Text.Json;
using Waterwheel.Customers.Identity;

namespace Waterwheel.Customers.Imports;

/// <summary>A tenant's own column mapping, for the exports of a shop system, a CRM or a till that no built-in template knows.</summary>
internal sealed class ImportTemplate
{
    public const int NameLength = 100;
    public const int ChannelLength = 40;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public string Name { get; set; } = "";
    public ImportKind Kind { get; set; }

    /// <summary>Where the orders come from (youzan, weimob, a store chain's till): order numbers are unique within it.</summary>
    public string Channel { get; set; } = "";
    public IdentityType? BuyerIdType { get; set; }

    /// <summary>Field → the file column it is read from, as JSON.</summary>
    public string Columns { get; set; } = "{}";

    public string CreatedBy { get; init; } = "";
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public ImportTemplateView View() => new(Id.ToString(), Name, Kind, Channel, BuyerIdType,
        ImportJson.Mapping(Columns).ToDictionary(c => c.Key, c => new[] { c.Value }), false, Version);
}

/// <summary>Mappings are stored as JSON objects keyed by field name.</summary>
internal static class ImportJson
{
    public static Dictionary<ImportField, string> Mapping(string json) =>
        (JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
        .Where(p => Enum.TryParse<ImportField>(p.Key, out _) && !string.IsNullOrWhiteSpace(p.Value))
        .ToDictionary(p => Enum.Parse<ImportField>(p.Key), p => p.Value.Trim());

    public static string Write(IReadOnlyDictionary<ImportField, string> mapping) =>
        JsonSerializer.Serialize(mapping.ToDictionary(p => p.Key.ToString(), p => p.Value));
}
