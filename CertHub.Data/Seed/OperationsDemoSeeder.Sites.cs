using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using static CertHub.Core.Catalog.CertificateLevel;

namespace CertHub.Data.Seed;

public sealed partial class OperationsDemoSeeder
{
    private static readonly (string School, string Cert, CertificateLevel[] Levels, ExamSiteStatus Status)[] SiteRows =
    [
        (Bjtu, Xxh, [Junior, Intermediate, Senior], ExamSiteStatus.Approved),
        (Bjtu, Wlgl, [Intermediate], ExamSiteStatus.Approved),
        (Ustb, Xxh, [Intermediate, Senior], ExamSiteStatus.Approved),
        (Ustb, Java, [Junior, Intermediate], ExamSiteStatus.Approved),
        (Ncut, Jkgl, [Junior], ExamSiteStatus.Approved),
        (Wipe, Xxh, [Intermediate], ExamSiteStatus.Approved),
        (Wipe, Zngz, [Junior], ExamSiteStatus.Approved),
        (Bjtu, Java, [Intermediate], ExamSiteStatus.Pending),
        (Wipe, Java, [Junior], ExamSiteStatus.Returned),
        (Ncut, Web, [Intermediate], ExamSiteStatus.Draft),
    ];

    private static async Task SeedSitesAsync(CertHubDbContext db, SeedState state, CancellationToken ct)
    {
        var created = state.Now.AddDays(-150);
        var index = 0;
        foreach (var row in SiteRows)
        {
            var school = state.Schools[row.School];
            var certificate = state.Certificates[row.Cert];
            var contact = state.Contacts.GetValueOrDefault(school.Id, "李明");
            var site = ExamSite.Create(school, certificate, row.Levels, $"{school.Address}第{index % 3 + 1}教学楼", 40 + index % 3 * 20,
                contact, $"1381003{index:D4}", created.AddDays(index), $"考试用计算机{40 + index % 3 * 20}台，配备监控摄像头、电子屏幕和备用电源。");
            var at = created.AddDays(index + 1);
            switch (row.Status)
            {
                case ExamSiteStatus.Approved:
                    site.Submit(contact, at);
                    site.Approve("审核员", at.AddDays(2), "场地与设备符合考核站点建设标准");
                    break;
                case ExamSiteStatus.Pending:
                    site.Submit(contact, Past(state, state.Now.AddDays(-2)));
                    break;
                case ExamSiteStatus.Returned:
                    site.Submit(contact, at);
                    site.Return("考位数与场地情况不符，请核实机房考位数后重新提交", "审核员", at.AddDays(2));
                    break;
                default:
                    site.Submit(contact, at);
                    site.Withdraw(contact, at.AddHours(2));
                    break;
            }

            state.Sites.Add(site);
            index++;
        }

        db.AddRange(state.Sites);
        await db.SaveChangesAsync(ct);

        // 考核站点分配 (借考): 北京交通大学's approved 信息化应用 site lends its 中级 examination to 北方工业大学.
        var host = state.Sites.First(s => s.SchoolId == state.Schools[Bjtu].Id && s.CertificateId == state.Certificates[Xxh].Id);
        state.Allocations.Add(SiteAllocation.Create(host, state.Schools[Ncut].Id, Intermediate, "中物联物流", created.AddDays(20)));
        db.AddRange(state.Allocations);
        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedSubjectsAsync(CertHubDbContext db, SeedState state, CancellationToken ct)
    {
        var certIndex = 0;
        foreach (var certificate in state.Certificates.Values.OrderBy(c => c.Id))
        {
            certIndex++;
            var theoryMode = certificate.Code is Wlgl or Jkgl ? ExamMode.Written : ExamMode.Computer;
            foreach (var level in certificate.Levels.Select(l => l.Level).Order())
            {
                var prefix = $"4{certIndex:D4}{(int)level + 1:D2}";
                var levelName = level.ToDisplayName();
                var splitScope = level == Senior;
                state.Subjects.Add(ExamSubject.Create(certificate.OrganizationId, certificate.Id, level, $"{prefix}0001",
                    $"{levelName}理论知识考试", theoryMode, CandidateScope.All, 100, 60, 90));
                state.Subjects.Add(ExamSubject.Create(certificate.OrganizationId, certificate.Id, level, $"{prefix}0002",
                    $"{levelName}实操技能考试", ExamMode.Practical, splitScope ? CandidateScope.SchoolCandidates : CandidateScope.All, 100, 60, 120));
                if (splitScope)
                {
                    state.Subjects.Add(ExamSubject.Create(certificate.OrganizationId, certificate.Id, level, $"{prefix}0003",
                        $"{levelName}综合实务考试", ExamMode.Practical, CandidateScope.PublicCandidates, 100, 60, 120));
                }
            }
        }

        db.AddRange(state.Subjects);
        await db.SaveChangesAsync(ct);
    }
}
