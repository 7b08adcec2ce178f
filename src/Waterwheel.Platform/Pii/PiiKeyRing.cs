using System.Security.Cryptography;
using System.Text.Json;

namespace Waterwheel.Platform.Pii;

/// <summary>
/// The keys that protect personal data. Old keys stay in the ring so that rows encrypted before a rotation
/// still decrypt; new rows use <see cref="ActiveKeyId"/>.
/// </summary>
public sealed class PiiKeyRing
{
    private readonly IReadOnlyDictionary<string, byte[]> _keys;

    public PiiKeyRing(string activeKeyId, IReadOnlyDictionary<string, byte[]> keys, byte[] hashKey)
    {
        if (!keys.ContainsKey(activeKeyId)) throw new InvalidOperationException($"PII key ring has no key '{activeKeyId}'.");
        if (keys.Values.Any(k => k.Length != 32)) throw new InvalidOperationException("PII keys must be 32 bytes (AES-256).");
        if (hashKey.Length < 32) throw new InvalidOperationException("The PII hash key must be at least 32 bytes.");
        ActiveKeyId = activeKeyId;
        _keys = keys;
        HashKey = hashKey;
    }

    public string ActiveKeyId { get; }
    public byte[] ActiveKey => _keys[ActiveKeyId];
    public byte[] HashKey { get; }

    public byte[]? Find(string keyId) => _keys.GetValueOrDefault(keyId);

    public static PiiKeyRing Load(PiiOptions options)
    {
        if (options.Keys.Count > 0)
        {
            return new PiiKeyRing(
                options.ActiveKeyId ?? options.Keys.Keys.First(),
                options.Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value)),
                Convert.FromBase64String(options.HashKey ?? throw new InvalidOperationException("Waterwheel:Pii:HashKey is required with Waterwheel:Pii:Keys.")));
        }
        return LoadOrCreateFile(options.KeyFile);
    }

    private static PiiKeyRing LoadOrCreateFile(string path)
    {
        if (!File.Exists(path)) CreateFile(path);
        var file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"PII key file {path} is empty.");
        return new PiiKeyRing(
            file.ActiveKeyId,
            file.Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value)),
            Convert.FromBase64String(file.HashKey));
    }

    private static void CreateFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var keyId = "k1";
        var file = new KeyFile(keyId,
            new Dictionary<string, string> { [keyId] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        // Created with owner-only permissions before the secret is written, so it is never readable by others.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        JsonSerializer.Serialize(stream, file);
    }

    private sealed record KeyFile(string ActiveKeyId, Dictionary<string, string> Keys, string HashKey);
}
