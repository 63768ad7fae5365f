using Bunit;
using CertHub.Tests.Support;
using CertHub.Web.Components.Pages.Sign;
using CertHub.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Web.Issuance;

public sealed class SigningTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2021, 9, 20, 2, 0, 0, TimeSpan.Zero));
    private readonly LoopbackChangeFeed _feed = new();

    [Fact]
    public void Open_Should_HandOutRandom128BitTokens_When_Called()
    {
        var store = new SigningSessionStore(_feed, _time);

        var first = store.Open("张组织", 3);
        var second = store.Open("张组织", 3);

        Assert.Matches("^[0-9a-f]{32}$", first.Token);
        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal(_time.GetUtcNow().AddMinutes(5), first.ExpiresUtc);
        Assert.Same(first, store.Find(first.Token));
    }

    [Fact]
    public void Submit_Should_AcceptOnceAndNotifyDesk_When_LinkIsFresh()
    {
        var store = new SigningSessionStore(_feed, _time);
        var session = store.Open("张组织", 1);
        var notified = 0;
        using var _ = _feed.Subscribe(SigningSessionStore.TopicOf(session.Token), _ => { notified++; return Task.CompletedTask; });

        Assert.True(store.Submit(session.Token, [1, 2, 3]));
        Assert.False(store.Submit(session.Token, [4, 5, 6]));

        Assert.Equal(1, notified);
        Assert.Null(store.Find(session.Token));
        Assert.Equal([1, 2, 3], store.Take(session.Token));
        Assert.Null(store.Take(session.Token));
    }

    [Fact]
    public void Submit_Should_Refuse_When_LinkExpiredOrUnknownOrClosed()
    {
        var store = new SigningSessionStore(_feed, _time);
        var expiring = store.Open("张组织", 1);
        var closed = store.Open("张组织", 1);
        store.Close(closed.Token);

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(store.Find(expiring.Token));
        Assert.False(store.Submit(expiring.Token, [1]));
        Assert.False(store.Submit(closed.Token, [1]));
        Assert.False(store.Submit("00000000000000000000000000000000", [1]));
    }

    [Fact]
    public async Task PhoneSignPage_Should_SubmitDrawnSignature_When_LinkIsValid()
    {
        await using var ctx = new IssuancePageContext(IssuancePageContext.SchoolUser);
        var store = ctx.Services.GetRequiredService<SigningSessionStore>();
        var session = store.Open("李院校", 2);
        var png = TestImages.Png();
        ctx.JSInterop.Setup<string?>("certhubSignaturePad.toDataUrl", _ => true).SetResult("data:image/png;base64," + Convert.ToBase64String(png));

        var cut = ctx.Render<PhoneSignPage>(p => p.Add(x => x.Token, session.Token));
        Assert.Contains("共 2 条发证记录", cut.Markup);
        cut.Find("[data-testid=phone-sign-submit]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=phone-sign-done]")));
        // Stored re-encoded (only the drawn pixels, see SignatureImage): the same image, not necessarily the same bytes.
        var images = new CertHub.Web.Imaging.SkiaImageInspector();
        Assert.Equal(images.Inspect(png), images.Inspect(store.Take(session.Token)!));
    }

    [Fact]
    public async Task PhoneSignPage_Should_SayLinkExpired_When_TokenUnknown()
    {
        await using var ctx = new IssuancePageContext(IssuancePageContext.SchoolUser);

        var cut = ctx.Render<PhoneSignPage>(p => p.Add(x => x.Token, "nope"));

        Assert.NotNull(cut.Find("[data-testid=phone-sign-expired]"));
        Assert.Empty(cut.FindAll("[data-testid=signature-pad]"));
    }
}
