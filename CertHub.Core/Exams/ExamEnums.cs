using System.ComponentModel.DataAnnotations;

namespace CertHub.Core.Exams;

/// <summary>考试方式.</summary>
public enum ExamMode
{
    [Display(Name = "笔试")] Written,
    [Display(Name = "机考")] Computer,
    [Display(Name = "实操")] Practical,
}

/// <summary>考场类型, following the subject's exam mode.</summary>
public enum RoomType
{
    [Display(Name = "普通考场")] Ordinary,
    [Display(Name = "机房")] ComputerRoom,
    [Display(Name = "实操考场")] PracticalRoom,
}

/// <summary>参考对象 of a subject.</summary>
public enum CandidateScope
{
    [Display(Name = "所有考生")] All,
    [Display(Name = "院校考生")] SchoolCandidates,
    [Display(Name = "社会考生")] PublicCandidates,
}

/// <summary>报考方式 of an exam plan.</summary>
public enum RegistrationMode
{
    [Display(Name = "按证书")] ByCertificate,
    [Display(Name = "按科目")] BySubject,
}

/// <summary>The four windows of an exam plan.</summary>
public enum ExamPlanWindow
{
    [Display(Name = "报考时间")] Registration,
    [Display(Name = "排考时间")] Scheduling,
    [Display(Name = "成绩登记时间")] ScoreEntry,
    [Display(Name = "公示时间")] Notice,
}

/// <summary>
/// 考试计划阶段, computed from time (never stored): 未发布 until published; then 未开始 before registration,
/// 报考中, 排考中, 考试中 (from the end of scheduling to the start of score entry), 成绩登记中, 公示中, 已结束.
/// A gap between two windows belongs to the next stage.
/// </summary>
public enum ExamPlanStage
{
    [Display(Name = "未发布")] Unpublished,
    [Display(Name = "未开始")] NotStarted,
    [Display(Name = "报考中")] Registration,
    [Display(Name = "排考中")] Scheduling,
    [Display(Name = "考试中")] Examination,
    [Display(Name = "成绩登记中")] ScoreEntry,
    [Display(Name = "公示中")] Notice,
    [Display(Name = "已结束")] Ended,
}

/// <summary>
/// 考场状态, computed from the plan's scheduling window (never stored). What each status allows (ExamRoom.Table):
/// 未排考: 编辑, 增加考位数, 删除; 排考中: 增加考位数 only; 已结束: nothing (read-only).
/// </summary>
public enum ExamRoomStatus
{
    [Display(Name = "未排考")] NotScheduled,
    [Display(Name = "排考中")] Scheduling,
    [Display(Name = "已结束")] Ended,
}

/// <summary>Actions on an <see cref="ExamRoom"/>; none changes its (time-derived) status.</summary>
public enum ExamRoomAction
{
    [Display(Name = "编辑")] Edit,
    [Display(Name = "增加考位数")] RaiseSeatCount,
    [Display(Name = "删除")] Delete,
}

public static class ExamEnumExtensions
{
    /// <summary>考场类型 for an exam mode: 笔试 → 普通考场, 机考 → 机房, 实操 → 实操考场.</summary>
    public static RoomType ToRoomType(this ExamMode mode) => mode switch
    {
        ExamMode.Written => RoomType.Ordinary,
        ExamMode.Computer => RoomType.ComputerRoom,
        ExamMode.Practical => RoomType.PracticalRoom,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}
