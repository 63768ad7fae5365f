using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.CheckIn;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Scheduling;
using CertHub.Data;
using CertHub.Tests.E2E.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.CheckIn;

/// <summary>
/// 考场签到 in real Chromium: the host school's invigilator opens /checkin on a phone-sized viewport (390×844), types a
/// candidate's 准考证号, sees the name and seat and confirms; the roster of that room session, open in a second (desktop)
/// browser, counts the check-in live. Uses a demo-seed room session of 北京科技大学 that has not ended and nobody checked in.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class CheckInE2ETests(CertHubAppFixture app)
{
    private const string SchoolCode = "4111010008";

    [E2EFact]
    public async Task SiteStaff_Should_SeeEveryRoomFillingOnTheOverview()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync("ustb");
        await page.GotoAsync("/checkin");
        await page.WaitForCircuitAsync();
        await page.ClickAsync("[data-testid='checkin-overview-link']");
        await page.WaitForURLAsync("**/checkin/overview");
        await page.WaitForCircuitAsync();

        await Assertions.Expect(page.Locator("[data-testid='total-expected']")).ToContainTextAsync("应到");
        var rows = page.Locator("[data-testid='overview-table'] tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        Assert.True(await rows.CountAsync() >= 1);
        await page.ScreenshotAsync("checkin-overview");

        await rows.First.Locator("a:has-text('签到名单')").ClickAsync();
        await page.WaitForURLAsync("**/checkin/rooms/*");
        await Assertions.Expect(page.Locator("[data-testid='count-expected']")).ToContainTextAsync("应到");
    }

    [E2EFact]
    public async Task Invigilator_Should_CheckInByTicketNoOnAPhone_And_TheRosterUpdatesLive()
    {
        var pick = await PickSessionAsync();

        var roster = await app.NewPageAsync();
        await roster.LoginAsync("ustb");
        await roster.GotoAsync(CheckInOptions.RosterPath(pick.SessionId));
        await roster.WaitForCircuitAsync();
        await Assertions.Expect(roster.Locator("[data-testid='count-expected']")).ToHaveTextAsync($"应到 {pick.Seated}");
        var before = await CheckedInAsync(roster);

        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        context.SetDefaultTimeout(30_000);
        var phone = await context.NewPageAsync();
        await phone.LoginAsync("ustb");
        await phone.GotoAsync($"/checkin?session={pick.SessionId}");
        await phone.WaitForCircuitAsync();
        await Assertions.Expect(phone.Locator("[data-testid='checkin-current']")).ToContainTextAsync(pick.RoomName);
        await phone.ScreenshotAsync("checkin-phone");

        await phone.FillFieldAsync("checkin-code", pick.TicketNo);
        await phone.ClickAsync("[data-testid='checkin-find']");
        await Assertions.Expect(phone.Locator("[data-testid='checkin-name']")).ToHaveTextAsync(pick.CandidateName);
        await Assertions.Expect(phone.Locator("[data-testid='checkin-seat']")).ToContainTextAsync($"座位号 {pick.SeatNo}");
        await phone.ScreenshotAsync("checkin-phone-candidate");
        await phone.ClickAsync("[data-testid='checkin-confirm']");
        await Assertions.Expect(phone.Locator("[data-testid='checkin-status']")).ToContainTextAsync("已签到");
        await phone.ScreenshotAsync("checkin-phone-done");

        await Assertions.Expect(roster.Locator("[data-testid='count-checked-in']")).ToHaveTextAsync($"已签到 {before + 1}");
        await Assertions.Expect(roster.Locator($"[data-testid='roster-status-{pick.SeatNo}']")).ToHaveTextAsync("已签到");
        await roster.ScreenshotAsync("checkin-roster");

        await phone.FillFieldAsync("checkin-code", pick.TicketNo);
        await phone.ClickAsync("[data-testid='checkin-find']");
        await Assertions.Expect(phone.Locator("[data-testid='checkin-confirm']")).ToHaveCountAsync(0);
        await context.CloseAsync();
    }

    private static async Task<int> CheckedInAsync(IPage page)
    {
        var text = await page.Locator("[data-testid='count-checked-in']").InnerTextAsync();
        return int.Parse(text.Replace("已签到", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A not-yet-ended room session hosted by the school, and its last seat not checked in yet.</summary>
    private async Task<Pick> PickSessionAsync()
    {
        await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        var now = DateTimeOffset.UtcNow;
        var sessions = await (
            from s in db.Set<RoomSession>()
            join r in db.Set<ExamRoom>() on s.ExamRoomId equals r.Id
            join school in db.Set<PilotSchool>() on r.SchoolId equals school.Id
            where school.Code == SchoolCode && s.Seats.Count >= 2
            select new { s.Id, s.EndUtc, RoomName = r.Name, Seated = s.Seats.Count }).ToListAsync();
        var checkedIn = await db.Set<Attendance>().Select(a => a.RegistrationId).ToListAsync();
        foreach (var session in sessions.Where(s => s.EndUtc > now).OrderBy(s => s.Id))
        {
            var seat = await (
                from x in db.Set<SeatAssignment>()
                join c in db.Set<Candidate>() on x.CandidateId equals c.Id
                where x.RoomSessionId == session.Id
                orderby x.SeatNo descending
                select new { x.SeatNo, x.AdmissionTicketNo, x.RegistrationId, c.Name }).FirstAsync();
            if (!checkedIn.Contains(seat.RegistrationId))
            {
                return new Pick(session.Id, session.RoomName, session.Seated, seat.SeatNo, seat.AdmissionTicketNo, seat.Name);
            }
        }

        throw new InvalidOperationException("The demo seed has no open room session at 北京科技大学.");
    }

    private sealed record Pick(int SessionId, string RoomName, int Seated, int SeatNo, string TicketNo, string CandidateName);
}
