using System.Linq.Expressions;

namespace Waterwheel.Platform.Stores;

[CsvHelper.CsvRecord]
public sealed partial record StoreDto(
    Guid Id, string Code, string Name, Guid OrgUnitId, string Province, string City, string District, string Address,
    double Latitude, double Longitude, string OpeningHours, string Phone, StoreStatus Status, int Version,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    internal static readonly Expression<Func<Store, StoreDto>> FromEntity = s => new StoreDto(
        s.Id, s.Code, s.Name, s.OrgUnitId, s.Province, s.City, s.District, s.Address, s.Latitude, s.Longitude,
        s.OpeningHours, s.Phone, s.Status, s.Version, s.CreatedAt, s.UpdatedAt);

    private static readonly Func<Store, StoreDto> Compiled = FromEntity.Compile();

    internal static StoreDto From(Store store) => Compiled(store);
}
