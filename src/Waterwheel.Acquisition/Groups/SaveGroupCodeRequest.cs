using System.Text;
using FluentValidation;

namespace Waterwheel.Acquisition.Groups;

/// <summary>
/// Create or replace a group live code: its customer groups (WeCom chat ids) in the order they fill, the members per
/// group at which the next takes over (≤ 200), whether WeCom opens new rooms ("{roomBaseName}{roomBaseId}") when all
/// are full, the group welcome's text (%NICKNAME% is the joiner's name), and the store whose group it is (for
/// nearest-store codes in group mode).
/// </summary>
public sealed record SaveGroupCodeRequest(
    Guid? ChannelId, string? Name, IReadOnlyList<string>? ChatIds, int? Cap = null, bool? AutoCreateRoom = null, string? RoomBaseName = null,
    long? RoomBaseId = null, string? Welcome = null, DateTime? ExpiresAt = null, Guid? StoreId = null);

/// <summary>Every rule a group code's shape must meet, WeCom's among them, all reported at once.</summary>
internal sealed class SaveGroupCodeValidator : AbstractValidator<SaveGroupCodeRequest>
{
    public const int MaxWelcomeBytes = 3000;

    public SaveGroupCodeValidator()
    {
        RuleFor(r => r.ChannelId).NotNull().WithMessage(_ => AcquisitionText.Get("ChannelRequired"));
        RuleFor(r => r.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => AcquisitionText.Get("NameRequired"))
            .MaximumLength(GroupCode.NameLength);
        RuleFor(r => r.ChatIds).Must(c => c is { Count: > 0 } && c.All(id => !string.IsNullOrWhiteSpace(id))).WithMessage(_ => AcquisitionText.Get("GroupsRequired"))
            .Must(c => c is null || c.Distinct(StringComparer.Ordinal).Count() == c.Count).WithMessage(_ => AcquisitionText.Get("GroupsDuplicate"))
            .Must(c => c is null || c.All(id => id is null || id.Length <= 64)).WithMessage(_ => AcquisitionText.Get("GroupsUnknown"));
        RuleFor(r => r.Cap).Must(c => c is null or >= 1 and <= GroupCode.MaxCap).WithMessage(_ => AcquisitionText.Format("GroupCapRange", GroupCode.MaxCap));
        RuleFor(r => r.RoomBaseName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => AcquisitionText.Get("RoomBaseNameRequired"))
            .When(r => r.AutoCreateRoom == true);
        RuleFor(r => r.RoomBaseName).MaximumLength(GroupCode.RoomBaseNameLength)
            .WithMessage(_ => AcquisitionText.Format("RoomBaseNameTooLong", GroupCode.RoomBaseNameLength));
        RuleFor(r => r.RoomBaseId).Must(id => id is null or >= 1 and <= 1_000_000).WithMessage(_ => AcquisitionText.Get("RoomBaseIdRange"));
        RuleFor(r => r.Welcome).Must(t => t is null || Encoding.UTF8.GetByteCount(t) <= MaxWelcomeBytes)
            .WithMessage(_ => AcquisitionText.Format("GroupWelcomeTooLong", MaxWelcomeBytes));
    }
}
