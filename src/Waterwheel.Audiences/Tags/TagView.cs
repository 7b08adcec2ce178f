using System.Text.Json;
using FluentValidation;

namespace Waterwheel.Audiences.Tags;

/// <summary>A tag as the API shows it; <see cref="Customers"/> counts its holders within the caller's data scope.</summary>
/// <see cref="Rule"/> is a rule tag's condition in the segment JSON form, <see cref="RuleText"/> the same in the text form.
public sealed record TagView(Guid Id, Guid GroupId, string Name, string? Color, TagSource Source, string? WeComTagId, int? ExpiryDays, ulong Customers,
    int Version, JsonElement? Rule = null, string? RuleText = null)
{
    internal static TagView Of(Tag t, ulong customers, string? ruleText = null) => new(t.Id, t.GroupId, t.Name, t.Color, t.Source, t.WeComTagId, t.ExpiryDays,
        customers, t.Version, t.Rule is null ? null : JsonDocument.Parse(t.Rule).RootElement.Clone(), ruleText);
}

/// <summary>A tag to save. <see cref="Rule"/> makes it a rule tag (source Rule): a segment, as JSON or as text, whose matches hold it.</summary>
public sealed record SaveTagRequest(Guid? GroupId, string? Name, string? Color, TagSource? Source, int? ExpiryDays, string? WeComTagId,
    Counting.SegmentRequest? Rule = null);

internal sealed class SaveTagValidator : AbstractValidator<SaveTagRequest>
{
    public SaveTagValidator()
    {
        RuleFor(r => r.GroupId).NotEmpty();
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Tag.NameLength);
        RuleFor(r => r.Color).Matches("^#[0-9A-Fa-f]{6}$").When(r => r.Color is not null).WithMessage(_ => AudienceText.Get("Color"));
        RuleFor(r => r.Source).IsInEnum().When(r => r.Source is not null);
        RuleFor(r => r.ExpiryDays).InclusiveBetween(1, 3650).When(r => r.ExpiryDays is not null);
        RuleFor(r => r.WeComTagId).MaximumLength(64);
    }
}
