using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waterwheel.Customers.Data;
using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Imports;
using Waterwheel.Platform.Tenancy;
using Waterwheel.Testing;

namespace Waterwheel.Customers.Tests.Integration.Imports;

/// <summary>Imports through the real app: upload, dry run, commit in either mode, progress, and what lands in the profiles.</summary>
public abstract class ImportApiTests(string provider) : IAsyncLifetime
{
    private WaterwheelApp _app = null!;
    private HttpClient _admin = null!;
    private Guid _tenant;

    public async Task InitializeAsync()
    {
        _app = new WaterwheelApp(await TestDatabase.Create(provider), new Dictionary<string, string?>
        {
            ["Waterwheel:Customers:Imports:PollInterval"] = "00:00:00.200",
            ["Waterwheel:Customers:Imports:BatchSize"] = "40",
        });
        _admin = await _app.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        _tenant = (await _admin.GetFromJsonAsync<JsonElement>("/api/platform/me")).GetProperty("tenantId").GetGuid();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<JsonElement> Upload(byte[] file, string name, string? template)
    {
        using var response = await Post(file, name, template);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> Post(byte[] file, string name, string? template)
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        content.Add(part, "file", name);
        return _admin.PostAsync(template is null ? "/api/customers/imports" : $"/api/customers/imports?template={template}", content);
    }

    private async Task<JsonElement> Until(Guid id, string status)
    {
        JsonElement job = default;
        for (var i = 0; i < 1200; i++)
        {
            job = await _admin.GetFromJsonAsync<JsonElement>($"/api/customers/imports/{id}");
            if (job.GetProperty("status").GetString() == status) return job;
            await Task.Delay(50);
        }
        Assert.Fail($"Import {id} did not reach {status}: {job}. The server said:\n{string.Join("\n", _app.Log.Lines.TakeLast(5))}");
        return job;
    }

    private async Task<JsonElement> Checked(byte[] file, string name, string template) => await Until(Id(await Upload(file, name, template)), "Validated");

    private async Task<JsonElement> Committed(Guid id, string mode)
    {
        using var response = await _admin.PostAsJsonAsync($"/api/customers/imports/{id}/commit", new { mode });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await Until(id, "Done");
    }

    private async Task<(int Line, string Column, string Code)[]> Errors(Guid id)
    {
        var page = await _admin.GetFromJsonAsync<JsonElement>($"/api/customers/imports/{id}/errors?pageSize=200");
        return page.GetProperty("items").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("code").GetString()!)).ToArray();
    }

    private static Guid Id(JsonElement job) => job.GetProperty("id").GetGuid();

    private static int Count(JsonElement job, string name) => job.GetProperty(name).GetInt32();

    private Task<T> Read<T>(Func<CustomersDbContext, Task<T>> query) => _app.InScope(sp =>
    {
        sp.GetRequiredService<ActorContext>().UseSystem(_tenant);
        return query(sp.GetRequiredService<CustomersDbContext>());
    });

    private Task<(int Profiles, int Orders)> Written() =>
        Read(async db => (await db.Profiles.CountAsync(), await db.Timeline.CountAsync(t => t.Amount != null)));

    [Fact]
    public async Task A_gbk_tmall_export_becomes_profiles_and_orders_and_a_second_import_of_it_changes_nothing()
    {
        var file = ExportFiles.TmallGbk(orders: 60, buyers: 25);
        var job = await Checked(file, "ExportOrderList202611.csv", "tmall");
        Assert.Equal(("gb18030", 60, 60, 0), (job.GetProperty("encoding").GetString(), Count(job, "totalRows"), Count(job, "validRows"), Count(job, "invalidRows")));

        var done = await Committed(Id(job), "AllOrNothing");
        // Orders 15, 30, 45 and 60 were closed unpaid: their buyers are known, the orders not counted.
        Assert.Equal((56, 0, 4, 100), (Count(done, "writtenRows"), Count(done, "duplicateRows"), Count(done, "skippedRows"), Count(done, "progress")));
        Assert.Equal((25, 56), await Written());
        // Read in the right encoding: the Chinese names and buyer ids arrive intact.
        var buyer = await Read(db => (from i in db.Identities where i.Type == IdentityType.TaobaoBuyerId && i.Key == "tb_买家7"
                                      join p in db.Profiles on i.ProfileId equals p.Id select p).SingleAsync());
        Assert.Equal("顾客7", buyer.Name);
        var expected = Enumerable.Range(1, 60).Where(i => i % 25 == 7).Sum(i => 100 + i + 0.5m);
        Assert.Equal(expected, buyer.TotalSpent);
        var order = await Read(db => db.Timeline.Where(t => t.ProfileId == buyer.Id).Select(t => t.Properties).FirstAsync());
        Assert.Contains("\"orderId\":\"29640", order);
        Assert.DoesNotContain("1380000", order);

        var again = await Committed(Id(await Checked(file, "ExportOrderList202611-again.csv", "tmall")), "AllOrNothing");
        Assert.Equal((0, 56), (Count(again, "writtenRows"), Count(again, "duplicateRows")));
        Assert.Equal((25, 56), await Written());
    }

    [Fact]
    public async Task A_utf8_csv_with_a_byte_order_mark_is_read_by_its_header()
    {
        var rows = Enumerable.Range(1, 12).Select(i => new[]
        {
            $"3012{i:00000000}\t", $"jd_pin_{i % 4}", $"{i * 10}", $"2026/11/{i} 9:30:00", $"客户{i % 4}", $"1370000{i % 4:0000}", "北京市朝阳区", "完成", "保温杯",
        });
        var job = await Checked(ExportFiles.Utf8WithBom(ExportFiles.JdHeader, rows), "jd.csv", "jd");
        Assert.Equal(("utf-8", 12, 0), (job.GetProperty("encoding").GetString(), Count(job, "validRows"), Count(job, "invalidRows")));
        Assert.Equal("订单号", job.GetProperty("mapping").GetProperty("OrderNumber").GetString());
        await Committed(Id(job), "AllOrNothing");
        Assert.Equal((4, 12), await Written());
        Assert.Equal(4, await Read(db => db.Identities.CountAsync(i => i.Type == IdentityType.JdPin)));
    }

    [Fact]
    public async Task An_xlsx_from_the_tills_is_imported()
    {
        var rows = Enumerable.Range(1, 30).Select(i => new object[]
        {
            $"POS-{i:0000}", $"M{i % 10:000}", 20.5m + i, new DateTime(2026, 10, 1 + i % 28, 12, 0, 0), $"会员{i % 10}", $"1360000{i % 10:0000}", "南京西路店",
        });
        var job = await Checked(ExportFiles.Xlsx(ExportFiles.PosHeader, rows), "pos-october.xlsx", "pos");
        Assert.Equal(("", 30, 0), (job.GetProperty("encoding").GetString(), Count(job, "validRows"), Count(job, "invalidRows")));
        await Committed(Id(job), "AllOrNothing");
        Assert.Equal((10, 30), await Written());
        var firstOrder = await Read(db => db.Timeline.Where(t => t.Amount != null).OrderBy(t => t.OccurredAt).Select(t => new { t.OccurredAt, t.Amount }).FirstAsync());
        // The till's 12:00 is China time.
        Assert.Equal(new DateTime(2026, 10, 1, 4, 0, 0, DateTimeKind.Utc), firstOrder.OccurredAt);
    }

    /// <summary>100 rows of a Douyin export; rows 10, 30, 50, 70 and 90 (lines 11, 31, 51, 71 and 91) are bad.</summary>
    private static (byte[] File, int Buyers) DouyinWithBadRows()
    {
        var rows = new List<string[]>();
        for (var i = 1; i <= 100; i++)
        {
            string[] row = [$"69{i:0000000000000}", $"dy_{i % 40}", $"{i}.90", $"2026-11-20 20:{i % 60:00}:00", "", $"买家{i % 40}", $"1350000{i % 40:0000}", "上海市", "已完成", "口红"];
            switch (i)
            {
                case 10: row[2] = "12x.50"; break;
                case 30: row[3] = "2026-13-45 10:00:00"; break;
                case 50: (row[1], row[6]) = ("", "1381234"); break;
                case 70: row[0] = ""; break;
                case 90: (row[2], row[1], row[6]) = ("-5", "", "135****0000"); break;
            }
            rows.Add(row);
        }
        var valid = Enumerable.Range(1, 100).Except([10, 30, 50, 70, 90]).Select(i => i % 40).Distinct().Count();
        return (ExportFiles.Utf8WithBom(ExportFiles.DouyinHeader, rows), valid);
    }

    [Fact]
    public async Task The_dry_run_lists_every_bad_row_and_all_or_nothing_writes_nothing()
    {
        var (file, _) = DouyinWithBadRows();
        var job = await Checked(file, "douyin.csv", "douyin");
        Assert.Equal((100, 95, 5, 6), (Count(job, "totalRows"), Count(job, "validRows"), Count(job, "invalidRows"), Count(job, "errorCount")));
        Assert.Equal(
            [
                (11, "订单应付金额", "not_an_amount"),
                (31, "订单提交时间", "not_a_time"),
                (51, "收件人手机号", "not_a_mobile"),
                (71, "主订单编号", "required"),
                (91, "订单应付金额", "amount_out_of_range"),
                (91, "抖音用户ID/收件人手机号", "no_identifier"),
            ],
            await Errors(Id(job)));
        var reasons = await _admin.GetStringAsync($"/api/customers/imports/{Id(job)}/errors");
        Assert.DoesNotContain("1381234", reasons);

        using var refused = await _admin.PostAsJsonAsync($"/api/customers/imports/{Id(job)}/commit", new { mode = "AllOrNothing" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        await Task.Delay(300);
        Assert.Equal((0, 0), await Written());
        Assert.Equal("Validated", (await _admin.GetFromJsonAsync<JsonElement>($"/api/customers/imports/{Id(job)}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Skipping_invalid_rows_writes_exactly_the_valid_ones()
    {
        var (file, buyers) = DouyinWithBadRows();
        var job = await Checked(file, "douyin.csv", "douyin");
        var done = await Committed(Id(job), "SkipInvalid");
        Assert.Equal((95, 0), (Count(done, "writtenRows"), Count(done, "duplicateRows")));
        Assert.Equal((buyers, 95), await Written());
        var keys = await Read(db => db.Timeline.Where(t => t.Amount != null).Select(t => t.SourceKey).ToListAsync());
        Assert.DoesNotContain(ImportRowWriter.OrderKey("douyin", "690000000000010"), keys);
        Assert.Contains(ImportRowWriter.OrderKey("douyin", "690000000000011"), keys);
    }

    [Fact]
    public async Task A_csv_cut_off_mid_row_reports_the_last_row_and_writes_nothing_all_or_nothing()
    {
        var whole = ExportFiles.Utf8WithBom(ExportFiles.TmallHeader, Enumerable.Range(1, 20).Select(i => new[]
        {
            $"2964{i:0000}", $"tb_{i}", "9.90", "2026-11-11 10:00:00", "2026-11-11 10:00:05", "张三", "13800001111", "\"杭州\"", "交易成功", "围巾",
        }));
        var cut = whole[..(whole.Length - 60)];
        var job = await Checked(cut, "cut.csv", "tmall");
        Assert.Equal((20, 19, 1), (Count(job, "totalRows"), Count(job, "validRows"), Count(job, "invalidRows")));
        Assert.Equal([(21, "", "row_cut_off")], await Errors(Id(job)));
        using var refused = await _admin.PostAsJsonAsync($"/api/customers/imports/{Id(job)}/commit", new { mode = "AllOrNothing" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal((0, 0), await Written());
    }

    [Fact]
    public async Task A_truncated_xlsx_fails_with_a_clear_reason_and_writes_nothing()
    {
        var whole = ExportFiles.Xlsx(ExportFiles.PosHeader, Enumerable.Range(1, 50).Select(i => new object[] { $"P{i}", $"M{i}", 10m, "2026-10-01 12:00:00", "会员", "13600000000", "店" }));
        using var response = await Post(whole[..(whole.Length / 2)], "pos.xlsx", "pos");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("已损坏或不完整", await response.Content.ReadAsStringAsync());
        Assert.Equal((0, 0), await Written());
        Assert.Equal(0, await Read(db => db.Set<ImportFileChunk>().CountAsync()));
    }

    [Fact]
    public async Task A_file_whose_header_differs_waits_for_its_columns_to_be_mapped()
    {
        string[] header = ["单据编号", "会员卡", "消费金额", "消费时间", "会员手机"];
        var rows = Enumerable.Range(1, 5).Select(i => new[] { $"A{i}", $"VIP{i}", "50", "2026-09-09 09:09:09", $"1390000{i:0000}" });
        var job = await Upload(ExportFiles.Utf8WithBom(header, rows), "store.csv", "pos");
        Assert.Equal("Uploaded", job.GetProperty("status").GetString());
        var preview = await _admin.GetFromJsonAsync<JsonElement>($"/api/customers/imports/{Id(job)}/preview");
        Assert.Equal(header, preview.GetProperty("header").EnumerateArray().Select(h => h.GetString()!).ToArray());
        // The wizard shows sample rows to whoever maps the columns: mobiles masked.
        Assert.Equal("139****0001", preview.GetProperty("rows")[0][4].GetString());

        using var mapped = await _admin.PostAsJsonAsync($"/api/customers/imports/{Id(job)}/mapping", new
        {
            template = "pos",
            columns = new Dictionary<string, string> { ["OrderNumber"] = "单据编号", ["BuyerId"] = "会员卡", ["Amount"] = "消费金额", ["OrderedAt"] = "消费时间", ["Phone"] = "会员手机" },
        });
        Assert.Equal(HttpStatusCode.OK, mapped.StatusCode);
        var validated = await Until(Id(job), "Validated");
        Assert.Equal((5, 0), (Count(validated, "validRows"), Count(validated, "invalidRows")));

        // Once mapped, the member card column is a person's id: in clear only for a reader who may see personal data.
        var adminPreview = await _admin.GetFromJsonAsync<JsonElement>($"/api/customers/imports/{Id(job)}/preview");
        Assert.Equal("VIP1", adminPreview.GetProperty("rows")[0][1].GetString());
        var operatorPreview = await (await Operator()).GetFromJsonAsync<JsonElement>($"/api/customers/imports/{Id(job)}/preview");
        Assert.Equal(["A1", "V***", "50", "2026-09-09 09:09:09", "139****0001"], operatorPreview.GetProperty("rows")[0].EnumerateArray().Select(c => c.GetString()!).ToArray());
    }

    [Fact]
    public async Task An_upload_left_uncommitted_loses_its_file_after_the_retention_and_says_why()
    {
        var rows = Enumerable.Range(1, 3).Select(i => new object[] { $"P{i}", $"M{i}", 10m, "2026-10-01 12:00:00", "会员", "13600000000", "店" });
        var job = await Checked(ExportFiles.Xlsx(ExportFiles.PosHeader, rows), "pos.xlsx", "pos");
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        Assert.Equal(0, await Read(db => ExpireAbandoned(db, now.AddDays(6))));
        Assert.Equal(1, await Read(db => ExpireAbandoned(db, now.AddDays(8))));

        var expired = await _admin.GetFromJsonAsync<JsonElement>($"/api/customers/imports/{Id(job)}");
        Assert.Equal("Failed", expired.GetProperty("status").GetString());
        Assert.Contains("deleted after 7 days", expired.GetProperty("failure").GetString());
        Assert.Equal(0, await Read(db => db.Set<ImportFileChunk>().CountAsync()));
        Assert.Equal(0, await Read(db => ExpireAbandoned(db, now.AddDays(30))));
    }

    private Task<int> ExpireAbandoned(CustomersDbContext db, DateTime now) =>
        new ImportFiles(db, Microsoft.Extensions.Options.Options.Create(new ImportOptions())).ExpireAbandoned(now, CancellationToken.None);

    /// <summary>A head-office operator: may import (profiles.write) but not see personal data in clear (no pii.reveal).</summary>
    private async Task<HttpClient> Operator()
    {
        var units = await _admin.GetFromJsonAsync<JsonElement>("/api/platform/org-units");
        var hq = units.EnumerateArray().Single(u => u.GetProperty("kind").GetString() == "HeadOffice").GetProperty("id").GetGuid();
        using var created = await _admin.PostAsJsonAsync("/api/platform/staff", new { name = "运营", mobile = "13700000005", role = "HqOperator", orgUnitId = hq });
        var staff = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await _admin.PostAsJsonAsync($"/api/platform/staff/{staff}/account", new { userName = "operator", password = "Operator-Pass-2026" })).EnsureSuccessStatusCode();
        return await _app.SignedIn("operator", "Operator-Pass-2026");
    }

    [Fact]
    public async Task A_tenants_own_template_imports_a_customer_list()
    {
        using var created = await _admin.PostAsJsonAsync("/api/customers/imports/templates", new
        {
            name = "有赞会员导出", kind = "Customers", channel = "youzan", buyerIdType = "UserId",
            columns = new Dictionary<string, string> { ["Name"] = "会员昵称", ["Phone"] = "手机", ["BuyerId"] = "有赞ID", ["Gender"] = "性别" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var template = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        var templates = await _admin.GetFromJsonAsync<JsonElement>("/api/customers/imports/templates");
        Assert.Equal(["tmall", "jd", "douyin", "pos", "customers", template], templates.EnumerateArray().Select(t => t.GetProperty("key").GetString()!).ToArray());

        var rows = Enumerable.Range(1, 8).Select(i => new[] { $"会员{i}", $"1330000{i:0000}", $"yz{i}", i % 2 == 0 ? "女" : "男" });
        var job = await Checked(ExportFiles.Utf8WithBom(["有赞ID", "会员昵称", "手机", "性别"], rows.Select(r => new[] { r[2], r[0], r[1], r[3] })), "youzan.csv", template);
        var done = await Committed(Id(job), "AllOrNothing");
        Assert.Equal(8, Count(done, "writtenRows"));
        Assert.Equal((8, 0), await Written());
        Assert.Equal(4, await Read(db => db.Profiles.CountAsync(p => p.Gender == Profiles.Gender.Female)));
    }

    [Fact]
    public async Task A_customer_list_records_marketing_consent_once_and_names_an_answer_that_is_not_yes_or_no()
    {
        string[] header = ["姓名", "手机号", "短信营销同意", "企业微信营销同意"];
        string[][] rows = [["王一", "13511110001", "是", "否"], ["王二", "13511110002", "N", ""], ["王三", "13511110003", "也许", "是"]];
        var job = await Checked(ExportFiles.Utf8WithBom(header, rows), "members.csv", "customers");
        Assert.Equal([(4, "短信营销同意", "not_yes_or_no")], await Errors(Id(job)));
        await Committed(Id(job), "SkipInvalid");
        var granted = await Read(db => db.Consents.OrderBy(c => c.Channel).ThenBy(c => c.Granted)
            .Select(c => new { c.Channel, c.Granted, c.Source, c.Evidence }).ToListAsync());
        Assert.Equal(3, granted.Count);
        Assert.All(granted, c => Assert.Equal(Consent.ConsentSource.Import, c.Source));
        Assert.Equal([(Consent.ConsentChannel.WeComMessage, false), (Consent.ConsentChannel.Sms, false), (Consent.ConsentChannel.Sms, true)],
            granted.Select(c => (c.Channel, c.Granted)).OrderBy(c => c.Channel).ThenBy(c => c.Granted).ToArray());
        Assert.Contains(granted, c => c.Evidence == "file import, line 2");

        // The same list again: the answers have not changed, so the history gains nothing.
        await Committed(Id(await Checked(ExportFiles.Utf8WithBom(header, rows), "members-again.csv", "customers")), "SkipInvalid");
        Assert.Equal(3, await Read(db => db.Consents.CountAsync()));
    }

    [Fact]
    public async Task A_commit_a_dead_node_left_half_done_is_resumed_after_its_last_committed_row()
    {
        var (file, _) = DouyinWithBadRows();
        var job = await Checked(file, "douyin.csv", "douyin");
        // The node that held the job died after committing the rows through line 41; its lease has lapsed.
        await Read(db => db.Set<ImportJob>().Where(j => j.Id == Id(job)).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ImportStatus.Committing).SetProperty(j => j.Mode, ImportMode.SkipInvalid)
            .SetProperty(j => j.CommittedThroughRow, 41).SetProperty(j => j.LeaseOwner, "node-that-died")
            .SetProperty(j => j.LeaseUntil, TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1))));
        var done = await Until(Id(job), "Done");
        // Lines 42–101 hold 60 rows, of which lines 51, 71 and 91 are invalid.
        Assert.Equal(57, Count(done, "writtenRows"));
        Assert.Equal(57, (await Written()).Orders);
    }

    [Fact]
    public async Task A_job_another_node_holds_is_left_alone()
    {
        var (file, _) = DouyinWithBadRows();
        var job = await Checked(file, "douyin.csv", "douyin");
        await Read(db => db.Set<ImportJob>().Where(j => j.Id == Id(job)).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ImportStatus.Committing).SetProperty(j => j.Mode, ImportMode.SkipInvalid)
            .SetProperty(j => j.LeaseOwner, "node-at-work").SetProperty(j => j.LeaseUntil, TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(5))));
        await Task.Delay(1000);
        Assert.Equal((0, 0), await Written());
    }

    [Fact]
    public async Task A_file_of_200000_rows_is_checked_to_its_end()
    {
        var rows = Enumerable.Range(1, 200_000).Select(i => new[]
        {
            $"B{i}", $"M{i % 5000}", "19.9", "2026-11-01 08:00:00", "会员", i % 1000 == 0 ? "12345" : $"1360{i % 5000:0000000}", "店",
        });
        var job = await Checked(ExportFiles.Utf8WithBom(ExportFiles.PosHeader, rows), "big.csv", "pos");
        Assert.Equal((200_000, 199_800, 200), (Count(job, "totalRows"), Count(job, "validRows"), Count(job, "invalidRows")));
    }
}

public sealed class ImportApiSqlite() : ImportApiTests("sqlite");

public sealed class ImportApiPostgres() : ImportApiTests("postgres");
