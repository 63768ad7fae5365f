using CertHub.Core.Catalog;
using CertHub.Core.Reports;

namespace CertHub.Tests.Support.Builders;

/// <summary>Builds <see cref="WeeklyReport"/>s for 2021年09月 第二周 (2021-09-13..19), driven to the wanted status.</summary>
public sealed class AWeeklyReport
{
    /// <summary>2021-09-15 10:00 China time, inside the period.</summary>
    public static readonly DateTimeOffset During = new(2021, 9, 15, 10, 0, 0, TimeSpan.FromHours(8));

    private int _schoolId = 1;
    private int _provinceId = 1;
    private WeeklyReportStatus _status = WeeklyReportStatus.NotSubmitted;
    private string? _scan = "reports/scan.pdf";
    private ReportPeriod _period = ReportPeriod.For(new DateOnly(2021, 9, 15), ReportingCycle.Weekly);

    public static AWeeklyReport New() => new();

    public AWeeklyReport For(int schoolId, int provinceId)
    {
        _schoolId = schoolId;
        _provinceId = provinceId;
        return this;
    }

    public AWeeklyReport InPeriod(ReportPeriod period)
    {
        _period = period;
        return this;
    }

    public AWeeklyReport WithoutScan()
    {
        _scan = null;
        return this;
    }

    public AWeeklyReport In(WeeklyReportStatus status)
    {
        _status = status;
        return this;
    }

    public WeeklyReport Build()
    {
        var report = WeeklyReport.Create(_schoolId, _provinceId, _period, "<p>北京科技大学第二周</p>", "<p>kunnan</p>", "<p>1</p>", _scan, During);
        switch (_status)
        {
            case WeeklyReportStatus.PendingReview:
                report.Submit("北科大(ustb)", During);
                break;
            case WeeklyReportStatus.Approved:
                report.Submit("北科大(ustb)", During);
                report.Approve("北京教委(bj-edu)", "同意", During.AddHours(1));
                break;
            case WeeklyReportStatus.Returned:
                report.Submit("北科大(ustb)", During);
                report.Return("北京教委(bj-edu)", "请补充数据", During.AddHours(1));
                break;
        }

        return report;
    }
}
