using System.Text;
using Waterwheel.Customers.Imports;

namespace Waterwheel.Customers.Tests.Unit.Imports;

public sealed class ImportEncodingTests
{
    private const string Text = "订单编号,买家会员名,收货人姓名\n1001,小桥流水,张三\n";

    static ImportEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Sniff(byte[] bytes, int chunk = 7)
    {
        var sniffer = new EncodingSniffer();
        // Small chunks split multi-byte characters across feeds, as the network does.
        for (var i = 0; i < bytes.Length; i += chunk) sniffer.Feed(bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i)));
        return sniffer.Result();
    }

    [Fact]
    public void Utf8_with_a_byte_order_mark_is_utf8() =>
        Assert.Equal(EncodingSniffer.Utf8, Sniff([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text)]));

    [Fact]
    public void Utf8_without_a_byte_order_mark_is_utf8_even_when_characters_straddle_chunks() =>
        Assert.Equal(EncodingSniffer.Utf8, Sniff(Encoding.UTF8.GetBytes(Text), chunk: 1));

    [Fact]
    public void Gbk_text_is_read_as_gb18030() =>
        Assert.Equal(EncodingSniffer.Gb18030, Sniff(Encoding.GetEncoding("GBK").GetBytes(Text)));

    [Fact]
    public void Utf16_is_known_by_its_byte_order_mark() =>
        Assert.Equal(EncodingSniffer.Utf16LittleEndian, Sniff([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Text)]));

    [Fact]
    public void Plain_ascii_is_utf8() => Assert.Equal(EncodingSniffer.Utf8, Sniff("a,b\n1,2\n"u8.ToArray()));

    [Fact]
    public void A_gb18030_name_decodes_gbk_bytes_back_to_the_text() =>
        Assert.Equal(Text, EncodingSniffer.Of(EncodingSniffer.Gb18030).GetString(Encoding.GetEncoding("GBK").GetBytes(Text)));
}
