using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Reports;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.Reports;

public sealed class WeeklyReportTests
{
    private static readonly DateTimeOffset Now = AWeeklyReport.During.AddHours(2);

    public enum Verb
    {
        Edit,
        Submit,
        Withdraw,
        Approve,
        Return,
    }

    /// <summary>Manual 6.1 written out; edit keeps the status.</summary>
    private static readonly Dictionary<(WeeklyReportStatus, Verb), WeeklyReportStatus> Allowed = new()
    {
        [(WeeklyReportStatus.NotSubmitted, Verb.Edit)] = WeeklyReportStatus.NotSubmitted,
        [(WeeklyReportStatus.Returned, Verb.Edit)] = WeeklyReportStatus.Returned,
        [(WeeklyReportStatus.NotSubmitted, Verb.Submit)] = WeeklyReportStatus.PendingReview,
        [(WeeklyReportStatus.Returned, Verb.Submit)] = WeeklyReportStatus.PendingReview,
        [(WeeklyReportStatus.PendingReview, Verb.Withdraw)] = WeeklyReportStatus.NotSubmitted,
        [(WeeklyReportStatus.PendingReview, Verb.Approve)] = WeeklyReportStatus.Approved,
        [(WeeklyReportStatus.PendingReview, Verb.Return)] = WeeklyReportStatus.Returned,
    };

