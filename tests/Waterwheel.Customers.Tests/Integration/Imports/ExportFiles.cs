using System.Text;
using MiniExcelLibs;

namespace Waterwheel.Customers.Tests.Integration.Imports;

/// <summary>Files shaped like the platforms' real exports, made in the test.</summary>
internal static class ExportFiles
{
    static ExportFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static readonly string[] TmallHeader =
        ["订单编号", "买家会员名", "买家实际支付金额", "订单创建时间", "订单付款时间", "收货人姓名", "联系手机", "收货地址", "订单状态", "宝贝标题"];

    public static readonly string[] DouyinHeader =
        ["主订单编号", "抖音用户ID", "订单应付金额", "订单提交时间", "支付完成时间", "收件人", "收件人手机号", "详细地址", "订单状态", "选购商品"];

    public static readonly string[] JdHeader = ["订单号", "下单帐号", "应付金额", "下单时间", "客户姓名", "联系电话", "客户地址", "订单状态", "商品名称"];

    public static readonly string[] PosHeader = ["单号", "会员卡号", "金额", "时间", "姓名", "手机号", "门店"];

    /// <summary>
    /// A Tmall export as 千牛 saves it: GBK, order numbers wrapped as ="…" so that Excel keeps their digits, every 15th
    /// order closed unpaid.
    /// </summary>
    public static byte[] TmallGbk(int orders, int buyers)
    {
        var rows = Enumerable.Range(1, orders).Select(i => new[]
        {
            $"=\"29640{i:000000000000}\"", $"tb_买家{i % buyers}", $"{100 + i}.50", $"2026-11-{1 + i % 28:00} 10:{i % 60:00}:00", $"2026-11-{1 + i % 28:00} 10:{i % 60:00}:30",
            $"顾客{i % buyers}", i % 2 == 0 ? $"1380000{i % buyers:0000}" : "138****0000", "浙江省 杭州市 西湖区 文三路1号", i % 15 == 0 ? "交易关闭" : "交易成功", "羊绒围巾 \"冬季\"款",
        });
        return Encoding.GetEncoding("GBK").GetBytes(Csv(TmallHeader, rows));
    }

    public static byte[] Utf8WithBom(string[] header, IEnumerable<string[]> rows) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Csv(header, rows))];

    public static string Csv(string[] header, IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header)) text.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        return text.ToString();
    }

    public static byte[] Xlsx(string[] header, IEnumerable<object[]> rows)
    {
        var sheet = rows.Select(r => header.Select((h, i) => (h, r[i])).ToDictionary(c => c.h, c => c.Item2)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static string Quote(string value) =>
        value.StartsWith("=\"", StringComparison.Ordinal) || !value.Any(c => c is ',' or '"' or '\n') ? value : $"\"{value.Replace("\"", "\"\"")}\"";
}
