using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Scheduling;
using CertHub.Data;
using CertHub.Tests.E2E.Infrastructure;
using CertHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Scheduling;

/// <summary>
/// 考场编排 in real Chromium: a school opens /exams/scheduling/rooms, finds one of its rooms with the filters, downloads the
/// room's 准考证 and gets a PDF with one page per seated candidate, in seat order, each with that candidate's name.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class SchedulingRoomsE2ETests(CertHubAppFixture app)
{
    private const string SchoolCode = "4111010008";

    [E2EFact]
    public async Task School_Should_DownloadARoomsAdmissionTicketsWithOnePagePerCandidate()
    {
        var room = await PickRoomAsync();

        var page = await app.NewPageAsync();
        await page.LoginAsync("ustb");
        await page.GotoAsync("/exams/scheduling/rooms");
        await page.WaitForCircuitAsync();
        await page.FillFieldAsync("filter-room", room.RoomName);
        await page.FillFieldAsync("filter-subject", room.SubjectName);
        await page.FillFieldAsync("filter-site", room.SiteName);
        await page.ClickAsync("[data-testid='filter-search']");
        var row = page.Locator("[data-testid='rooms-table'] tbody tr").Filter(new() { HasText = room.PlanName });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("[data-testid='room-seated']")).ToHaveTextAsync(room.Names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ScreenshotAsync("scheduling-rooms");

        var download = await page.RunAndWaitForDownloadAsync(() => row.Locator("[data-testid='room-tickets']").ClickAsync());
        var pdfPath = Path.Combine(BrowserEnvironment.ArtifactsDirectory, "admission-tickets.pdf");
        await download.SaveAsAsync(pdfPath);
        Assert.StartsWith("准考证_", download.SuggestedFilename, StringComparison.Ordinal);

        var pages = PdfText.Pages(await File.ReadAllBytesAsync(pdfPath));
        Assert.Equal(room.Names.Count, pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains(room.Names[i], pages[i], StringComparison.Ordinal);
            Assert.Contains(room.TicketNos[i], pages[i], StringComparison.Ordinal);
        }
    }

    /// <summary>A room session the school hosts with at least two seated candidates, and their names in seat order.</summary>
    private async Task<RoomPick> PickRoomAsync()
    {
        await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        var sessions = await (
            from s in db.Set<RoomSession>()
            join r in db.Set<ExamRoom>() on s.ExamRoomId equals r.Id
            join school in db.Set<PilotSchool>() on r.SchoolId equals school.Id
            join p in db.Set<ExamPlan>() on s.ExamPlanId equals p.Id
            join subject in db.Set<ExamSubject>() on s.SubjectId equals subject.Id
            join site in db.Set<ExamSite>() on r.ExamSiteId equals site.Id
            where school.Code == SchoolCode && s.Seats.Count >= 2
            orderby s.Id
            select new { s.Id, RoomName = r.Name, SubjectName = subject.Name, SiteName = site.Name, PlanName = p.Name }).ToListAsync();
        var session = sessions.FirstOrDefault() ?? throw new InvalidOperationException("The demo seed has no scheduled room at 北京科技大学.");
        var seats = await (
            from seat in db.Set<SeatAssignment>()
            join c in db.Set<Candidate>() on seat.CandidateId equals c.Id
            where seat.RoomSessionId == session.Id
            orderby seat.SeatNo
            select new { c.Name, seat.AdmissionTicketNo }).ToListAsync();
        return new RoomPick(session.RoomName, session.SubjectName, session.SiteName, session.PlanName,
            [.. seats.Select(s => s.Name)], [.. seats.Select(s => s.AdmissionTicketNo)]);
    }

    private sealed record RoomPick(string RoomName, string SubjectName, string SiteName, string PlanName, IReadOnlyList<string> Names, IReadOnlyList<string> TicketNos);
}
