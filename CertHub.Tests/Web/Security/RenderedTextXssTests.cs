using AngleSharp.Dom;
using Bunit;
using CertHub.Core.Common;
using CertHub.Web.Components.Shared;
using CertHub.Web.RichText;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CertHub.Tests.Web.Security;

/// <summary>
/// Script payloads in free text render inert: rich text (申报 师资/场地情况, 周报) through <see cref="SafeHtml"/> keeps only
/// formatting tags, and plain text fields (names, opinions, addresses) shown through MudBlazor are encoded, never live markup.
/// </summary>
public sealed class RenderedTextXssTests : BunitContext
{
    public static TheoryData<string> Payloads =>
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "<p onclick=\"alert(1)\">点我</p>",
        "<a href=\"javascript:alert(1)\">链接</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<p style=\"background:url(javascript:alert(1))\">文字</p>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "\"><script>alert(1)</script>",
        "<body onload=alert(1)>",
        "<form action=\"https://evil.example\"><button>提交</button></form>",
        "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
    ];

    public RenderedTextXssTests()
    {
        Services.AddMudServices();
        Services.AddSingleton<IRichTextSanitizer, HtmlRichTextSanitizer>();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void SafeHtml_Should_RenderRichTextInert(string payload)
    {
        var cut = Render<SafeHtml>(p => p.Add(x => x.Html, "<p>正文</p>" + payload));

        AssertInert(cut.Nodes.OfType<IElement>().SelectMany(e => e.DescendantsAndSelf<IElement>()));
        Assert.Contains("正文", cut.Markup);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void PlainText_Should_BeEncoded_When_ShownInADetailField(string payload)
    {
        var cut = Render<DetailField>(p => p.Add(x => x.Label, "院校地址").Add(x => x.Value, payload));

        AssertInert(cut.FindAll("*"));
        Assert.Contains(payload, cut.Find("*").TextContent + string.Concat(cut.FindAll("*").Select(e => e.TextContent)));
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void RichTextEditor_Should_PushOnlySanitisedHtmlIntoTheBrowser(string payload)
    {
        // The editor sets innerHTML in rich-text.js: a stored value that escaped sanitising must still arrive inert.
        var init = JSInterop.SetupVoid("certhubRichText.init", _ => true);

        Render<RichTextEditor>(p => p.Add(x => x.Value, "<p>正文</p>" + payload));

        var html = Assert.IsType<string>(Assert.Single(init.Invocations).Arguments[2]);
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var document = parser.ParseDocument("<body>" + html + "</body>");
        AssertInert(document.Body!.Descendants<IElement>());
        Assert.Contains("正文", html);
    }

    [Fact]
    public void SafeHtml_Should_ShowTheFallbackAsText_When_NothingVisibleRemains()
    {
        var cut = Render<SafeHtml>(p => p.Add(x => x.Html, "<script>alert(1)</script>"));

        Assert.Equal("-", cut.Markup.Trim());
    }

    private static void AssertInert(IEnumerable<IElement> elements)
    {
        foreach (var element in elements)
        {
            Assert.DoesNotContain(element.LocalName, new[] { "script", "iframe", "object", "embed", "svg", "math", "form", "style", "img", "body" });
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(element.Attributes, a => a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
        }
    }
}
