using CertHub.Core.Reports;

namespace CertHub.Tests.Core.Reports;

public sealed class RichTextTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("<p></p>", 0)]
    [InlineData("<p>北京科技大学第二周</p>", 9)]
    [InlineData("<p><strong>工作</strong><em>进展</em></p><p>a&nbsp;b &lt;c&gt;</p>", 11)]
    [InlineData("<a href=\"https://x.example/?a=1&b=2\">链接</a>", 2)]
    [InlineData("<p>👍好</p>", 2)]
    public void CountText_Should_IgnoreTagsAndCountEntitiesOnce_When_Html(string? html, int expected)
    {
        Assert.Equal(expected, RichText.CountText(html));
    }

    [Fact]
    public void WeeklyReport_Should_Accept1000AndRefuse1001Characters_When_WrappedInTags()
    {
        var exactly = "<p><strong>" + new string('字', 1000) + "</strong></p>";
        var tooLong = "<p>" + new string('字', 1001) + "</p>";
        var period = ReportPeriod.For(new DateOnly(2021, 9, 15), CertHub.Core.Catalog.ReportingCycle.Weekly);
        var now = new DateTimeOffset(2021, 9, 15, 0, 0, 0, TimeSpan.Zero);

        var report = WeeklyReport.Create(1, 1, period, exactly, null, null, null, now);
        Assert.Equal(1000, RichText.CountText(report.WorkProgressHtml));

        var ex = Assert.Throws<CertHub.Core.Common.DomainRuleException>(() => report.Edit(exactly, tooLong, null, null));
        Assert.Equal("存在困难不能超过1000个字", ex.Message);
    }
}
