using Waterwheel.Acquisition.Routing;
using Waterwheel.Acquisition.Welcome;

namespace Waterwheel.Acquisition.Codes;

/// <summary>How a pool shares adds among the staff who may take them now.</summary>
public enum AssignmentPolicy
{
    /// <summary>One staff member at a time, the next in order after each add.</summary>
    RoundRobin,

    /// <summary>The staff with the fewest adds today through this code.</summary>
    LeastLoaded,

    /// <summary>Everyone who may take adds; WeCom picks among them.</summary>
    Random,
}

public enum LiveCodeStatus { Active, Expired, Deleted }

/// <summary>
/// A channel live code (渠道活码): one WeCom contact_way whose state names this code, so every add it brings is
/// attributed. The pool, caps and schedule decide which staff WeCom may hand adds to (ADR 15); the QR stays the same
/// whatever the pool does.
/// </summary>
internal sealed class LiveCode
{
    public const int NameLength = 50;
    public const int StateLength = 30;
    public const int TokenLength = 22;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public Guid ChannelId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Short and unique in the tenant; comes back on every add (WeCom allows 30 characters).</summary>
    public string State { get; init; } = "";

    public AssignmentPolicy Policy { get; set; }
    public bool SkipVerify { get; set; } = true;
    public List<PoolMember> Pool { get; set; } = [];
    public PoolSchedule Schedule { get; set; } = PoolSchedule.Always;
    public List<Guid> TagIds { get; set; } = [];
    public WelcomeTemplate Welcome { get; set; } = new();
    public DateTime? ExpiresAt { get; set; }
    public LiveCodeStatus Status { get; set; }

    /// <summary>WeCom's id of the way, and the QR it prints.</summary>
    public string ConfigId { get; set; } = "";
    public string QrCodeUrl { get; set; } = "";

    /// <summary>The WeCom userids the way holds now, as last sent; compared so WeCom is updated only on a change.</summary>
    public List<string> LiveUserIds { get; set; } = [];

    /// <summary>Who took the last add, for round-robin.</summary>
    public string? LastUserId { get; set; }

    /// <summary>
    /// Set for a nearest-store code (ADR 16): the printed code is its landing page, not a WeCom way, and each staff
    /// member it picks gets a way of their own (<see cref="StoreWay"/>); the pool is the fallback's service staff.
    /// </summary>
    public LbsRouting? Routing { get; set; }

    /// <summary>The unguessable part of a nearest-store code's landing page address (/h5/lbs/{token}).</summary>
    public string? PublicToken { get; init; }

    public DateTime CreatedAt { get; init; }
    public int Version { get; set; }

    /// <summary>128 random bits in URL-safe base64: 22 characters.</summary>
    public static string NewToken() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A staff member of a code's pool, with their cap of adds per day through this code (none = no cap).</summary>
internal sealed record PoolMember(Guid StaffId, string WeComUserId, int? DailyCap, bool Backup);

/// <summary>
/// When the pool's primary staff take adds, in the tenant's time zone: days of the week (bit 0 = Sunday) and a span of
/// the day from <see cref="From"/> to <see cref="Until"/> minutes after midnight. Backups take adds outside it.
/// </summary>
internal sealed record PoolSchedule(int Days, int From, int Until)
{
    public const int EveryDay = 0b111_1111;
    public const int MinutesPerDay = 24 * 60;

    public static PoolSchedule Always { get; } = new(EveryDay, 0, MinutesPerDay);

    public bool Covers(DateTime local)
    {
        var minute = local.Hour * 60 + local.Minute;
        return (Days & (1 << (int)local.DayOfWeek)) != 0 && minute >= From && minute < Until;
    }
}
