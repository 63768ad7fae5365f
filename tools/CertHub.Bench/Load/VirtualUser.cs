namespace CertHub.Bench.Load;

/// <summary>
/// One simulated user: signs in through the login form, opens its list (/issuance for organisation users,
/// /exams/candidates for school users) as a browser does (HTTP prerender, then a Blazor circuit), and then, with 1–3 s of
/// think time between actions, pages through the list in the circuit (下一页), reloading the page over HTTP every
/// fourth action.
/// </summary>
internal sealed class VirtualUser(string userName, string path, WebSession session, int seed) : IAsyncDisposable
{
    private static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(30);
    private readonly Random _random = new(seed);
    private BlazorCircuit? _circuit;
    private int _actions;

    public string List { get; } = path == "/issuance" ? "issuance" : "candidates";

    public async Task LoginAsync(LoadMetrics metrics, CancellationToken ct)
    {
        try
        {
            metrics.Record("login", await session.LoginAsync(userName, LoadData.Password, ct).WaitAsync(ActionTimeout, ct));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            metrics.Error("login", e);
        }
    }

    /// <summary>Loads the page over HTTP and starts its circuit; the circuit's time to the list's first page is recorded.</summary>
    public async Task<bool> OpenAsync(LoadMetrics metrics, CancellationToken ct)
    {
        try
        {
            var (html, elapsed) = await session.GetAsync(path, ct).WaitAsync(ActionTimeout, ct);
            RecordPage(metrics, html, elapsed);
            if (_circuit is not null)
            {
                await _circuit.DisposeAsync();
            }

            _circuit = null;
            _circuit = await BlazorCircuit.StartAsync(session.BaseUrl, path, html, session.Headers, ActionTimeout, ct);
            metrics.Record("circuit start " + List, _circuit.FirstPage);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            metrics.Error("open " + List, e);
            return false;
        }
    }

    public async Task RunAsync(LoadMetrics metrics, DateTime untilUtc, CancellationToken ct)
    {
        var reloads = _circuit?.LiveReloads ?? 0;
        try
        {
            await ActUntilAsync(metrics, untilUtc, ct);
        }
        finally
        {
            metrics.Note($"{List} render batches > 1 s after a click (live reloads)", (_circuit?.LiveReloads ?? 0) - reloads);
        }
    }

    private async Task ActUntilAsync(LoadMetrics metrics, DateTime untilUtc, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(_random.Next(1_000, 3_001)), ct);
            if (DateTime.UtcNow >= untilUtc)
            {
                return;
            }

            if (_circuit is null || _circuit.Error is not null)
            {
                if (_circuit?.Error is { } error)
                {
                    metrics.Error("circuit " + List, new InvalidOperationException(error));
                }

                await OpenAsync(metrics, ct);
                continue;
            }

            await ActAsync(metrics, ct);
        }
    }

    private async Task ActAsync(LoadMetrics metrics, CancellationToken ct)
    {
        try
        {
            if (++_actions % 4 == 0)
            {
                var (html, elapsed) = await session.GetAsync(path, ct).WaitAsync(ActionTimeout, ct);
                RecordPage(metrics, html, elapsed);
                return;
            }

            var paged = await _circuit!.NextPageAsync(ActionTimeout, ct);
            if (paged is null)
            {
                metrics.Error("paging " + List, new InvalidOperationException("下一页 not found in the render batches"));
                return;
            }

            metrics.Record("paging " + List, paged.Value);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            metrics.Error((_actions % 4 == 0 ? "http " : "paging ") + List, e);
        }
    }

    private void RecordPage(LoadMetrics metrics, string html, TimeSpan elapsed)
    {
        metrics.Record("http " + List, elapsed);
        metrics.Note(PagerText.ShowsRows(html)
            ? $"http {List} pages whose prerender showed the list's rows"
            : $"http {List} pages prerendered without rows (the rows come with the circuit)");
    }

    public async ValueTask DisposeAsync()
    {
        if (_circuit is not null)
        {
            await _circuit.DisposeAsync();
        }
    }
}
