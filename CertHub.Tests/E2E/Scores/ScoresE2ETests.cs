using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Registrations;
using CertHub.Core.Scheduling;
using CertHub.Core.Scores;
using CertHub.Data;
using CertHub.Tests.E2E.Infrastructure;
using CertHub.Web.Documents.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Scores;

/// <summary>
/// 科目成绩 end to end: 中物联物流 (wl) imports scores into the seeded plan in 成绩登记中 (one good row for a seated 北方工业大学
/// candidate without a score yet, one refused row), then 北方工业大学 (ncut) sees the score on /exams/scores.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ScoresE2ETests(CertHubAppFixture app)
{
    private sealed record OpenSeat(int PlanId, string Ticket, string CandidateNo, string Name, string SubjectCode, decimal PassMark);

    [E2EFact]
    public async Task Scores_Should_BeVisibleToSchool_When_OrganisationImportsThem()
    {
        var seat = await OpenSeatAsync();
        var score = Math.Min(seat.PassMark + 7.5m, 100m).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        var sheetPath = Path.Combine(BrowserEnvironment.ArtifactsDirectory, "scores-import.xlsx");
        await using (var sheet = File.Create(sheetPath))
        {
            await ScoreSheet.WriteRowsAsync(sheet,
            [
                [seat.Ticket, seat.CandidateNo, seat.Name, seat.SubjectCode, score],
                ["20210916002411000000299999", seat.CandidateNo, seat.Name, seat.SubjectCode, "80"],
            ]);
        }

        var org = await app.NewPageAsync();
        await org.LoginAsync("wl");
        await org.GotoAsync($"/exams/scores?plan={seat.PlanId}");
        await org.WaitForCircuitAsync();
        await org.Locator("[data-testid='score-candidate']").First.WaitForAsync();
        await org.ClickAsync("[data-testid='score-import']");
        await org.Locator("[data-testid='import-dialog']").WaitForAsync();
        await org.Locator(".mud-dialog input[type=file]").SetInputFilesAsync(sheetPath);
        await org.ClickAsync("[data-testid='import-start']");
        await Assertions.Expect(org.Locator("[data-testid='import-succeeded']")).ToHaveTextAsync("1");
        await Assertions.Expect(org.Locator("[data-testid='import-failed']")).ToHaveTextAsync("1");
        await org.ScreenshotAsync("scores-import-result");
        await org.ClickAsync("[data-testid='import-close']");
        await org.ScreenshotAsync("scores-org");

        var school = await app.NewPageAsync();
        await school.LoginAsync("ncut");
        await school.GotoAsync($"/exams/scores?plan={seat.PlanId}");
        await school.WaitForCircuitAsync();
        await school.Locator("[data-testid='score-candidate']").First.WaitForAsync();
        await school.FillFieldAsync("filter-candidate", seat.CandidateNo);
        await school.ClickAsync("[data-testid='filter-search']");
        var row = school.Locator("[data-testid='scores-table'] tbody tr")
            .Filter(new() { HasText = seat.CandidateNo }).Filter(new() { HasText = seat.SubjectCode });
        await Assertions.Expect(school.Locator("[data-testid='score-candidate']")).ToHaveCountAsync(await CountOfCandidateAsync(seat.PlanId, seat.CandidateNo));
        await Assertions.Expect(row.Locator("[data-testid='score-value']")).ToContainTextAsync(score);
        await Assertions.Expect(row.Locator("[data-testid='score-candidate']")).ToHaveTextAsync(seat.Name);
        await school.ScreenshotAsync("scores-school");

        await school.GotoAsync("/exams/results");
        await school.WaitForCircuitAsync();
        await school.Locator("[data-testid='result-candidate']").First.WaitForAsync();
        await school.ScreenshotAsync("results-school");
    }

    /// <summary>How many scores the candidate has in the plan (the filtered list shows exactly those).</summary>
    private async Task<int> CountOfCandidateAsync(int planId, string candidateNo)
    {
        await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        return await db.Set<SubjectScore>().CountAsync(s => s.ExamPlanId == planId
            && db.Set<Registration>().Any(r => r.Id == s.RegistrationId && r.CandidateNo == candidateNo));
    }

    /// <summary>A seat of a 北方工业大学 candidate in the seeded 成绩登记中 plan with no score yet (read as the system).</summary>
    private async Task<OpenSeat> OpenSeatAsync()
    {
        var schoolId = await app.SchoolIdAsync("4111010009");
        await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        var now = DateTimeOffset.UtcNow;
        var seats = await (
            from seat in db.Set<SeatAssignment>()
            join session in db.Set<RoomSession>() on seat.RoomSessionId equals session.Id
            join plan in db.Set<ExamPlan>() on session.ExamPlanId equals plan.Id
            join registration in db.Set<Registration>() on seat.RegistrationId equals registration.Id
            join subject in db.Set<ExamSubject>() on session.SubjectId equals subject.Id
            where seat.SchoolId == schoolId && plan.ScoreEntryStartUtc <= now && plan.ScoreEntryEndUtc > now
                && !db.Set<SubjectScore>().Any(s => s.RegistrationId == seat.RegistrationId && s.SubjectId == session.SubjectId)
            orderby seat.Id
            select new OpenSeat(plan.Id, seat.AdmissionTicketNo, registration.CandidateNo, registration.Name, subject.Code, subject.PassMark))
            .ToListAsync();
        return seats.Count > 0 ? seats[0] : throw new InvalidOperationException("演示数据中没有成绩登记中且未登记成绩的北方工业大学考生");
    }
}
