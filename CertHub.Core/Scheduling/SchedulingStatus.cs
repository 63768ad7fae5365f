using System.ComponentModel.DataAnnotations;

namespace CertHub.Core.Scheduling;

/// <summary>
/// 排考状态 of a subject at a site (manual 5.2.8.1), computed from time and counts by
/// <see cref="SchedulingStatusCalculator"/>, never stored: 未开始 (before the scheduling window) → 未排考 (in the window,
/// nobody seated) → 排考中 (some seated) → 已排完 (everyone seated) → 已结束 (after the window).
/// </summary>
public enum SchedulingStatus
{
    [Display(Name = "未开始")] NotStarted,
    [Display(Name = "未排考")] NotScheduled,
    [Display(Name = "排考中")] InProgress,
    [Display(Name = "已排完")] Completed,
    [Display(Name = "已结束")] Ended,
}

/// <summary>Computes <see cref="SchedulingStatus"/>. The scheduling window is half-open: [start, end).</summary>
public static class SchedulingStatusCalculator
{
    public static SchedulingStatus For(DateTimeOffset schedulingStart, DateTimeOffset schedulingEnd, DateTimeOffset now, int registrations, int seated)
    {
        if (now < schedulingStart)
        {
            return SchedulingStatus.NotStarted;
        }

        if (now >= schedulingEnd)
        {
            return SchedulingStatus.Ended;
        }

        if (seated <= 0)
        {
            return SchedulingStatus.NotScheduled;
        }

        return seated >= registrations ? SchedulingStatus.Completed : SchedulingStatus.InProgress;
    }
}
