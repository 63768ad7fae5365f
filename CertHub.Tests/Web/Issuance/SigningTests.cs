using Bunit;
using CertHub.Core.Issuance;
using CertHub.Tests.Support;
using CertHub.Web.Components.Pages.Sign;
using Microsoft.Extensions.DependencyInjection;

namespace CertHub.Tests.Web.Issuance;

/// <summary>The phone page of 手机签名 (/sign/{token}); the sessions themselves: Data/Issuance/PhoneSigningServiceTests.</summary>
public sealed class SigningTests
{
    [Fact]
    public async Task PhoneSignPage_Should_SubmitDrawnSignature_When_LinkIsValid()
    {
        await using var ctx = new IssuancePageContext(IssuancePageContext.SchoolUser);
        var store = ctx.Services.GetRequiredService<PhoneSigningService>();
        var session = await store.OpenAsync("李院校", 2, default);
        var png = TestImages.Png();
        ctx.JSInterop.Setup<string?>("certhubSignaturePad.toDataUrl", _ => true).SetResult("data:image/png;base64," + Convert.ToBase64String(png));

        var cut = ctx.Render<PhoneSignPage>(p => p.Add(x => x.Token, session.Token));
        Assert.Contains("共 2 条发证记录", cut.Markup);
        cut.Find("[data-testid=phone-sign-submit]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=phone-sign-done]")));
        // Stored re-encoded (only the drawn pixels, see SignatureImage): the same image, not necessarily the same bytes.
        var images = new CertHub.Web.Imaging.SkiaImageInspector();
        Assert.Equal(images.Inspect(png), images.Inspect((await store.TakeAsync(session.Token, default))!));
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
