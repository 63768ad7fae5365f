namespace CertHub.Tests.E2E.Infrastructure;

/// <summary>
/// The app's clock in browser tests: the system time plus an offset a test may move forward (e.g. past a plan's 公示期) and
/// must reset when done (<see cref="Travel"/> returns the reset). The E2E app registers it as its <see cref="TimeProvider"/>.
/// </summary>
public sealed class E2EClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    /// <summary>Moves the app's time forward by <paramref name="by"/>; disposing the result moves it back.</summary>
    public IDisposable Travel(TimeSpan by)
    {
        Interlocked.Add(ref _offsetTicks, by.Ticks);
        return new Back(this, by);
    }

    private sealed class Back(E2EClock clock, TimeSpan by) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Interlocked.Add(ref clock._offsetTicks, -by.Ticks);
            }
        }
    }
}
