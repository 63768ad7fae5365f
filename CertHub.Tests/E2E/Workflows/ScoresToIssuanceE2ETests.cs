using System.Globalization;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Registrations;
using CertHub.Core.Scheduling;
using CertHub.Data;
using CertHub.Tests.E2E.Infrastructure;
using CertHub.Web.Documents.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Workflows;

/// <summary>
/// Issue 8 end to end: a plan of 中物联物流 (wl) in 成绩登记中 whose 公示期 ends within the hour, with one seated 北方工业大学
/// (ncut) candidate (信息准确, with a photo) — arranged as the system, like the demo seed, since 一键排考 is another test's.
/// wl imports the score on /exams/scores (Excel import); ncut sees it; the app's clock moves past the 公示期
/// (<see cref="E2EClock"/>); ncut sees the result 已通过 on /exams/results; wl's 获取待发证记录 on /issuance picks the candidate up.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ScoresToIssuanceE2ETests(CertHubAppFixture app)
{
    private const string WlCreditCode = "91110000MA01WL001X";
    private const string NcutCode = "4111010009";

    private sealed record Arranged(int PlanId, string PlanName, int Year, string CertificateName, string LevelName,
        string Ticket, string CandidateNo, string Name, string SubjectCode, decimal PassMark, DateTimeOffset NoticeEndUtc);

    [E2EFact]
    public async Task Workflow_Should_TakeAnImportedScoreThroughTheNoticePeriodToIssuance()
    {
        var arranged = await ArrangeAsync();
        var score = Math.Min(arranged.PassMark + 12m, 100m).ToString("0.#", CultureInfo.InvariantCulture);
        var sheetPath = Path.Combine(BrowserEnvironment.ArtifactsDirectory, "workflow8-scores.xlsx");
        await using (var sheet = File.Create(sheetPath))
        {
            await ScoreSheet.WriteRowsAsync(sheet, [[arranged.Ticket, arranged.CandidateNo, arranged.Name, arranged.SubjectCode, score]]);
        }

        // 1. wl imports the score through the page's Excel import.
        var org = await app.NewPageAsync();
        await org.LoginAsync("wl");
        await org.GotoAsync($"/exams/scores?plan={arranged.PlanId}");
        await org.WaitForCircuitAsync();
        await org.ClickAsync("[data-testid='score-import']");
        await org.Locator("[data-testid='import-dialog']").WaitForAsync();
        await org.Locator(".mud-dialog input[type=file]").SetInputFilesAsync(sheetPath);
        await org.ClickAsync("[data-testid='import-start']");
        await Assertions.Expect(org.Locator("[data-testid='import-succeeded']")).ToHaveTextAsync("1");
        await Assertions.Expect(org.Locator("[data-testid='import-failed']")).ToHaveTextAsync("0");
        await org.ClickAsync("[data-testid='import-close']");
        await org.ScreenshotAsync("workflow8-org-scores");

        // 2. ncut sees it.
        var school = await app.NewPageAsync();
        await school.LoginAsync("ncut");
        await school.GotoAsync($"/exams/scores?plan={arranged.PlanId}");
        await school.WaitForCircuitAsync();
        var row = school.Locator("[data-testid='scores-table'] tbody tr").Filter(new() { HasText = arranged.CandidateNo });
        await Assertions.Expect(row.Locator("[data-testid='score-value']")).ToContainTextAsync(score);
        await school.ScreenshotAsync("workflow8-school-scores");

        // 3. The 公示期 ends (the app's clock moves past it; other tests get the real time back).
        var now = app.Clock.GetUtcNow();
        using (app.Clock.Travel(arranged.NoticeEndUtc - now + TimeSpan.FromMinutes(5)))
        {
            // 4. ncut sees the result 已通过.
            await school.GotoAsync("/exams/results");
            await school.WaitForCircuitAsync();
            await school.FillFieldAsync("filter-candidate-no", arranged.CandidateNo);
            await school.ClickAsync("[data-testid='filter-search']");
            var result = school.Locator("[data-testid='results-table'] tbody tr").Filter(new() { HasText = arranged.PlanName });
            await Assertions.Expect(result.Locator("[data-testid='result-status']")).ToHaveTextAsync("已通过");
            await school.ScreenshotAsync("workflow8-school-results");

            // 5. wl's 获取待发证记录 picks the candidate up.
            await org.GotoAsync("/issuance");
            await org.WaitForCircuitAsync();
            await org.ClickAsync("[data-testid='generate-button']");
            await org.Locator("[data-testid='generate-dialog']").WaitForAsync();
            await org.ChooseAsync("generate-year", arranged.Year.ToString(CultureInfo.InvariantCulture), exact: true);
            await org.ChooseAsync("generate-plan", arranged.PlanName, exact: true);
            await org.ChooseAsync("generate-certificate", arranged.CertificateName, exact: true);
            await org.Locator("[data-testid='generate-level']").GetByText(arranged.LevelName).ClickAsync();
            await Assertions.Expect(org.Locator("[data-testid='generate-summary']")).ToContainTextAsync("共1人，可发证1人");
            await org.ScreenshotAsync("workflow8-generate");
            await org.ClickAsync("[data-testid='generate-confirm']");
            await Assertions.Expect(org.Locator(".mud-snackbar")).ToContainTextAsync("已生成1条发证记录");
        }
    }

    /// <summary>
    /// As the system: a new wl plan (按证书报考) for a certificate level with an approved site and a subject open to an ncut
    /// candidate who is 信息准确 with a photo; exam 5 days ago, 成绩登记 until 20 minutes from now, 公示期 the 20 minutes after;
    /// one room, the candidate registered and seated.
    /// </summary>
    private async Task<Arranged> ArrangeAsync()
    {
        await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        var now = app.Clock.GetUtcNow();
        var organizationId = await db.Set<Organization>().Where(o => o.CreditCode == WlCreditCode).Select(o => o.Id).SingleAsync();
        var schoolId = await app.SchoolIdAsync(NcutCode);
        var sites = await db.Set<ExamSite>().Include(s => s.Levels)
            .Where(s => s.OrganizationId == organizationId && s.Status == ExamSiteStatus.Approved).OrderBy(s => s.SchoolId == schoolId ? 0 : 1).ThenBy(s => s.Id).ToListAsync();
        var subjects = await db.Set<ExamSubject>().Where(s => s.OrganizationId == organizationId).OrderBy(s => s.Id).ToListAsync();
        var candidates = await db.Set<Candidate>()
            .Where(c => c.SchoolId == schoolId && c.InfoStatus == CandidateInfoStatus.Accurate && c.PhotoPath != null).OrderBy(c => c.Id).Take(50).ToListAsync();
        var (site, subject, candidate) = (
            from s in sites
            from x in subjects
            where x.CertificateId == s.CertificateId && s.HasLevel(x.Level)
            from c in candidates
            where x.IsOpenTo(c.CandidateType)
            select (s, x, c)).First();
        var certificate = await db.Set<Certificate>().SingleAsync(c => c.Id == subject.CertificateId);

        var exam = now.AddDays(-5);
        var noticeEnd = now.AddMinutes(40);
        var name = $"成绩公示流程测试考试{now:HHmmss}";
        var plan = ExamPlan.Create(organizationId, exam.Year, name, RegistrationMode.ByCertificate,
            new ExamPlanWindows(now.AddDays(-40), now.AddDays(-30), now.AddDays(-30), now.AddDays(-20), now.AddDays(-2), now.AddMinutes(20), now.AddMinutes(20), noticeEnd),
            now.AddDays(-45));
        plan.SetCertificate(subject.CertificateId, subject.Level, 200m);
        plan.SetSchools([schoolId]);
        plan.SetSubject(subject, exam, exam.AddMinutes(subject.DurationMinutes));
        plan.Publish("组织管理员", now.AddDays(-44));
        db.Add(plan);
        await db.SaveChangesAsync();

        var registration = Registration.Create(plan, candidate, subject.CertificateId, subject.Level, null, null, now.AddDays(-35));
        var room = ExamRoom.Create(plan, site, subject.Level, [subject], "成绩流程考场", "教学楼101", 30, now.AddDays(-35));
        db.AddRange(registration, room);
        await db.SaveChangesAsync();
        var session = RoomSession.Create(plan.Id, room.Id, subject.Id, exam, exam.AddMinutes(subject.DurationMinutes), 30);
        var ticket = AdmissionTicketNumber.ForSubject(plan.Id, subject.Code, subject.Id, room.Id, 1);
        session.AssignSeat(registration.Id, candidate.Id, schoolId, 1, ticket);
        db.Add(session);
        await db.SaveChangesAsync();
        return new Arranged(plan.Id, name, plan.Year, certificate.Name, subject.Level.ToDisplayName(), ticket, candidate.CandidateNo, candidate.Name,
            subject.Code, subject.PassMark, noticeEnd);
    }
}
