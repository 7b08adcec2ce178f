using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Waterwheel.Platform.Pii;

/// <summary>
/// Encrypts the Data Protection key ring at rest with the PII key ring (AES-256-GCM). The ring is stored in the
/// database beside everything else; in clear, anyone who could read that table could mint session cookies. Kept like
/// the PII keys, outside the database, the ring's secrets are only as readable as the phone numbers.
/// </summary>
internal sealed class KeyRingXmlEncryptor(FieldEncryptor encryptor) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(
        new XElement("encryptedKey", new XComment(" encrypted with the Waterwheel PII key ring "),
            new XElement("value", encryptor.Encrypt(plaintextElement.ToString(SaveOptions.DisableFormatting)))),
        typeof(KeyRingXmlDecryptor));
}

/// <summary>Reads what <see cref="KeyRingXmlEncryptor"/> wrote; Data Protection creates it with the app's services.</summary>
internal sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(services.GetRequiredService<FieldEncryptor>().Decrypt(
            encryptedElement.Element("value")?.Value ?? throw new InvalidOperationException("The encrypted key has no value.")));
}
