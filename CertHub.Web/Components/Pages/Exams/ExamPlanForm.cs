using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;

namespace CertHub.Web.Components.Pages.Exams;

/// <summary>A certificate level chosen in the plan form.</summary>
public sealed record PlanLevel(int CertificateId, CertificateLevel Level);

/// <summary>The exam time (and 按科目 fee) entered for one subject.</summary>
public sealed class SubjectTime
{
    public bool Included { get; set; }

    public DateTimeOffset? StartUtc { get; set; }

    public DateTimeOffset? EndUtc { get; set; }

    public decimal? Fee { get; set; }
}

/// <summary>
/// The state of the 新增/编辑考试计划 form (times as UTC instants entered in China time). It only gathers input;
/// every rule is checked by <see cref="ExamPlan"/> when the service saves it.
/// </summary>
public sealed class ExamPlanForm
{
    /// <summary>The plan's row version when 编辑 loaded it (null for 新增): 保存 sends it back.</summary>
    public long? Version { get; set; }

    public int Year { get; set; }

    public string? Name { get; set; }

    public RegistrationMode Mode { get; set; }

    public DateTimeOffset? RegistrationStartUtc { get; set; }

    public DateTimeOffset? RegistrationEndUtc { get; set; }

    public DateTimeOffset? SchedulingStartUtc { get; set; }

    public DateTimeOffset? SchedulingEndUtc { get; set; }

    public DateTimeOffset? ScoreEntryStartUtc { get; set; }

    public DateTimeOffset? ScoreEntryEndUtc { get; set; }

    public DateTimeOffset? NoticeStartUtc { get; set; }

    public DateTimeOffset? NoticeEndUtc { get; set; }

    /// <summary>考核证书 (certificate levels), bound to the multi-select.</summary>
    public IReadOnlyCollection<PlanLevel> Levels { get; set; } = [];

    /// <summary>考试费用 per certificate level (按证书).</summary>
    public Dictionary<PlanLevel, decimal> Fees { get; } = [];

    /// <summary>参考院校.</summary>
    public HashSet<int> SchoolIds { get; } = [];

    /// <summary>Exam times by subject id.</summary>
    public Dictionary<int, SubjectTime> Subjects { get; } = [];

    /// <summary>A new plan with windows following each other from today (China time): 报考 2 weeks, 排考 1 week, exams, 成绩登记, 公示.</summary>
    public static ExamPlanForm New(DateTimeOffset nowUtc)
    {
        var today = new DateTimeOffset(nowUtc.ToChina().Date, ChinaTime.Offset);
        DateTimeOffset Day(int days) => today.AddDays(days).ToUniversalTime();
        return new ExamPlanForm
        {
            Year = today.Year,
            Name = $"{today.Year}年{today.AddDays(22).Month}月考试计划",
            Mode = RegistrationMode.ByCertificate,
            RegistrationStartUtc = Day(0),
            RegistrationEndUtc = Day(14),
            SchedulingStartUtc = Day(14),
            SchedulingEndUtc = Day(21),
            ScoreEntryStartUtc = Day(24),
            ScoreEntryEndUtc = Day(30),
            NoticeStartUtc = Day(30),
            NoticeEndUtc = Day(37),
        };
    }

