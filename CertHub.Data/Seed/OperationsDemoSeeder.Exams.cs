using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using static CertHub.Core.Catalog.CertificateLevel;

namespace CertHub.Data.Seed;

public sealed partial class OperationsDemoSeeder
{
    /// <summary>
    /// The exam plans: name ({0} year, {1} month of the exam in Chinese), the stage wanted now, the exam day relative to
    /// now, the registration mode, certificate levels with fees, schools and how many candidates per school register.
    /// </summary>
    private static readonly (string Name, ExamPlanStage Stage, int ExamDay, RegistrationMode Mode, (string Cert, CertificateLevel Level, decimal Fee)[] Certs, string[] Schools, int PerSchool)[] PlanRows =
    [
        ("{0}{1}月中级信息化考试（草稿）", ExamPlanStage.Unpublished, 50, RegistrationMode.ByCertificate, [(Xxh, Intermediate, 260m)], [Ustb, Bjtu], 0),
        ("{0}{1}月智能估值数据采集与应用初级考试", ExamPlanStage.NotStarted, 60, RegistrationMode.ByCertificate, [(Zngz, Junior, 200m)], [Wipe], 0),
        ("{0}{1}月中级信息化考试", ExamPlanStage.Registration, 30, RegistrationMode.ByCertificate, [(Xxh, Intermediate, 260m), (Wlgl, Intermediate, 300m)], [Ustb, Ncut, Bjtu, Wipe], 8),
        ("{0}{1}月信息化考试（多考场多时间）", ExamPlanStage.Scheduling, 10, RegistrationMode.BySubject, [(Xxh, Intermediate, 260m), (Xxh, Senior, 320m)], [Ustb, Ncut, Bjtu], 8),
        ("{0}{1}月JAVA应用开发考试", ExamPlanStage.Examination, 1, RegistrationMode.ByCertificate, [(Java, Junior, 280m), (Java, Intermediate, 300m)], [Ustb], 8),
        ("{0}{1}月健康管理与信息化考试", ExamPlanStage.ScoreEntry, -10, RegistrationMode.ByCertificate, [(Jkgl, Junior, 240m), (Xxh, Intermediate, 260m)], [Ncut, Wipe], 8),
        ("{0}{1}月中级信息化考试", ExamPlanStage.Notice, -18, RegistrationMode.ByCertificate, [(Xxh, Intermediate, 260m)], [Ustb, Ncut, Bjtu, Wipe], 8),
        ("{0}{1}月中级信息化考试", ExamPlanStage.Ended, -60, RegistrationMode.ByCertificate, [(Xxh, Intermediate, 260m), (Wlgl, Intermediate, 300m)], [Ustb, Ncut, Bjtu, Wipe], 10),
        ("{0}{1}月智能估值数据采集与应用初级考试", ExamPlanStage.Ended, -75, RegistrationMode.ByCertificate, [(Zngz, Junior, 200m)], [Wipe], 10),
        ("{0}{1}月JAVA应用开发中级考试", ExamPlanStage.Ended, -90, RegistrationMode.ByCertificate, [(Java, Intermediate, 300m)], [Ustb], 10),
    ];

    private static async Task SeedExamPlansAsync(CertHubDbContext db, SeedState state, CancellationToken ct)
    {
        foreach (var row in PlanRows)
        {
            state.Plans.Add(CreatePlan(state, row.Name, row.Stage, ExamDay(state.Now, row.ExamDay), row.Mode, row.Certs, row.Schools, row.PerSchool));
        }

        db.AddRange(state.Plans.Select(p => p.Plan));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An exam plan of the certificates' organisation with the windows around <paramref name="examDay"/> (published unless 未发布).</summary>
    private static SeededPlan CreatePlan(SeedState state, string nameFormat, ExamPlanStage stage, DateTimeOffset examDay, RegistrationMode mode,
        (string Cert, CertificateLevel Level, decimal Fee)[] certs, string[] schools, int perSchool)
    {
        var certificates = certs.Select(c => (Certificate: state.Certificates[c.Cert], c.Level, c.Fee)).ToList();
        var organization = state.Organizations[certificates[0].Certificate.OrganizationId];
        var windows = new ExamPlanWindows(
            examDay.AddDays(-40), examDay.AddDays(-20), examDay.AddDays(-20), examDay.AddDays(-3),
            examDay.AddDays(5), examDay.AddDays(15), examDay.AddDays(15), examDay.AddDays(22));
        var publishAt = Past(state, windows.RegistrationStartUtc.AddDays(-3));
        var china = examDay.ToOffset(TimeSpan.FromHours(8));
        var name = string.Format(System.Globalization.CultureInfo.InvariantCulture, nameFormat, china.Year, ChineseMonth(china.Month));
        var plan = ExamPlan.Create(organization.Id, china.Year, name, mode, windows, publishAt.AddDays(-2));
        foreach (var (certificate, level, fee) in certificates)
        {
            plan.SetCertificate(certificate.Id, level, fee);
        }

        plan.SetSchools(schools.Select(code => state.Schools[code].Id));
        var levelIndex = 0;
        foreach (var (certificate, level, fee) in certificates)
        {
            foreach (var subject in state.SubjectsOf(certificate.Id, level))
            {
                var start = examDay.AddDays(levelIndex).AddHours(subject.ExamMode == ExamMode.Practical ? 5 : 0);
                plan.SetSubject(subject, start, start.AddMinutes(subject.DurationMinutes), mode == RegistrationMode.BySubject ? decimal.Round(fee / 2, 2) : null);
            }

            levelIndex++;
        }

        if (stage != ExamPlanStage.Unpublished)
        {
            plan.Publish(organization.ContactName ?? organization.Name, publishAt);
        }

        return new SeededPlan(plan, stage, perSchool);
    }

    /// <summary>09:00 China time (01:00 UTC) on the day <paramref name="days"/> from now.</summary>
    private static DateTimeOffset ExamDay(DateTimeOffset now, int days)
    {
        var date = now.UtcDateTime.Date.AddDays(days);
        return new DateTimeOffset(date.Year, date.Month, date.Day, 1, 0, 0, TimeSpan.Zero);
    }

    private static string ChineseMonth(int month) => month switch
    {
        10 => "十",
        11 => "十一",
        12 => "十二",
        _ => "零一二三四五六七八九"[month].ToString(),
    };
}
