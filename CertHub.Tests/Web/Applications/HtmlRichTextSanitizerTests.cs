using CertHub.Web.RichText;

namespace CertHub.Tests.Web.Applications;

public sealed class HtmlRichTextSanitizerTests
{
    [Theory]
    [InlineData("<p><b>加粗</b><i>斜体</i><u>下划线</u><s>删除线</s></p>", "<p><b>加粗</b><i>斜体</i><u>下划线</u><s>删除线</s></p>")]
    [InlineData("<h3>标题</h3><ul><li>一</li></ul><ol><li>二</li></ol>", "<h3>标题</h3><ul><li>一</li></ul><ol><li>二</li></ol>")]
    [InlineData("<p style=\"color:red\" onclick=\"x()\">文字</p><script>alert(1)</script>", "<p>文字</p>")]
    [InlineData("<p>文字<a href=\"javascript:alert(1)\">链接</a><img src=x onerror=alert(1)></p>", "<p>文字</p>")]
    public void Sanitize_Should_KeepToolbarFormattingOnly(string html, string expected) =>
        Assert.Equal(expected, new HtmlRichTextSanitizer().Sanitize(html));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<p><br></p>")]
    [InlineData("<script>x</script>")]
    public void Sanitize_Should_ReturnNull_When_NothingVisible(string? html) =>
        Assert.Null(new HtmlRichTextSanitizer().Sanitize(html));
}
