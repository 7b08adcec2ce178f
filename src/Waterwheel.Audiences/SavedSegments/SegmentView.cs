using System.Text.Json;
using FluentValidation;

namespace Waterwheel.Audiences.SavedSegments;

/// <summary>A saved segment in both forms, with how many customers it holds for the caller now.</summary>
public sealed record SegmentView(Guid Id, string Name, JsonElement Expression, string Text, ulong Count, string CreatedBy, DateTime CreatedAt,
    DateTime UpdatedAt, int Version);

/// <summary>A saved segment's name and condition, given as JSON (<c>expression</c>) or text (<c>text</c>).</summary>
public sealed record SaveSegmentRequest(string? Name, JsonElement? Expression, string? Text);

internal sealed class SaveSegmentValidator : AbstractValidator<SaveSegmentRequest>
{
    public SaveSegmentValidator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(SavedSegment.NameLength);
}
