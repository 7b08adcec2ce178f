using Microsoft.Data.Sqlite;
using Npgsql;

namespace Waterwheel.Platform.Api;

/// <summary>
/// The one place where a failed save becomes an <see cref="Error"/>: a lost race on a row version (412) or on a unique
/// index (409), on either provider. The checks before a save ("is this code taken?") make the usual answer friendly;
/// this catches the two requests that passed the check at the same moment.
/// </summary>
public static class DatabaseErrors
{
    // Index columns → the code a client can act on; the rest of a duplicate is a plain "conflict".
    private static readonly (string Table, string Column, string Code, string Message)[] Known =
    [
        ("stores", "Code", "store_code_taken", "Another store already has this code."),
        ("org_units", "Code", "org_unit_code_taken", "Another unit already has this code."),
        ("accounts", "StaffId", "account_exists", "This staff member already has a sign-in."),
        ("accounts", "UserName", "user_name_taken", "This user name is taken."),
        ("staff", "MobileHash", "staff_mobile_taken", "Another active staff member has this mobile number."),
        ("staff", "WeComUserId", "staff_wecom_userid_taken", "Another staff member has this WeCom userid."),
    ];

    /// <summary>The error a failed save means for the client, or null when it is a fault of ours (500).</summary>
    public static Error? ToError(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => Error.StaleVersion(),
        DbUpdateException { InnerException: var inner } when UniqueViolation(inner) is { } where => Duplicate(where),
        _ => null,
    };

    /// <summary>A write lost a race to another write of the same unique key (a duplicate insert, a second running row).</summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        DbUpdateException { InnerException: var inner } => UniqueViolation(inner) is not null,
        _ => UniqueViolation(exception) is not null,
    };

    /// <summary>Table and index (PostgreSQL) or the failed columns (SQLite) of a unique violation.</summary>
    private static string? UniqueViolation(Exception? inner) => inner switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p => $"{p.TableName} {p.ConstraintName}",
        // SQLITE_CONSTRAINT_UNIQUE (2067) and _PRIMARYKEY (1555): "UNIQUE constraint failed: platform_stores.TenantId, …".
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } s => s.Message,
        _ => null,
    };

    private static Error Duplicate(string where)
    {
        foreach (var (table, column, code, message) in Known)
            if (Mentions(where, table) && where.Contains(column, StringComparison.Ordinal)) return Error.Conflict(code, message);
        return Error.Conflict("duplicate", "Another record already has these values.");
    }

    // "platform_stores." on SQLite, table "stores" or index "IX_stores_…" on PostgreSQL.
    private static bool Mentions(string where, string table) =>
        where.Contains($"_{table}.", StringComparison.Ordinal) || where.StartsWith(table + " ", StringComparison.Ordinal)
        || where.Contains($"IX_{table}_", StringComparison.Ordinal);
}
