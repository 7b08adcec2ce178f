namespace Waterwheel.WeCom.Simulator.State;

/// <summary>An upload_attachment file. Only what WeCom checks later is kept: type, size and upload time.</summary>
public sealed class SimMedia
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);

    public required string MediaId { get; init; }
    /// <summary>image, video or file.</summary>
    public required string Type { get; init; }
    public required string FileName { get; init; }
    public long Size { get; init; }
    public int AttachmentType { get; init; }
    public DateTimeOffset UploadedAt { get; init; }

    public bool IsLive(DateTimeOffset now) => now - UploadedAt < Lifetime;
}
