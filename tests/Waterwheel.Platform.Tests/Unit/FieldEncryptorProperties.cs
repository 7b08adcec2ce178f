using FsCheck;
using FsCheck.Xunit;
using Waterwheel.Platform.Pii;

namespace Waterwheel.Platform.Tests.Unit;

public sealed class FieldEncryptorProperties
{
    private static readonly FieldEncryptor Encryptor = new(TestKeys.OnlyK1);

    [Property(MaxTest = 300)]
    public bool Decrypt_after_encrypt_is_identity(NonNull<string> value) =>
        Encryptor.Decrypt(Encryptor.Encrypt(value.Get)) == value.Get;
}
