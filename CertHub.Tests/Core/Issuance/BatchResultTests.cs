using CertHub.Core.Issuance;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.Issuance;

public sealed class BatchResultTests
{
    [Fact]
    public void Run_Should_CountSuccessesAndKeepReasons_When_SomeRecordsRefuse()
    {
        var ready = AnIssuanceRecord.New().In(IssuanceStatus.PendingIssue).Build();
        var notYet = AnIssuanceRecord.New().In(IssuanceStatus.SitePendingSign).Build();

        var result = BatchResult.Run(new[] { ready, notYet, ready }, _ => 7, r => r.Issue(IssueMethod.Paper, "wl", AnIssuanceRecord.T0.AddDays(1)));

        Assert.Equal(1, result.Succeeded);
        Assert.Equal(2, result.Failed);
        Assert.Equal("当前状态为“考核站点待签发”，不能执行“发放”操作", result.Failures[0].Reason);
        Assert.Equal("成功1条，失败2条", result.Summary);
    }
}
