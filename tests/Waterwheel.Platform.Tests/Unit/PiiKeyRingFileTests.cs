using Waterwheel.Platform.Pii;

namespace Waterwheel.Platform.Tests.Unit;

public sealed class PiiKeyRingFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("waterwheel-keyring-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_key_file_is_created_readable_only_by_its_owner()
    {
        var path = Path.Combine(_folder, "nested", "pii-keys.json");

        PiiKeyRing.Load(new PiiOptions { KeyFile = path });

        Assert.True(File.Exists(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void A_created_key_file_is_reused_on_the_next_start()
    {
        var options = new PiiOptions { KeyFile = Path.Combine(_folder, "pii-keys.json") };
        var first = PiiKeyRing.Load(options);
        var stored = new FieldEncryptor(first).Encrypt("13812345678");

        var second = PiiKeyRing.Load(options);

        Assert.Equal("13812345678", new FieldEncryptor(second).Decrypt(stored));
        Assert.Equal(first.HashKey, second.HashKey);
    }
}
