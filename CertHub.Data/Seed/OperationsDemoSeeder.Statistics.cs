using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using static CertHub.Core.Catalog.CertificateLevel;

namespace CertHub.Data.Seed;

public sealed partial class OperationsDemoSeeder
{
    /// <summary>
    /// 证书通过率统计 demo set (7.1): last year's finished exam plans of all three organisations (two rounds, June and November),
    /// larger than this year's, and the approved pilot applications of that year (批准人数). The plans go through the same areas
    /// as the others (报考, 缴费, 排考, 成绩, 考证结果), and their 已通过 results mostly reach 完成发放 (<see cref="IsHistory"/>),
    /// so /statistics/pass-rate shows full figures for a year as 北京市教育委员会 (bj-edu), 中物联物流 (wl) and 北京科技大学 (ustb).
    /// At most 40 candidates share a site's room per level (the demo rooms' size).
    /// </summary>
    private static readonly (string Name, int Month, int Day, (string Cert, CertificateLevel Level, decimal Fee)[] Certs, string[] Schools, int PerSchool)[] HistoryPlanRows =
    [
        ("{0}{1}月中级信息化考试", 6, 18, [(Xxh, Intermediate, 260m)], [Ustb, Ncut, Bjtu, Wipe], 18),
        ("{0}{1}月高级信息化考试", 6, 25, [(Xxh, Senior, 320m)], [Ustb, Bjtu], 18),
        ("{0}{1}月物流管理中级考试", 6, 20, [(Wlgl, Intermediate, 300m)], [Bjtu], 28),
        ("{0}{1}月健康管理初级考试", 6, 22, [(Jkgl, Junior, 240m)], [Ncut], 28),
        ("{0}{1}月JAVA应用开发考试", 6, 27, [(Java, Junior, 280m), (Java, Intermediate, 300m)], [Ustb], 20),
        ("{0}{1}月智能估值数据采集与应用初级考试", 6, 29, [(Zngz, Junior, 200m)], [Wipe], 28),
        ("{0}{1}月中级信息化考试", 11, 14, [(Xxh, Intermediate, 260m)], [Ustb, Ncut, Bjtu, Wipe], 16),
        ("{0}{1}月JAVA应用开发中级考试", 11, 21, [(Java, Intermediate, 300m)], [Ustb], 24),
    ];

    /// <summary>Whether a seeded plan belongs to the 证书通过率统计 history (last year).</summary>
    private static bool IsHistory(SeedState state, ExamPlan plan) => state.HistoryPlans.Contains(plan);

    /// <summary>Last year's plans (appended after this year's, so those keep their data) and last year's approved applications.</summary>
    private static async Task SeedPassRateHistoryAsync(CertHubDbContext db, SeedState state, CancellationToken ct)
    {
        var year = state.Year - 1;
        foreach (var row in HistoryPlanRows.Where(r => r.Certs.All(c => state.Certificates.ContainsKey(c.Cert)) && r.Schools.All(state.Schools.ContainsKey)))
        {
            var examDay = new DateTimeOffset(year, row.Month, row.Day, 1, 0, 0, TimeSpan.Zero);
            var seeded = CreatePlan(state, row.Name, ExamPlanStage.Ended, examDay, RegistrationMode.ByCertificate, row.Certs, row.Schools, row.PerSchool);
            state.Plans.Add(seeded);
            state.HistoryPlans.Add(seeded.Plan);
            db.Add(seeded.Plan);
        }

        // 批准人数: one approved application per school and certificate level examined last year, in a first batch of that year.
        var start = new DateTimeOffset(year, 1, 10, 1, 0, 0, TimeSpan.Zero);
        var applicationPlans = state.Provinces.Values.OrderBy(p => p.Code)
            .Select(p => ApplicationPlan.Create(p.Id, year, 1, $"{year}年1+X证书试点申报{ApplicationPlan.BatchNameOf(1)}", start, start.AddDays(20), false, false, OpenScope.All))
            .ToList();
        db.AddRange(applicationPlans);
        await db.SaveChangesAsync(ct);

        var index = 0;
        var applied = HistoryPlanRows
            .SelectMany(r => r.Schools.SelectMany(school => r.Certs.Select(c => (School: school, c.Cert, c.Level))))
            .Where(x => state.Schools.ContainsKey(x.School) && state.Certificates.ContainsKey(x.Cert)).Distinct().ToList();
        foreach (var (schoolCode, certCode, level) in applied)
        {
            var school = state.Schools[schoolCode];
            var certificate = state.Certificates[certCode];
            var plan = applicationPlans.FirstOrDefault(p => p.ProvinceId == school.ProvinceId);
            if (plan is null || !certificate.Levels.Any(l => l.Level == level))
            {
                continue;
            }

            var created = start.AddDays(1).AddHours(index);
            var application = PilotApplication.Create(plan, school.Id, certificate.Id, level, created);
            application.Edit(50 + index % 4 * 10, [], $"<p>本专业现有专任教师{10 + index % 5}人，已开展{certificate.Name}培训。</p>", "<p>学校建有实训室，可同时容纳80人开展培训与考核。</p>");
            application.Submit(state.Contacts.GetValueOrDefault(school.Id, school.ContactName ?? school.Name), created.AddHours(6));
            var province = state.Provinces.Values.First(p => p.Id == school.ProvinceId);
            application.Approve(application.RequestedTotal - index % 3 * 5, province.AuthorityName, created.AddDays(3), "同意试点");
            db.Add(application);
            index++;
        }

        await db.SaveChangesAsync(ct);
    }
}
