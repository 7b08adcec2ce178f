using System.Xml;
using System.Xml.Linq;

namespace Waterwheel.WeCom.Callbacks;

/// <summary>Parses callback XML with DTDs prohibited: the body comes from the internet before it is authenticated.</summary>
internal static class SafeXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 4 * 1024 * 1024,
    };

    public static XElement? TryParseRoot(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml)) return null;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            return XDocument.Load(reader).Root;
        }
        catch (XmlException) { return null; }
    }
}