    public static TheoryData<WeeklyReportStatus, Verb> AllPairs()
    {
        var data = new TheoryData<WeeklyReportStatus, Verb>();
        foreach (var status in Enum.GetValues<WeeklyReportStatus>())
        {
            foreach (var verb in Enum.GetValues<Verb>())
            {
                data.Add(status, verb);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Verb_Should_FollowManual_When_AppliedInAnyStatus(WeeklyReportStatus status, Verb verb)
    {
        var report = AWeeklyReport.New().In(status).Build();

        if (Allowed.TryGetValue((status, verb), out var expected))
        {
            Apply(report, verb);
            Assert.Equal(expected, report.Status);
        }
        else
        {
            Assert.Throws<DomainRuleException>(() => Apply(report, verb));
            Assert.Equal(status, report.Status);
        }
    }

    [Fact]
    public void Submit_Should_ThrowExactMessage_When_NextPeriodStarted()
    {
        var report = AWeeklyReport.New().Build();
        var nextStart = new DateTimeOffset(2021, 9, 20, 0, 0, 0, TimeSpan.FromHours(8));

        var ex = Assert.Throws<DomainRuleException>(() => report.Submit("ustb", nextStart));
        Assert.Equal("提交时间已过，该周报目前不能提交，谢谢", ex.Message);
        Assert.Equal(WeeklyReportStatus.NotSubmitted, report.Status);
    }

    [Fact]
    public void Submit_Should_Succeed_When_LastTickBeforeNextPeriod()
    {
        var report = AWeeklyReport.New().Build();
        var lastTick = new DateTimeOffset(2021, 9, 20, 0, 0, 0, TimeSpan.FromHours(8)).AddTicks(-1);

        report.Submit("ustb", lastTick);

        Assert.Equal(WeeklyReportStatus.PendingReview, report.Status);
        Assert.Equal(lastTick, report.SubmittedUtc);
    }

    [Fact]
    public void Submit_Should_Throw_When_ScanMissing()
    {
        var report = AWeeklyReport.New().WithoutScan().Build();

        var ex = Assert.Throws<DomainRuleException>(() => report.Submit("ustb", Now));
        Assert.Equal("请上传签名盖章的扫描件", ex.Message);
    }

    [Fact]
    public void Submit_Should_Throw_When_TextEmpty()
    {
        var report = AWeeklyReport.New().Build();
        report.Edit("<p></p>", "<p>x</p>", "<p>y</p>", "reports/scan.pdf");

        var ex = Assert.Throws<DomainRuleException>(() => report.Submit("ustb", Now));
        Assert.Equal("请填写工作进展", ex.Message);
    }

    [Fact]
    public void Return_Should_Throw_When_OpinionMissing()
    {
        var report = AWeeklyReport.New().In(WeeklyReportStatus.PendingReview).Build();

        var ex = Assert.Throws<DomainRuleException>(() => report.Return("bj-edu", "", Now));
        Assert.Equal("请填写退回意见", ex.Message);
    }

    [Fact]
    public void Reviews_Should_RecordEveryStep_When_ReturnedAndResubmitted()
    {
        var report = AWeeklyReport.New().In(WeeklyReportStatus.Returned).Build();
        report.Edit("<p>补充</p>", "<p>无</p>", "<p>无</p>", "reports/scan2.pdf");
        report.Submit("ustb", Now);
        report.Approve("bj-edu", null, Now.AddHours(1));

        Assert.Equal(
            [WeeklyReportAction.Submit, WeeklyReportAction.Return, WeeklyReportAction.Submit, WeeklyReportAction.Approve],
            report.Reviews.Select(r => r.Result));
        Assert.Equal("请补充数据", report.Reviews[1].Opinion);
        Assert.Equal(2, report.Reviews.Count(r => r.IsReview));
    }

    [Fact]
    public void Withdraw_Should_ClearSubmittedTime_When_Pending()
    {
        var report = AWeeklyReport.New().In(WeeklyReportStatus.PendingReview).Build();

        report.Withdraw("ustb", Now);

        Assert.Null(report.SubmittedUtc);
        Assert.True(report.CanEdit);
    }

    [Theory]
    [InlineData(WeeklyReportStatus.NotSubmitted, true)]
    [InlineData(WeeklyReportStatus.PendingReview, false)]
    [InlineData(WeeklyReportStatus.Approved, false)]
    [InlineData(WeeklyReportStatus.Returned, false)]
    public void CanDelete_Should_BeTrueOnlyWhenNotSubmitted_When_Checked(WeeklyReportStatus status, bool expected)
    {
        var report = AWeeklyReport.New().In(status).Build();

        Assert.Equal(expected, report.CanDelete);
        if (!expected)
        {
            Assert.Throws<DomainRuleException>(report.EnsureCanDelete);
        }
    }

    [Fact]
    public void EnsureNoOtherReport_Should_ThrowExactMessage_When_PeriodAlreadyHasReport()
    {
        var existing = AWeeklyReport.New().Build();

        var ex = Assert.Throws<DomainRuleException>(() => WeeklyReportPolicy.EnsureNoOtherReport([existing]));
        Assert.Equal("本周周报已提交，请勿重复提交", ex.Message);
        WeeklyReportPolicy.EnsureNoOtherReport([]);
    }

    [Fact]
    public void Create_Should_TakePeriodFromCycle_When_HalfMonthly()
    {
        var period = ReportPeriod.For(new DateOnly(2021, 9, 20), ReportingCycle.HalfMonthly);

        var report = AWeeklyReport.New().InPeriod(period).Build();

        Assert.Equal(("2021年09月 下半月", new DateOnly(2021, 9, 16), new DateOnly(2021, 9, 30)), (report.PeriodLabel, report.PeriodStart, report.PeriodEnd));
        Assert.Equal(new DateTimeOffset(2021, 10, 1, 0, 0, 0, TimeSpan.FromHours(8)), report.SubmitDeadlineUtc);
    }

    private static void Apply(WeeklyReport report, Verb verb)
    {
        switch (verb)
        {
            case Verb.Edit: report.Edit("<p>新进展</p>", "<p>困难</p>", "<p>建议</p>", "reports/scan.pdf"); break;
            case Verb.Submit: report.Submit("ustb", Now); break;
            case Verb.Withdraw: report.Withdraw("ustb", Now); break;
            case Verb.Approve: report.Approve("bj-edu", "同意", Now); break;
            case Verb.Return: report.Return("bj-edu", "退回", Now); break;
            default: throw new ArgumentOutOfRangeException(nameof(verb));
        }
    }
}
