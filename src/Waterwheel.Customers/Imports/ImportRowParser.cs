using Waterwheel.Customers.Consent;
using System.Globalization;
using Waterwheel.Customers.Identity;
using Waterwheel.Customers.Profiles;
using Waterwheel.Platform.Pii;

namespace Waterwheel.Customers.Imports;

/// <summary>
/// Checks one row against its plan and reads it, reporting every problem of the row at once. Problems never show a
/// mobile number in clear: the reader of an error list may not be allowed to see it.
/// </summary>
internal static class ImportRowParser
{
    public const int OrderNumberLength = 64;
    public const int NameLength = 100;

    /// <summary>Exports are in China Standard Time, which has had no daylight saving since 1991.</summary>
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "yyyy-MM-dd",
        "yyyy/M/d HH:mm:ss", "yyyy/M/d H:mm:ss", "yyyy/M/d HH:mm", "yyyy/M/d H:mm", "yyyy/M/d",
        "yyyy-MM-ddTHH:mm:ss", "yyyyMMddHHmmss", "yyyy.M.d HH:mm:ss", "yyyy.M.d",
    ];

    public static (ImportRecord? Record, List<RowProblem> Problems) Parse(ImportPlan plan, ImportRow row)
    {
        var problems = new List<RowProblem>();
        if (row.Cells.Length < plan.Header.Length && plan.Cells.Values.Any(i => i >= row.Cells.Length))
        {
            problems.Add(new(row.Line, "", "row_cut_off", $"The row has {row.Cells.Length} of {plan.Header.Length} columns: the file may be cut off here."));
            return (null, problems);
        }
        if (row.Malformed is { } malformed)
        {
            problems.Add(new(row.Line, "", "malformed", $"The row's quoting is broken ({malformed}): the file may be cut off or damaged here."));
            return (null, problems);
        }

        string? Cell(ImportField field) => plan.Cells.TryGetValue(field, out var i) && i < row.Cells.Length && Clean(row.Cells[i]) is { Length: > 0 } v ? v : null;
        void Problem(ImportField field, string code, string reason) => problems.Add(new(row.Line, plan.ColumnOf(field), code, reason));

        foreach (var field in ImportMappings.Required(plan.Kind))
            if (Cell(field) is null) Problem(field, "required", $"{plan.ColumnOf(field)} is empty.");

        var orderNumber = Cell(ImportField.OrderNumber);
        if (orderNumber is { Length: > OrderNumberLength }) Problem(ImportField.OrderNumber, "too_long", $"An order number has at most {OrderNumberLength} characters.");
        var amount = Amount(Cell(ImportField.Amount), ImportField.Amount, Problem);
        var orderedAt = Time(Cell(ImportField.OrderedAt), ImportField.OrderedAt, Problem);
        var paidAt = Time(Cell(ImportField.PaidAt), ImportField.PaidAt, Problem);

        var buyerId = plan.BuyerIdType is { } type && Cell(ImportField.BuyerId) is { } rawBuyer ? IdentityValues.Normalise(type, rawBuyer) : null;
        var phone = Phone(Cell(ImportField.Phone), Problem);
        string? email = null;
        if (Cell(ImportField.Email) is { } rawEmail && (email = IdentityValues.Normalise(IdentityType.Email, rawEmail)) is null)
            Problem(ImportField.Email, "not_an_email", $"{plan.ColumnOf(ImportField.Email)} is not an email address.");
        var identified = buyerId is not null || phone is not null || email is not null;
        var identifiersProblem = problems.Any(p => p.Code is "not_a_mobile" or "not_an_email");
        if (!identified && !identifiersProblem)
        {
            var columns = ImportMappings.Identifying(plan.Kind).Where(plan.Cells.ContainsKey).Select(plan.ColumnOf);
            problems.Add(new(row.Line, string.Join("/", columns), "no_identifier", "The row names nobody: it needs a buyer id, a mobile number or an email address."));
        }

        var name = Cell(ImportField.Name);
        if (name is { Length: > NameLength }) name = name[..NameLength];
        var consent = new Dictionary<ConsentChannel, bool>();
        foreach (var (field, channel) in ConsentFields)
            if (Cell(field) is { } answer)
            {
                if (YesNo(answer) is { } granted) consent[channel] = granted;
                else Problem(field, "not_yes_or_no", $"{plan.ColumnOf(field)} must be yes or no (是/否, Y/N, 同意/不同意).");
            }
        if (problems.Count > 0) return (null, problems);
        return (new ImportRecord(row.Line, orderNumber, buyerId, amount, orderedAt, paidAt, Cell(ImportField.OrderStatus), Cell(ImportField.Product),
            name, phone, email, Gender(Cell(ImportField.Gender))) { Consent = consent }, problems);
    }

    private static readonly (ImportField Field, ConsentChannel Channel)[] ConsentFields =
        [(ImportField.SmsConsent, ConsentChannel.Sms), (ImportField.EmailConsent, ConsentChannel.Email), (ImportField.WeComConsent, ConsentChannel.WeComMessage)];

    /// <summary>How signup forms and tills write an answer; anything else is a mistake to show, not a guess to make.</summary>
    private static bool? YesNo(string answer) => answer.Trim().ToLowerInvariant() switch
    {
        "是" or "同意" or "已同意" or "y" or "yes" or "true" or "1" or "√" => true,
        "否" or "不同意" or "拒绝" or "n" or "no" or "false" or "0" or "×" => false,
        _ => null,
    };

    /// <summary>
    /// Undoes what exports do to keep spreadsheets from mangling values: <c>="123"</c> and a leading apostrophe keep a
    /// long order number from becoming 1.23E+18, a trailing tab does the same in JD's files.
    /// </summary>
    public static string Clean(string? raw)
    {
        var value = (raw ?? "").Trim().Trim('\t');
        if (value.StartsWith("=\"", StringComparison.Ordinal) && value.EndsWith('"') && value.Length >= 3) value = value[2..^1];
        if (value.StartsWith('\'')) value = value[1..];
        return value.Trim();
    }

    private static decimal? Amount(string? text, ImportField field, Action<ImportField, string, string> problem)
    {
        if (text is null) return null;
        var digits = text.Replace("¥", "").Replace("￥", "").Replace("元", "").Replace(",", "").Trim();
        if (!decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            problem(field, "not_an_amount", "The amount is not a number.");
            return null;
        }
        if (amount is < 0 or > 100_000_000m)
        {
            problem(field, "amount_out_of_range", "The amount must be between 0 and 100,000,000 yuan.");
            return null;
        }
        return Math.Round(amount, 2, MidpointRounding.AwayFromZero);
    }

    private static DateTime? Time(string? text, ImportField field, Action<ImportField, string, string> problem)
    {
        if (text is null) return null;
        if (DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaTime).UtcDateTime;
        // A date cell of a spreadsheet whose format was lost reads as its serial number (days since 1899-12-30).
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20_000 and < 80_000)
            return new DateTimeOffset(DateTime.FromOADate(serial), ChinaTime).UtcDateTime;
        problem(field, "not_a_time", "The value is not a date and time (such as 2026-11-30 14:05:00).");
        return null;
    }

    /// <summary>A platform that hides the buyer's number (138****5678) gives none, which is not the row's fault.</summary>
    private static string? Phone(string? text, Action<ImportField, string, string> problem)
    {
        if (text is null || text.Contains('*')) return null;
        if (IdentityValues.Normalise(IdentityType.Phone, text) is { } phone) return phone;
        problem(ImportField.Phone, "not_a_mobile", $"{Mask.Phone(text)} is not a mainland mobile number.");
        return null;
    }

    private static Gender Gender(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "男" or "m" or "male" or "1" => Profiles.Gender.Male,
        "女" or "f" or "female" or "2" => Profiles.Gender.Female,
        _ => Profiles.Gender.Unknown,
    };
}