    /// <summary>The form of a saved plan (编辑).</summary>
    public static ExamPlanForm From(ExamPlanDetail detail)
    {
        var p = detail.Plan;
        var w = p.Windows;
        var form = new ExamPlanForm
        {
            Year = p.Year,
            Name = p.Name,
            Mode = p.Mode,
            RegistrationStartUtc = w.RegistrationStartUtc,
            RegistrationEndUtc = w.RegistrationEndUtc,
            SchedulingStartUtc = w.SchedulingStartUtc,
            SchedulingEndUtc = w.SchedulingEndUtc,
            ScoreEntryStartUtc = w.ScoreEntryStartUtc,
            ScoreEntryEndUtc = w.ScoreEntryEndUtc,
            NoticeStartUtc = w.NoticeStartUtc,
            NoticeEndUtc = w.NoticeEndUtc,
            Levels = [.. detail.Certificates.Select(c => new PlanLevel(c.CertificateId, c.Level))],
            Version = detail.Version,
        };
        foreach (var c in detail.Certificates)
        {
            form.Fees[new PlanLevel(c.CertificateId, c.Level)] = c.Fee;
        }

        form.SchoolIds.UnionWith(detail.Schools.Select(s => s.SchoolId));
        foreach (var s in detail.Subjects)
        {
            form.Subjects[s.SubjectId] = new SubjectTime { Included = true, StartUtc = s.StartUtc, EndUtc = s.EndUtc, Fee = s.Fee };
        }

        return form;
    }

    public decimal FeeOf(PlanLevel level) => Fees.TryGetValue(level, out var fee) ? fee : 0m;

    /// <summary>Includes or leaves out a subject; a newly included one starts after the last included exam (or at 09:00 after 排考).</summary>
    public void Include(ExamPlanSubjectOption subject, bool included)
    {
        var time = TimeOf(subject.SubjectId);
        time.Included = included;
        if (included && time.StartUtc is null)
        {
            var others = Subjects.Where(s => s.Key != subject.SubjectId && s.Value.Included && s.Value.EndUtc is not null).Select(s => s.Value.EndUtc!.Value).ToList();
            var start = others.Count > 0
                ? others.Max().AddMinutes(30)
                : SchedulingEndUtc is { } end ? new DateTimeOffset(end.ToChina().Date.AddDays(1).AddHours(9), ChinaTime.Offset).ToUniversalTime() : (DateTimeOffset?)null;
            time.StartUtc = start;
            time.EndUtc = start?.AddMinutes(subject.DurationMinutes);
        }
    }

    public SubjectTime TimeOf(int subjectId)
    {
        if (!Subjects.TryGetValue(subjectId, out var time))
        {
            time = new SubjectTime();
            Subjects[subjectId] = time;
        }

        return time;
    }

    /// <summary>The input for the service, or the first missing entry (a Chinese message).</summary>
    public (ExamPlanInput? Input, string? Missing) ToInput(IReadOnlyCollection<ExamPlanSubjectOption> offered)
    {
        DateTimeOffset?[] times = [RegistrationStartUtc, RegistrationEndUtc, SchedulingStartUtc, SchedulingEndUtc, ScoreEntryStartUtc, ScoreEntryEndUtc, NoticeStartUtc, NoticeEndUtc];
        if (times.Any(t => t is null))
        {
            return (null, "请填写报考、排考、成绩登记和公示的开始和结束时间");
        }

        var chosen = offered.Where(o => Levels.Contains(new PlanLevel(o.CertificateId, o.Level)) && Subjects.TryGetValue(o.SubjectId, out var t) && t.Included).ToList();
        if (chosen.Any(o => Subjects[o.SubjectId].StartUtc is null || Subjects[o.SubjectId].EndUtc is null))
        {
            return (null, "请填写所选科目的考试时间");
        }

        var windows = new ExamPlanWindows(times[0]!.Value, times[1]!.Value, times[2]!.Value, times[3]!.Value, times[4]!.Value, times[5]!.Value, times[6]!.Value, times[7]!.Value);
        return (new ExamPlanInput(Year, Name ?? "", Mode, windows,
            [.. Levels.Select(l => new ExamPlanCertificateInput(l.CertificateId, l.Level, FeeOf(l)))],
            [.. SchoolIds],
            [.. chosen.Select(o => Subjects[o.SubjectId]).Zip(chosen, (t, o) => new ExamPlanSubjectInput(o.SubjectId, t.StartUtc!.Value, t.EndUtc!.Value, Mode == RegistrationMode.BySubject ? t.Fee : null))])
        {
            Version = Version,
        }, null);
    }
}
