using Bunit;
using CertHub.Core.Common;
using CertHub.Web.Components.Shared;
using CertHub.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertHub.Tests.Web.Shared;

/// <summary>LiveRefresh coalesces notices into one reload per circuit, spread over a random wait when asked (issue 10).</summary>
public sealed class LiveRefreshTests : BunitContext
{
    private const string Topic = "test-topic";
    private readonly InProcessChangeFeed _feed = new(NullLogger<InProcessChangeFeed>.Instance);

    public LiveRefreshTests() => Services.AddSingleton<IChangeFeed>(_feed);

    private IRenderedComponent<LiveRefresh> Render(TimeSpan spread, Func<Task> onChange) =>
        Render<LiveRefresh>(p => p
            .Add(c => c.Topics, [Topic])
            .Add(c => c.Spread, spread)
            .Add(c => c.OnChange, EventCallback.Factory.Create<ChangeNotice>(this, onChange)));

    private void Publish() => _feed.Publish(new ChangeNotice(Topic));

    [Fact]
    public void Notice_Should_RunOnChangeAtOnce_When_NoSpread()
    {
        var runs = 0;
        var cut = Render(TimeSpan.Zero, () => { runs++; return Task.CompletedTask; });

        Publish();

        cut.WaitForAssertion(() => Assert.Equal(1, runs));
    }

    [Fact]
    public async Task Notices_Should_BeServedByOneReload_When_TheyArriveWithinTheSpread()
    {
        var runs = 0;
        var cut = Render(TimeSpan.FromMilliseconds(300), () => { runs++; return Task.CompletedTask; });

        for (var i = 0; i < 5; i++)
        {
            Publish();
        }

        cut.WaitForAssertion(() => Assert.Equal(1, runs), TimeSpan.FromSeconds(5));
        await Task.Delay(500);
        Assert.Equal(1, runs);
    }

    [Fact]
    public void Notice_Should_RunAgain_When_ItArrivesDuringAReload()
    {
        var runs = 0;
        var release = new TaskCompletionSource();
        var cut = Render(TimeSpan.Zero, async () =>
        {
            if (++runs == 1)
            {
                await release.Task;
            }
        });

        Publish();
        cut.WaitForAssertion(() => Assert.Equal(1, runs));
        Publish(); // the first reload still runs: its data may predate this change, so it is not served by it

        cut.WaitForAssertion(() => Assert.Equal(2, runs), TimeSpan.FromSeconds(5));
        release.SetResult();
    }

    [Fact]
    public async Task Notice_Should_NotRun_When_ThePageClosedDuringTheSpread()
    {
        var runs = 0;
        Render(TimeSpan.FromMilliseconds(400), () => { runs++; return Task.CompletedTask; });

        Publish();
        await DisposeComponentsAsync();
        await Task.Delay(800);

        Assert.Equal(0, runs);
    }
}
