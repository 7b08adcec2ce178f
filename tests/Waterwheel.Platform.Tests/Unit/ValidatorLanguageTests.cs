using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using Waterwheel.Platform.Api;
using Waterwheel.Platform.Contracts;
using Waterwheel.Platform.Organisation;
using Waterwheel.Platform.Staff;
using Waterwheel.Platform.Stores;

namespace Waterwheel.Platform.Tests.Unit;

/// <summary>
/// Every rule of the platform's forms, broken at once, explains itself in Chinese to a Chinese operator: FluentValidation's
/// own messages (empty, too long, wrong format, out of range, not a choice) as much as the platform's, with the field
/// named as the form names it.
/// </summary>
public sealed partial class ValidatorLanguageTests
{
    private static readonly string Control = "\u0007";

    public static TheoryData<string> Forms => ["store", "staff", "org-unit"];

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_form_with_every_field_wrong_is_refused_in_Chinese(string form)
    {
        var messages = InCulture("zh-CN", () => Validate(form));
        Assert.True(messages.Count >= 3, string.Join("\n", messages));
        var english = messages.Where(m => Words().IsMatch(m)).ToList();
        Assert.True(english.Count == 0, "English in Chinese messages:\n" + string.Join("\n", english));
        Assert.All(messages, m => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m));
    }

    [Fact]
    public void The_same_form_is_refused_in_English_to_an_English_operator()
    {
        var messages = InCulture("en", () => Validate("store"));
        Assert.Contains(messages, m => m.Contains("'Opening hours'", StringComparison.Ordinal) || m.Contains("opening hours", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(messages, m => Regex.IsMatch(m, @"\p{IsCJKUnifiedIdeographs}"));
    }

    private static List<string> Validate(string form)
    {
        FieldNames.Use();
        var longText = new string('长', 300);
        var errors = form switch
        {
            "store" => new SaveStoreValidator().Validate(new SaveStoreRequest
            {
                Code = "门店 01", Name = "", Province = longText, City = "杭州" + Control, District = longText, Address = longText,
                Latitude = 91, Longitude = -181, OpeningHours = "25:00-99:00", Phone = "abc12",
            }).Errors,
            "staff" => new SaveStaffValidator().Validate(new SaveStaffRequest
            {
                Name = "", Mobile = "12345", WeComUserId = "王 芳!", Role = (StaffRole)99,
            }).Errors,
            _ => new SaveOrgUnitValidator().Validate(new SaveOrgUnitRequest { Name = longText, Code = "", Kind = (OrgUnitKind)99 }).Errors,
        };
        return errors.Select(e => e.ErrorMessage).ToList();
    }

    private static T InCulture<T>(string culture, Func<T> run)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return run();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    // Three letters or more: a word, not a unit or a sample such as "HH:mm".
    [GeneratedRegex(@"\b(?!HH\b|mm\b)[A-Za-z]{3,}\b")]
    private static partial Regex Words();
}
