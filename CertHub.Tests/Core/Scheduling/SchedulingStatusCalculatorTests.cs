using CertHub.Core.Common;
using CertHub.Core.Scheduling;

namespace CertHub.Tests.Core.Scheduling;

public sealed class SchedulingStatusCalculatorTests
{
    private static readonly DateTimeOffset Start = new(2021, 9, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2021, 9, 15, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-1, 10, 0, SchedulingStatus.NotStarted)]
    [InlineData(-1, 10, 10, SchedulingStatus.NotStarted)]
    [InlineData(0, 10, 0, SchedulingStatus.NotScheduled)]
    [InlineData(0, 0, 0, SchedulingStatus.NotScheduled)]
    [InlineData(60, 10, 4, SchedulingStatus.InProgress)]
    [InlineData(60, 10, 10, SchedulingStatus.Completed)]
    [InlineData(7199, 10, 10, SchedulingStatus.Completed)]
    [InlineData(7200, 10, 10, SchedulingStatus.Ended)]
    [InlineData(9000, 10, 3, SchedulingStatus.Ended)]
    public void For_Should_FollowManual_When_TimeAndCountsGiven(int minutesFromStart, int registrations, int seated, SchedulingStatus expected)
    {
        Assert.Equal(expected, SchedulingStatusCalculator.For(Start, End, Start.AddMinutes(minutesFromStart), registrations, seated));
    }

    [Fact]
    public void DisplayNames_Should_MatchManual_When_Shown()
    {
        Assert.Equal(["未开始", "未排考", "排考中", "已排完", "已结束"], Enum.GetValues<SchedulingStatus>().Select(s => s.ToDisplayName()));
    }
}
