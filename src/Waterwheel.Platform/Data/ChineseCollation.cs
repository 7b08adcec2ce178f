using System.Globalization;
using System.Linq.Expressions;
using Microsoft.Data.Sqlite;

namespace Waterwheel.Platform.Data;

/// <summary>
/// Chinese names sort the way a Chinese reader looks for them: by pinyin (安吉店, 奥体店, 城西银泰店, 下沙店), not by code
/// point. PostgreSQL has ICU's collation; SQLite gets one registered on each connection from .NET's zh-CN comparer
/// (which is ICU's too), so both providers order a list the same way.
/// </summary>
public static class ChineseCollation
{
    public const string Postgres = "zh-x-icu";
    public const string Sqlite = "zh";

    private static readonly CompareInfo Chinese = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;

    /// <summary>Makes the collation known to a SQLite connection; it lives as long as the native connection.</summary>
    internal static void Register(SqliteConnection connection) =>
        connection.CreateCollation(Sqlite, (x, y) => Chinese.Compare(x, y, CompareOptions.None));

    /// <summary>Orders by a text key in Chinese order on either provider.</summary>
    public static IOrderedQueryable<T> OrderByChinese<T>(this IQueryable<T> source, DbContext db, Expression<Func<T, string>> key, bool descending = false)
    {
        var collated = Collated(db, key);
        return descending ? source.OrderByDescending(collated) : source.OrderBy(collated);
    }

    /// <summary>A further ordering by a text key in Chinese order.</summary>
    public static IOrderedQueryable<T> ThenByChinese<T>(this IOrderedQueryable<T> source, DbContext db, Expression<Func<T, string>> key) =>
        source.ThenBy(Collated(db, key));

    // EF inlines a collation name into the SQL, so it must be a constant in the expression, not a captured variable.
    private static Expression<Func<T, string>> Collated<T>(DbContext db, Expression<Func<T, string>> key)
    {
        var name = db.Database.IsNpgsql() ? Postgres : Sqlite;
        var collate = typeof(RelationalDbFunctionsExtensions).GetMethod(nameof(RelationalDbFunctionsExtensions.Collate))!.MakeGenericMethod(typeof(string));
        var body = Expression.Call(collate, Expression.Constant(EF.Functions), key.Body, Expression.Constant(name));
        return Expression.Lambda<Func<T, string>>(body, key.Parameters);
    }
}
