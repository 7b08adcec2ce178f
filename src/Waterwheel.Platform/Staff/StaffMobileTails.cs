using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Pii;

namespace Waterwheel.Platform.Staff;

/// <summary>
/// Gives staff stored before the last-four-digits lookup existed their tail hash, once, at start. Safe on two nodes at
/// once (both write the same value) and cheap on every later start (nothing left to fill). The version is left alone:
/// this is an index of the number, not an edit of the person.
/// </summary>
internal static class StaffMobileTails
{
    private const int Page = 500;

    public static async Task Fill(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var encryptor = scope.ServiceProvider.GetRequiredService<FieldEncryptor>();
        var hasher = scope.ServiceProvider.GetRequiredService<KeyedHasher>();
        var after = Guid.Empty;
        while (true)
        {
            var missing = await db.Staff.IgnoreQueryFilters().AsNoTracking()
                .Where(s => s.MobileTailHash == null && s.MobileCipher != "" && s.Id.CompareTo(after) > 0)
                .OrderBy(s => s.Id).Select(s => new { s.Id, s.MobileCipher }).Take(Page).ToListAsync(ct);
            foreach (var staff in missing)
            {
                after = staff.Id;
                var mobile = PhoneNumbers.Normalise(encryptor.Decrypt(staff.MobileCipher));
                // A number too short to have four digits cannot be asked for by them; it keeps no tail.
                if (mobile.Length < 4) continue;
                var tail = hasher.HashPhoneTail(mobile[^4..]);
                await db.Serialized(() => db.Staff.IgnoreQueryFilters().Where(s => s.Id == staff.Id && s.MobileTailHash == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.MobileTailHash, tail), ct), ct);
            }
            if (missing.Count < Page) return;
        }
    }
}
