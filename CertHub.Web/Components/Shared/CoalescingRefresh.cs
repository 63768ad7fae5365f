namespace CertHub.Web.Components.Shared;

/// <summary>
/// Coalesces live reloads: a change notice arriving while a reload runs queues one more reload (not one per notice), and
/// back-to-back reloads are at least <c>minInterval</c> apart, so a worker publishing per record cannot flood a page.
/// Called on the component's dispatcher (LiveRefresh runs OnChange through InvokeAsync).
/// </summary>
public sealed class CoalescingRefresh(Func<Task> reload, TimeSpan minInterval)
{
    private bool _running;
    private bool _pending;

    public async Task RequestAsync()
    {
        if (_running)
        {
            _pending = true;
            return;
        }

        _running = true;
        try
        {
            do
            {
                _pending = false;
                await reload();
                if (_pending)
                {
                    await Task.Delay(minInterval);
                }
            }
            while (_pending);
        }
        finally
        {
            _running = false;
        }
    }
}
