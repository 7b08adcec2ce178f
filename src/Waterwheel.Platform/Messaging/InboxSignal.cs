namespace Waterwheel.Platform.Messaging;

/// <summary>Wakes the inbox processor the moment a message is stored.</summary>
internal sealed class InboxSignal : WakeSignal;
