using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Imports;

namespace Waterwheel.Customers.Tests.Unit.Imports;

public sealed class ImportTemplateTests
{
    private static readonly string[] TmallHeader =
        [" 订单编号 ", "买家会员名", "买家实际支付金额", "订单创建时间\t", "订单付款时间", "收货人姓名", "联系手机", "收货地址", "订单状态", "宝贝标题"];

    private static ImportPlan Plan(string key, string[] header)
    {
        var template = BuiltInTemplates.Find(key)!;
        return ImportPlan.For(template.Kind, template.Channel, template.BuyerIdType, header.Select(h => h.Trim()).ToArray(), ImportMappings.Match(template, header)).Plan!;
    }

    [Fact]
    public void The_tmall_template_finds_its_columns_in_a_padded_header()
    {
        var mapping = ImportMappings.Match(BuiltInTemplates.Find("tmall")!, TmallHeader);
        Assert.Equal("订单编号", mapping[ImportField.OrderNumber]);
        Assert.Equal("订单创建时间", mapping[ImportField.OrderedAt]);
        Assert.Equal("联系手机", mapping[ImportField.Phone]);
        Assert.Empty(ImportMappings.Missing(ImportKind.Orders, mapping));
    }

    [Fact]
    public void The_jd_template_knows_the_older_name_of_the_account_column()
    {
        var mapping = ImportMappings.Match(BuiltInTemplates.Find("jd")!, ["订单号", "京东账号(PIN)", "订单金额", "下单时间"]);
        Assert.Equal("京东账号(PIN)", mapping[ImportField.BuyerId]);
        Assert.Equal("订单金额", mapping[ImportField.Amount]);
    }

    [Fact]
    public void A_mapping_without_an_order_number_or_anyone_to_name_says_what_it_lacks()
    {
        var missing = ImportMappings.Missing(ImportKind.Orders, new Dictionary<ImportField, string> { [ImportField.Amount] = "金额", [ImportField.OrderedAt] = "时间" });
        Assert.Equal(["OrderNumber", "BuyerId|Phone"], missing);
    }

    [Fact]
    public void A_tmall_row_reads_as_an_order_in_utc_with_the_export_quirks_undone()
    {
        var plan = Plan("tmall", TmallHeader);
        var (record, problems) = ImportRowParser.Parse(plan, new ImportRow(2,
            ["=\"2964012345678901234\"", "小桥流水", "¥1,288.50", "2026-11-11 00:05:12", "2026/11/11 0:06", "张三", "138****5678", "浙江省杭州市", "交易成功", "羊毛围巾"]));
        Assert.Empty(problems);
        Assert.Equal("2964012345678901234", record!.OrderNumber);
        Assert.Equal(1288.50m, record.Amount);
        Assert.Equal(new DateTime(2026, 11, 10, 16, 5, 12, DateTimeKind.Utc), record.OrderedAt);
        Assert.Equal("小桥流水", record.BuyerId);
        // The platform hid the number: the row has no mobile, and that is not its fault.
        Assert.Null(record.Phone);
        Assert.Equal(IdentityType.TaobaoBuyerId, plan.BuyerIdType);
    }

    [Fact]
    public void Every_problem_of_a_row_is_reported_at_once_and_a_mobile_only_masked()
    {
        var plan = Plan("tmall", TmallHeader);
        var (record, problems) = ImportRowParser.Parse(plan, new ImportRow(7, ["", "", "十块", "昨天", "", "李四", "1381234567", "", "", ""]));
        Assert.Null(record);
        Assert.Equal(
            [(7, "订单编号", "required"), (7, "买家实际支付金额", "not_an_amount"), (7, "订单创建时间", "not_a_time"), (7, "联系手机", "not_a_mobile")],
            problems.Select(p => (p.Line, p.Column, p.Code)).ToArray());
        Assert.DoesNotContain(problems, p => p.Reason.Contains("1381234567"));
    }

    [Fact]
    public void A_row_cut_short_is_one_problem_of_the_whole_row()
    {
        var (record, problems) = ImportRowParser.Parse(Plan("tmall", TmallHeader), new ImportRow(9, ["2964", "小桥流水", "12"]));
        Assert.Null(record);
        Assert.Equal((9, "", "row_cut_off"), problems.Select(p => (p.Line, p.Column, p.Code)).Single());
    }

    [Fact]
    public void A_customer_row_needs_a_mobile_email_or_member_number()
    {
        var plan = Plan("customers", ["姓名", "手机号", "邮箱", "性别", "会员卡号"]);
        var (record, _) = ImportRowParser.Parse(plan, new ImportRow(2, ["王五", "+86 139-0000-1111", "WANG@Example.com", "男", ""]));
        Assert.Equal(("13900001111", "wang@example.com", Profiles.Gender.Male), (record!.Phone, record.Email, record.Gender));
        var (none, problems) = ImportRowParser.Parse(plan, new ImportRow(3, ["赵六", "", "", "女", ""]));
        Assert.Null(none);
        Assert.Equal(("手机号/邮箱/会员卡号", "no_identifier"), problems.Select(p => (p.Column, p.Code)).Single());
    }
}
