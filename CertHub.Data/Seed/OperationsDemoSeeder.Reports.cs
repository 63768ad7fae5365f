using CertHub.Core.Imports;
using CertHub.Core.Reports;

namespace CertHub.Data.Seed;

public sealed partial class OperationsDemoSeeder
{
    /// <summary>
    /// 周报 of each school in its province's cycle: the current period 未提交, the previous one 待审核, then 审核退回
    /// (resubmitted later), 审核通过 and 审核通过, each submitted inside its own period.
    /// </summary>
    private static async Task SeedWeeklyReportsAsync(CertHubDbContext db, SeedState state, CancellationToken ct)
    {
        WeeklyReportStatus[] older = [WeeklyReportStatus.PendingReview, WeeklyReportStatus.Returned, WeeklyReportStatus.Approved, WeeklyReportStatus.Approved];
        foreach (var school in state.Schools.Values.OrderBy(s => s.Id))
        {
            var province = state.Provinces.Values.First(p => p.Id == school.ProvinceId);
            var actor = state.Contacts.GetValueOrDefault(school.Id, "管理员");
            var current = ReportPeriod.For(state.Now, province.ReportingCycle);
            db.Add(WeeklyReport.Create(school.Id, province.Id, current,
                $"<p>{current.Label}：正在组织信息化应用职业技能等级证书考前培训。</p>", null, null, null, Past(state, current.StartUtc.AddHours(10))));
            var period = current;
            foreach (var status in older)
            {
                period = period.Previous();
                var report = WeeklyReport.Create(school.Id, province.Id, period,
                    $"<p>{period.Label}：完成1+X证书考前培训{16 + period.Start.Day}学时，参训学生{30 + period.Start.Day}人；组织模拟考试1次。</p>",
                    "<p>部分实训设备老化，机房考位数不足，考前集中培训时间紧张。</p>",
                    "<p>建议培训评价组织提前发布考试计划，并增加线上培训资源。</p>",
                    ReportScanPath, period.StartUtc.AddDays(1));
                var submitted = period.StartUtc.AddDays(3);
                report.Submit(actor, submitted);
                if (status == WeeklyReportStatus.Approved)
                {
                    report.Approve(province.AuthorityName, "内容详实，审核通过", submitted.AddDays(3));
                }
                else if (status == WeeklyReportStatus.Returned)
                {
                    report.Return(province.AuthorityName, "请补充本周参训学生的专业分布情况", submitted.AddDays(3));
                }

                db.Add(report);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>导入记录: candidate imports (one with failed rows), a room import, a registration import and an organisation's score import.</summary>
    private static async Task SeedImportRecordsAsync(CertHubDbContext db, SeedState state, CancellationToken ct)
    {
        var index = 0;
        foreach (var school in state.Schools.Values.OrderBy(s => s.Id))
        {
            var user = state.Contacts.GetValueOrDefault(school.Id, "管理员");
            var at = state.Now.AddDays(-160);
            db.Add(ImportRecord.Create(ImportKind.CandidateImport, "考生信息导入模板.xlsx", user, school.Id, null, 28, 2, null, at.AddMinutes(index)));
            db.Add(ImportRecord.Create(ImportKind.CandidateImport, "社会考生信息.xlsx", user, school.Id, null, 8, 0, null, at.AddHours(2)));
            db.Add(ImportRecord.Create(ImportKind.RoomImport, "考场导入模板.xlsx", user, school.Id, null, 3, index % 2, null, at.AddDays(40)));
            db.Add(ImportRecord.Create(ImportKind.RegistrationImport, "报考导入模板.xlsx", user, school.Id, null, 10, 1, null, at.AddDays(60)));
            index++;
        }

        foreach (var organization in state.Organizations.Values.OrderBy(o => o.Id))
        {
            db.Add(ImportRecord.Create(ImportKind.ScoreImport, "科目成绩导入模板.xlsx", organization.ContactName ?? organization.Name, null, organization.Id,
                40, organization.Id % 2, null, Past(state, state.Now.AddDays(-4))));
        }

        await db.SaveChangesAsync(ct);
    }
}
