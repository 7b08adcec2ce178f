using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Platform.Pii;
using Waterwheel.WeCom.Callbacks.Crypto;
using Waterwheel.WeCom.Client;

namespace Waterwheel.WeCom.Connections;

/// <summary>A tenant's corp, ready to use: the app credentials for API calls and the crypto for its callbacks.</summary>
internal sealed record TenantCorp(Guid TenantId, WeComApp App, CallbackCrypto Crypto, string WelcomeText);

/// <summary>
/// Looks up a tenant's corp by tenant id, outside any signed-in request (callbacks and their handlers). Decrypting
/// the secrets costs little but callbacks arrive hundreds a second, so the result is cached briefly; a saved change
/// is seen within <see cref="CacheFor"/>.
/// </summary>
internal sealed class TenantCorps(IServiceProvider services, IMemoryCache cache, FieldEncryptor encryptor)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task<TenantCorp?> Find(Guid tenantId, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(tenantId), out TenantCorp? cached)) return cached;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeComDbContext>();
        var row = await db.Connections.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.TenantId == tenantId, ct);
        TenantCorp? corp = null;
        if (row is not null && CallbackCrypto.Create(row.CallbackToken, encryptor.Decrypt(row.AesKeyCipher), row.CorpId) is { IsSuccess: true } crypto)
            corp = new TenantCorp(tenantId, new WeComApp(row.CorpId, encryptor.Decrypt(row.SecretCipher)), crypto.Value!, row.WelcomeText);
        cache.Set(Key(tenantId), corp, CacheFor);
        return corp;
    }

    public void Forget(Guid tenantId) => cache.Remove(Key(tenantId));

    private static string Key(Guid tenantId) => $"wecom-corp:{tenantId:N}";
}
