using CertHub.Core.Catalog;
using CertHub.Core.Reports;

namespace CertHub.Tests.Core.Reports;

public sealed class ReportPeriodTests
{
    [Theory]
    [InlineData("2021-09-15", "2021-09-13", "2021-09-19", "2021年09月 第二周")]
    [InlineData("2021-09-06", "2021-09-06", "2021-09-12", "2021年09月 第一周")]
    [InlineData("2021-09-12", "2021-09-06", "2021-09-12", "2021年09月 第一周")]
    [InlineData("2021-09-01", "2021-08-30", "2021-09-05", "2021年08月 第五周")]
    [InlineData("2021-09-30", "2021-09-27", "2021-10-03", "2021年09月 第四周")]
    [InlineData("2021-11-01", "2021-11-01", "2021-11-07", "2021年11月 第一周")]
    [InlineData("2022-01-01", "2021-12-27", "2022-01-02", "2021年12月 第四周")]
    [InlineData("2021-08-31", "2021-08-30", "2021-09-05", "2021年08月 第五周")]
    public void For_Should_LabelWeekByItsMonday_When_Weekly(string date, string start, string end, string label)
    {
        var period = ReportPeriod.For(DateOnly.Parse(date), ReportingCycle.Weekly);

        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end), label), (period.Start, period.End, period.Label));
    }

    [Theory]
    [InlineData("2021-09-01", "2021-09-01", "2021-09-15", "2021年09月 上半月")]
    [InlineData("2021-09-15", "2021-09-01", "2021-09-15", "2021年09月 上半月")]
    [InlineData("2021-09-16", "2021-09-16", "2021-09-30", "2021年09月 下半月")]
    [InlineData("2021-02-28", "2021-02-16", "2021-02-28", "2021年02月 下半月")]
    [InlineData("2024-02-29", "2024-02-16", "2024-02-29", "2024年02月 下半月")]
    [InlineData("2021-12-31", "2021-12-16", "2021-12-31", "2021年12月 下半月")]
    public void For_Should_SplitMonthAtThe15th_When_HalfMonthly(string date, string start, string end, string label)
    {
        var period = ReportPeriod.For(DateOnly.Parse(date), ReportingCycle.HalfMonthly);

        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end), label), (period.Start, period.End, period.Label));
    }

    [Fact]
    public void Next_Should_StartTheDayAfterEnd_When_CrossingMonthAndYear()
    {
        var week = ReportPeriod.For(new DateOnly(2021, 12, 29), ReportingCycle.Weekly).Next();
        Assert.Equal((new DateOnly(2022, 1, 3), "2022年01月 第一周"), (week.Start, week.Label));

        var half = ReportPeriod.For(new DateOnly(2021, 12, 20), ReportingCycle.HalfMonthly).Next();
        Assert.Equal((new DateOnly(2022, 1, 1), new DateOnly(2022, 1, 15), "2022年01月 上半月"), (half.Start, half.End, half.Label));
        Assert.Equal(ReportPeriod.For(new DateOnly(2021, 12, 20), ReportingCycle.HalfMonthly), half.Previous());
    }

    [Fact]
    public void StartUtc_Should_BeMidnightChinaTime_When_Computed()
    {
        var period = ReportPeriod.For(new DateOnly(2021, 9, 20), ReportingCycle.Weekly);

        Assert.Equal(new DateTimeOffset(2021, 9, 19, 16, 0, 0, TimeSpan.Zero), period.StartUtc);
    }

    [Fact]
    public void For_Should_UseChinaDate_When_GivenAnInstant()
    {
        var sundayLateUtc = new DateTimeOffset(2021, 9, 19, 16, 30, 0, TimeSpan.Zero);

        Assert.Equal("2021年09月 第三周", ReportPeriod.For(sundayLateUtc, ReportingCycle.Weekly).Label);
    }
}
