using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Waterwheel.Platform.Data;

/// <summary>
/// All instants are stored as UTC <see cref="DateTime"/>: SQLite can order and compare them (it cannot
/// DateTimeOffset), and PostgreSQL maps them to timestamptz. Reading marks them UTC again.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
