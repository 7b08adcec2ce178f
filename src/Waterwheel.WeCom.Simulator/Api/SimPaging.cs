using System.Text;

namespace Waterwheel.WeCom.Simulator.Api;

/// <summary>Opaque cursors like WeCom's: an empty next_cursor means the last page.</summary>
internal static class SimPaging
{
    public static bool TryPage<T>(IReadOnlyList<T> items, string? cursor, int limit, out List<T> page, out string next)
    {
        page = [];
        next = "";
        var offset = 0;
        if (!string.IsNullOrEmpty(cursor))
        {
            try { offset = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor))["sim:".Length..]); }
            catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or OverflowException) { return false; }
            if (offset < 0 || offset > items.Count) return false;
        }
        page = items.Skip(offset).Take(limit).ToList();
        if (offset + limit < items.Count) next = Convert.ToBase64String(Encoding.UTF8.GetBytes($"sim:{offset + limit}"));
        return true;
    }
}
