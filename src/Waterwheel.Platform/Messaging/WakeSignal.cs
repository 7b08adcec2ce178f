namespace Waterwheel.Platform.Messaging;

/// <summary>
/// Wakes a node's background worker the moment there is work for it, so that it need not wait for its next poll. Many
/// notifications before one wait wake it once. Each worker registers its own subclass as a singleton.
/// </summary>
public abstract class WakeSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        if (_semaphore.CurrentCount == 0)
        {
            try { _semaphore.Release(); } catch (SemaphoreFullException) { }
        }
    }

    /// <summary>True when woken, false when the timeout passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);
}
