using System.Text;
using FluentValidation;
using Waterwheel.Acquisition.Routing;
using Waterwheel.Acquisition.Welcome;

namespace Waterwheel.Acquisition.Codes;

public sealed record PoolMemberRequest(Guid StaffId, int? DailyCap = null, bool Backup = false);

/// <summary>Days of the week (0 = Sunday … 6) and minutes after local midnight; none means always.</summary>
public sealed record ScheduleRequest(IReadOnlyList<int>? Days, int FromMinute = 0, int UntilMinute = PoolSchedule.MinutesPerDay);

public sealed record WelcomeRequest(string? Text, IReadOnlyList<WelcomeItem>? Attachments = null);

/// <summary>
/// Makes the code a nearest-store code (LBS引流): the store within radiusKm of the customer takes them, one of its guides
/// under guideDailyCap by the code's policy; with none in range, the fallback (the pool's service staff, or the nearest
/// store beyond the radius).
/// </summary>
public sealed record LbsRequest(double RadiusKm, LbsFallback Fallback = LbsFallback.ServiceStaff, int? GuideDailyCap = null, bool Groups = false);

/// <summary>Create or replace a live code.</summary>
public sealed record SaveCodeRequest(
    Guid? ChannelId, string? Name, IReadOnlyList<PoolMemberRequest>? Pool, AssignmentPolicy? Policy = null, bool? SkipVerify = null,
    ScheduleRequest? Schedule = null, IReadOnlyList<Guid>? TagIds = null, WelcomeRequest? Welcome = null, DateTime? ExpiresAt = null,
    LbsRequest? Lbs = null);

/// <summary>Every rule a code's shape must meet, WeCom's welcome limits among them, all reported at once.</summary>
internal sealed class SaveCodeValidator : AbstractValidator<SaveCodeRequest>
{
    public const int MaxPool = 100;
    public const int MaxAttachments = 9;
    public const int MaxTextBytes = 4000;

    public SaveCodeValidator()
    {
        RuleFor(r => r.ChannelId).NotNull().WithMessage(_ => AcquisitionText.Get("ChannelRequired"));
        RuleFor(r => r.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => AcquisitionText.Get("NameRequired"))
            .MaximumLength(LiveCode.NameLength);
        RuleFor(r => r.Pool).Must(p => p is { Count: > 0 } && p.Any(m => !m.Backup)).WithMessage(_ => AcquisitionText.Get("PoolRequired"))
            .Must(p => p is null || p.Count <= MaxPool).WithMessage(_ => AcquisitionText.Format("PoolTooLarge", MaxPool))
            .Must(p => p is null || p.Select(m => m.StaffId).Distinct().Count() == p.Count).WithMessage(_ => AcquisitionText.Get("PoolDuplicates"))
            .Must(p => p is null || p.All(m => m.DailyCap is null or > 0)).WithMessage(_ => AcquisitionText.Get("CapPositive"));
        RuleFor(r => r.Policy).IsInEnum();
        RuleFor(r => r.Schedule).Must(s => s is null || (s.FromMinute >= 0 && s.UntilMinute <= PoolSchedule.MinutesPerDay && s.FromMinute < s.UntilMinute))
            .WithMessage(_ => AcquisitionText.Get("ScheduleHours"))
            .Must(s => s?.Days is null || (s.Days.Count > 0 && s.Days.All(d => d is >= 0 and <= 6))).WithMessage(_ => AcquisitionText.Get("ScheduleDays"));
        RuleFor(r => r.Lbs!.RadiusKm).Must(km => double.IsFinite(km) && km is >= 0.1 and <= LbsRouting.MaxRadiusKm)
            .WithMessage(_ => AcquisitionText.Format("RadiusRange", LbsRouting.MaxRadiusKm)).When(r => r.Lbs is not null).OverridePropertyName("lbs.radiusKm");
        RuleFor(r => r.Lbs!.GuideDailyCap).Must(c => c is null or > 0)
            .WithMessage(_ => AcquisitionText.Get("GuideCapPositive")).When(r => r.Lbs is not null).OverridePropertyName("lbs.guideDailyCap");
        RuleFor(r => r.Lbs!.Fallback).IsInEnum().When(r => r.Lbs is not null).OverridePropertyName("lbs.fallback");
        RuleFor(r => r.Welcome!.Text).Must(t => t is null || Encoding.UTF8.GetByteCount(t) <= MaxTextBytes)
            .WithMessage(_ => AcquisitionText.Format("WelcomeTooLong", MaxTextBytes)).When(r => r.Welcome is not null).OverridePropertyName("welcome.text");
        RuleFor(r => r.Welcome!.Attachments).Must(a => a is null || a.Count <= MaxAttachments)
            .WithMessage(_ => AcquisitionText.Format("TooManyAttachments", MaxAttachments)).When(r => r.Welcome is not null).OverridePropertyName("welcome.attachments");
        RuleForEach(r => r.Welcome!.Attachments).Must(a => WelcomeLimits.Check(a) is null)
            .WithMessage((_, a) => WelcomeLimits.Check(a) ?? "").When(r => r.Welcome?.Attachments is not null).OverridePropertyName("welcome.attachments");
    }
}
