using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.Reports;

/// <summary>
/// 周报周期: one reporting period of a province's <see cref="ReportingCycle"/>.
/// <list type="bullet">
/// <item>Weekly: weeks run Monday–Sunday. A week belongs to the month of its Monday, and 第一周 is the week of the
/// month's first Monday (so 2021-09-01, a Wednesday, is in 2021年08月 第五周; 2021-09-06..12 is 2021年09月 第一周).
/// Label "2021年09月 第二周".</item>
/// <item>Half-monthly: days 1–15 are 上半月, day 16 to the month's end 下半月. Label "2021年09月 上半月".</item>
/// </list>
/// Dates are China dates; a period starts at 00:00 China Standard Time (UTC+8, no daylight saving), see <see cref="StartUtc"/>.
/// </summary>
public sealed record ReportPeriod(ReportingCycle Cycle, DateOnly Start, DateOnly End, string Label)
{
    public const int LabelMaxLength = 20;

    /// <summary>China Standard Time, the time zone periods are counted in.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private static readonly string[] Ordinals = ["一", "二", "三", "四", "五"];

    /// <summary>The instant the period starts (00:00 China time of <see cref="Start"/>).</summary>
    public DateTimeOffset StartUtc => new DateTimeOffset(Start.ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();

    /// <summary>The period containing <paramref name="date"/>.</summary>
    public static ReportPeriod For(DateOnly date, ReportingCycle cycle) => cycle switch
    {
        ReportingCycle.Weekly => Week(date),
        ReportingCycle.HalfMonthly => HalfMonth(date),
        _ => throw new DomainRuleException("不支持的周报周期"),
    };

    /// <summary>The period containing the China-time date of <paramref name="instant"/>.</summary>
    public static ReportPeriod For(DateTimeOffset instant, ReportingCycle cycle) =>
        For(DateOnly.FromDateTime(instant.ToOffset(ChinaOffset).DateTime), cycle);

    /// <summary>The period that follows this one.</summary>
    public ReportPeriod Next() => For(End.AddDays(1), Cycle);

    /// <summary>The period before this one.</summary>
    public ReportPeriod Previous() => For(Start.AddDays(-1), Cycle);

    private static ReportPeriod Week(DateOnly date)
    {
        var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        var ordinal = (monday.Day - 1) / 7;
        return new ReportPeriod(ReportingCycle.Weekly, monday, monday.AddDays(6), $"{MonthLabel(monday)} 第{Ordinals[ordinal]}周");
    }

    private static ReportPeriod HalfMonth(DateOnly date)
    {
        var first = new DateOnly(date.Year, date.Month, 1);
        return date.Day <= 15
            ? new ReportPeriod(ReportingCycle.HalfMonthly, first, first.AddDays(14), $"{MonthLabel(first)} 上半月")
            : new ReportPeriod(ReportingCycle.HalfMonthly, first.AddDays(15), first.AddMonths(1).AddDays(-1), $"{MonthLabel(first)} 下半月");
    }

    private static string MonthLabel(DateOnly date) => $"{date.Year}年{date.Month:D2}月";
}
