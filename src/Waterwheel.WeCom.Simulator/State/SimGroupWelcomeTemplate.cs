using System.Text.Json;

namespace Waterwheel.WeCom.Simulator.State;

/// <summary>
/// A group welcome template: its text and at most one attachment, kept as the JSON the caller sent under its
/// field name (image, link, miniprogram, file or video), so get answers what add or edit stored.
/// </summary>
public sealed class SimGroupWelcomeTemplate
{
    public required string TemplateId { get; init; }
    public string? Text { get; set; }
    public string? AttachmentField { get; set; }
    public JsonElement? Attachment { get; set; }
    public long? Agentid { get; set; }
    public long CreateTime { get; init; }
}
