using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Components.Pages.Exams;

namespace CertHub.Tests.Web.Exams;

public sealed class ExamPlanFormTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 16, 30, 0, TimeSpan.Zero); // 2026-11-30 00:30 China time

    private static ExamPlanSubjectOption Option(int id, CertificateLevel level = CertificateLevel.Junior, int minutes = 90) =>
        new(id, 1, level, $"KM{id:D3}", "理论知识", ExamMode.Computer, minutes);

    private static ExamPlanForm Form()
    {
        var form = ExamPlanForm.New(Now);
        form.Levels = [new PlanLevel(1, CertificateLevel.Junior)];
        form.Fees[new PlanLevel(1, CertificateLevel.Junior)] = 240m;
        form.SchoolIds.Add(1);
        return form;
    }

    [Fact]
    public void New_Should_GiveWindowsAndExamTimesThatThePlanAcceptsAndPublishes()
    {
        var form = Form();
        form.Include(Option(1), true);
        form.Include(Option(2, minutes: 120), true);

        var (input, missing) = form.ToInput([Option(1), Option(2, minutes: 120)]);

        Assert.Null(missing);
        var plan = ExamPlan.Create(1, input!.Year, input.Name, input.Mode, input.Windows, Now);
        plan.SetCertificate(1, CertificateLevel.Junior, input.Certificates[0].Fee);
        plan.SetSchools(input.SchoolIds);
        foreach (var subject in input.Subjects)
        {
            plan.SetSubject(ADomain.Subject(subject.SubjectId), subject.StartUtc, subject.EndUtc, subject.Fee);
        }

        plan.Publish("中物联物流(wl)", Now);
        Assert.Equal(ExamPlanStage.Registration, plan.StageAt(Now));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.FromHours(8)), input.Windows.RegistrationStartUtc);
    }

    [Fact]
    public void Include_Should_StartTheNextSubjectHalfAnHourAfterThePreviousEnds()
    {
        var form = Form();

        form.Include(Option(1), true);
        form.Include(Option(2, minutes: 120), true);

        var first = form.TimeOf(1);
        var second = form.TimeOf(2);
        Assert.Equal(new DateTimeOffset(2026, 12, 22, 9, 0, 0, TimeSpan.FromHours(8)), first.StartUtc);
        Assert.Equal(first.EndUtc!.Value.AddMinutes(30), second.StartUtc);
        Assert.Equal(second.StartUtc!.Value.AddMinutes(120), second.EndUtc);
    }

    [Fact]
    public void ToInput_Should_ReportMissingWindow_When_ATimeIsCleared()
    {
        var form = Form();
        form.NoticeEndUtc = null;

        var (input, missing) = form.ToInput([]);

        Assert.Null(input);
        Assert.Equal("请填写报考、排考、成绩登记和公示的开始和结束时间", missing);
    }

    [Fact]
    public void ToInput_Should_LeaveOutSubjects_When_NotIncludedOrOfAnotherLevel()
    {
        var form = Form();
        form.Include(Option(1), true);
        form.Include(Option(2), true);
        form.Include(Option(2), false);
        form.Include(Option(3, CertificateLevel.Senior), true);

        var (input, _) = form.ToInput([Option(1), Option(2), Option(3, CertificateLevel.Senior)]);

        Assert.Equal([1], input!.Subjects.Select(s => s.SubjectId));
        Assert.Null(input.Subjects[0].Fee);
    }
}
