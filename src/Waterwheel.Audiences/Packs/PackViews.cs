using System.Text.Json;
using FluentValidation;

namespace Waterwheel.Audiences.Packs;

/// <summary>A frozen pack: its expression as it was (both forms), when, how many.</summary>
public sealed record PackView(Guid Id, string Name, Guid? SegmentId, JsonElement Expression, string Text, DateTime FrozenAt, long Count, string CreatedBy)
{
    internal static PackView Of(AudiencePack p) =>
        new(p.Id, p.Name, p.SegmentId, JsonDocument.Parse(p.ExpressionJson).RootElement.Clone(), p.ExpressionText, p.FrozenAt, p.Count, p.CreatedBy);
}

/// <summary>What to freeze: a saved segment (<c>segmentId</c>), or a condition given as JSON or text.</summary>
public sealed record FreezePackRequest(string? Name, Guid? SegmentId, JsonElement? Expression, string? Text);

internal sealed class FreezePackValidator : AbstractValidator<FreezePackRequest>
{
    public FreezePackValidator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(AudiencePack.NameLength);
}
