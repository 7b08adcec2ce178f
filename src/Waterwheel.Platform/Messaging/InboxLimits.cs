namespace Waterwheel.Platform.Messaging;

/// <summary>What fits in the inbox's columns, for a module that bounds what it hands over rather than have it refused.</summary>
public static class InboxLimits
{
    public const int SourceLength = 60;
    public const int DedupeKeyLength = 200;
    public const int PartitionLength = 100;
}
