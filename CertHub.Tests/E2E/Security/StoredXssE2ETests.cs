using System.Globalization;
using CertHub.Core.Applications;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.ExamSites;
using CertHub.Core.Reports;
using CertHub.Data;
using CertHub.Data.Identity;
using CertHub.Tests.E2E.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Security;

/// <summary>
/// Stored XSS in real Chromium: script and HTML payloads written straight into the database (past the save-time sanitiser, as a
/// legacy row or a bug elsewhere would leave them) in the free-text fields of a NEW school of 湖北 (its own account, its own
/// rows: the demo rows other tests rely on are untouched) and of a new organisation; then every list and detail page showing
/// them is opened as the owning school, the reviewing province (hb-edu), the reviewing organisation (wl) and the platform admin.
/// Each page must fire no dialog, leave <c>window.__xss</c> undefined, hold no element with an inline event handler or a
/// javascript: link, and show plain-text payloads as text.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class StoredXssE2ETests(CertHubAppFixture app)
{
    private const string Img = "<img src=x onerror=window.__xss=1>";
    private const string Script = "<script>window.__xss=1</script>";
    private const string Svg = "\"><svg onload=window.__xss=1>";
    private const string JsLink = "<a href=\"javascript:window.__xss=1\">师资链接</a>";
    private const string ShortImg = "<img src=x onerror=__xss=1>"; // 考生姓名 holds 30 characters
    private const string ShortSvg = "<svg onload=__xss=1>"; // 联系人 holds 30 characters

    /// <summary>What a page must not contain: live handlers, javascript: links or an injected script, and the flag never set.</summary>
    private const string LiveMarkupProbe = """
        () => JSON.stringify({
            flag: typeof window.__xss,
            handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).map(e => e.outerHTML.slice(0, 120)),
            links: [...document.querySelectorAll('a[href], iframe[src], form[action]')].filter(e => /^\s*javascript:/i.test(e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? '')).map(e => e.outerHTML.slice(0, 120)),
            scripts: [...document.querySelectorAll('script')].filter(s => s.textContent.includes('__xss')).length,
        })
        """;

    private static readonly System.Text.Json.JsonSerializerOptions ProbeJson = new() { PropertyNameCaseInsensitive = true };

    [E2EFact]
    public async Task StoredScriptPayloads_Should_RenderInert_InEveryListAndDetail_ForTheOwnerAndTheReviewers()
    {
        var data = await SeedAsync();

        // The owning school: its detail, candidates, exam sites, weekly reports and pilot applications.
        var school = await OpenAsync(data.UserName);
        await VisitAsync(school, $"/schools/{data.SchoolId}", "[data-testid='school-detail']", data.SchoolName, data.SchoolAddress, ShortSvg, "javascript:window.__xss=1", Script);
        await VisitAsync(school, "/schools", "[data-testid='school-name']", data.SchoolName);
        await VisitAsync(school, "/exams/candidates?type=school", "[data-testid='candidate-name']", ShortImg);
        await ViewInDialogAsync(school, "[data-testid='candidate-view']", ShortImg);
        await VisitAsync(school, "/exams/sites", "[data-testid='site-name']", data.SchoolName, data.SiteAddress, ShortSvg);
        await ViewInDialogAsync(school, "[data-testid='site-view']", data.SiteAddress, data.Equipment);
        await VisitAsync(school, "/reports/weekly", "[data-testid='report-status']", data.SchoolName);
        await ViewInDialogAsync(school, "[data-testid='report-view']", "本周进展");
        await VisitAsync(school, "/applications", "[data-testid='application-view']");
        await VisitAsync(school, $"/applications/{data.ApplicationId}", "[data-testid='detail-faculty']", "师资情况正文", "场地情况正文");
        await school.ScreenshotAsync("stored-xss-school-application");

        // The reviewing province (湖北): the school, its weekly report and its application.
        var province = await OpenAsync("hb-edu");
        await VisitAsync(province, "/schools", "[data-testid='school-name']", data.SchoolName);
        await VisitAsync(province, $"/schools/{data.SchoolId}", "[data-testid='school-detail']", data.SchoolName, data.SchoolAddress, Script);
        await VisitAsync(province, "/reports/weekly", "[data-testid='report-status']", data.SchoolName);
        await ViewInDialogAsync(province, RowOf(data.Marker, "report-view"), "本周进展");
        await ViewInDialogAsync(province, RowOf(data.Marker, "report-review"), "本周进展", "存在困难");
        await VisitAsync(province, "/applications/review", "[data-testid='review-school']", data.SchoolName);
        await VisitAsync(province, $"/applications/{data.ApplicationId}", "[data-testid='detail-faculty']", data.SchoolName, "师资情况正文");

        // The reviewing organisation: the pending exam site in its list, in 查看 and in 审核 (beside the standards).
        var org = await OpenAsync("wl");
        await VisitAsync(org, "/exams/sites", "[data-testid='sites-table']");
        await org.FillFieldAsync("filter-name", data.Marker);
        await org.ClickAsync("[data-testid='filter-search']");
        await Assertions.Expect(org.Locator("[data-testid='site-name']").Filter(new() { HasText = data.Marker })).ToHaveCountAsync(1);
        await AssertInertAsync(org, "/exams/sites (wl)", data.SchoolName, data.SiteAddress, ShortSvg);
        await ViewInDialogAsync(org, "[data-testid='site-view']", data.SiteAddress, data.Equipment);
        await ViewInDialogAsync(org, "[data-testid='site-review']", data.SiteAddress, data.Equipment);
        await org.ScreenshotAsync("stored-xss-org-site-review");

        // Once wl approves the site (its opinion a payload), the school sets a room in a plan not yet scheduled: 考场 list and 查看,
        // and the site's 审核记录.
        var roomName = await ApproveSiteAndSetRoomAsync(data);
        await VisitAsync(school, "/exams/sites", "[data-testid='site-name']", data.SchoolName);
        await ViewInDialogAsync(school, "[data-testid='site-view']", data.SiteAddress, ShortImg);
        await VisitAsync(school, "/exams/rooms", "[data-testid='rooms-table']");
        await school.FillFieldAsync("filter-name", data.Marker);
        await school.ClickAsync("[data-testid='filter-search']");
        await Assertions.Expect(school.Locator("[data-testid='room-name']").Filter(new() { HasText = data.Marker })).ToHaveCountAsync(1);
        await AssertInertAsync(school, "/exams/rooms", roomName, data.SchoolName);
        await ViewInDialogAsync(school, "[data-testid='room-view']", roomName, RoomAddress, data.SchoolName);
        await school.ScreenshotAsync("stored-xss-school-rooms");

        // The platform admin: the school lists and the organisation's details.
        var admin = await OpenAsync("admin");
        await VisitAsync(admin, $"/schools/{data.SchoolId}", "[data-testid='school-detail']", data.SchoolName, data.SchoolAddress);
        await VisitAsync(admin, $"/orgs/{data.OrganizationId}", "[data-testid='org-detail']", data.OrganizationName, data.OrganizationAddress, Script);
        await admin.ScreenshotAsync("stored-xss-admin-org");

        // The organisation directory: the list (name, contact).
        await VisitAsync(admin, "/orgs", "[data-testid='orgs-table']");
        await admin.FillFieldAsync("filter-name", data.Marker);
        await admin.ClickAsync("[data-testid='filter-search']");
        await Assertions.Expect(admin.Locator("[data-testid='org-name']").Filter(new() { HasText = data.Marker })).ToHaveCountAsync(1);
        await AssertInertAsync(admin, "/orgs", data.OrganizationName, ShortSvg);
    }

    private const string RoomAddress = "实训楼301<img src=x onerror=window.__xss=1>";

    /// <summary>wl approves the site with a payload as 审核意见; a room of the school in a wl plan whose scheduling has not started.</summary>
    private async Task<string> ApproveSiteAndSetRoomAsync(Seeded data)
    {
        var now = app.Clock.GetUtcNow();
        await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        var site = await db.Set<ExamSite>().AsTracking().Include(s => s.Levels).Include(s => s.Reviews).SingleAsync(s => s.SchoolId == data.SchoolId);
        site.Approve("中物联物流", now, ShortImg);
        await db.SaveChangesAsync();

        var plans = await db.Set<CertHub.Core.Exams.ExamPlan>().Include(p => p.Certificates).Include(p => p.Subjects)
            .Where(p => p.OrganizationId == site.OrganizationId).ToListAsync();
        var plan = plans.FirstOrDefault(p => p.HasCertificate(site.CertificateId, CertificateLevel.Intermediate) && now < p.SchedulingStartUtc)
            ?? throw new InvalidOperationException("演示数据中没有未排考的中物联物流信息化应用(中级)考试计划");
        var subjects = (await db.Set<CertHub.Core.Exams.ExamSubject>().Where(s => s.CertificateId == site.CertificateId && s.Level == CertificateLevel.Intermediate).ToListAsync())
            .Where(s => plan.SubjectTime(s.Id) is not null).GroupBy(s => s.RoomType).First().ToList();
        var name = $"考场{data.Marker}{Svg}";
        db.Add(CertHub.Core.Exams.ExamRoom.Create(plan, site, CertificateLevel.Intermediate, subjects, name, RoomAddress, 30, now));
        await db.SaveChangesAsync();
        return name;
    }

    private static string RowOf(string marker, string button) => $"tr:has-text('{marker}') [data-testid='{button}']";

    private async Task<IPage> OpenAsync(string userName)
    {
        var page = await app.NewPageAsync();
        page.Dialog += (_, dialog) =>
        {
            Dialogs.Add($"{page.Url}: {dialog.Type} {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        await page.LoginAsync(userName);
        return page;
    }

    private List<string> Dialogs { get; } = [];

    private async Task VisitAsync(IPage page, string url, string ready, params string[] texts)
    {
        await page.GotoAsync(url);
        await page.WaitForCircuitAsync();
        await page.Locator(ready).First.WaitForAsync();
        await AssertInertAsync(page, url, texts);
    }

    /// <summary>Clicks 查看/审核 (the first match), asserts the dialog inert and shows the texts, then closes it.</summary>
    private async Task ViewInDialogAsync(IPage page, string button, params string[] texts)
    {
        await page.Locator(button).First.ClickAsync();
        var dialog = page.Locator(".mud-dialog").Last;
        await dialog.WaitForAsync();
        await AssertInertAsync(page, $"{page.Url} {button}", texts);
        foreach (var text in texts)
        {
            await Assertions.Expect(dialog).ToContainTextAsync(text);
        }

        var close = dialog.Locator("[data-testid='dialog-close'], button:has-text('关闭'), button:has-text('取消')");
        if (await close.CountAsync() > 0)
        {
            await close.First.ClickAsync();
        }
        else
        {
            await page.Keyboard.PressAsync("Escape");
        }

        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    private async Task AssertInertAsync(IPage page, string where, params string[] texts)
    {
        PlaywrightException? notShown = null;
        try
        {
            foreach (var text in texts)
            {
                await Assertions.Expect(page.Locator("body")).ToContainTextAsync(text); // shown as text, not parsed into markup
            }
        }
        catch (PlaywrightException ex)
        {
            notShown = ex; // reported after the probe, which says whether the payload went live
        }

        await page.WaitForTimeoutAsync(300); // an <img onerror> or <svg onload> would have fired by now
        var probe = System.Text.Json.JsonSerializer.Deserialize<Probe>(await page.EvaluateAsync<string>(LiveMarkupProbe), ProbeJson)!;
        Assert.True(probe.Flag == "undefined", $"{where}: window.__xss was set");
        Assert.True(probe.Handlers.Length == 0, $"{where}: inline event handlers in the page: {string.Join(" | ", probe.Handlers)}");
        Assert.True(probe.Links.Length == 0, $"{where}: javascript: links in the page: {string.Join(" | ", probe.Links)}");
        Assert.True(probe.Scripts == 0, $"{where}: an injected script is in the page");
        Assert.True(Dialogs.Count == 0, $"{where}: a dialog fired: {string.Join(" | ", Dialogs)}");
        Assert.True(notShown is null, $"{where}: a payload is not shown as text: {notShown?.Message}");
    }

    /// <summary>A 湖北 school with its own school admin account, candidate, exam site (待审核 by wl), weekly report (待审核) and
    /// pilot application (审核中), plus an organisation without an account; every free-text field holds a payload.</summary>
    private async Task<Seeded> SeedAsync()
    {
        var marker = "XSS" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var now = app.Clock.GetUtcNow();
        await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        var hubei = await db.Set<Province>().SingleAsync(p => p.Code == "42");
        var certificate = await db.Set<Certificate>().Include(c => c.Majors).Include(c => c.Levels).SingleAsync(c => c.Code == "1+X-XXH");

        var schoolName = $"安全测试院校{marker}{Svg}";
        var schoolAddress = $"武汉市洪山区{Img}";
        var school = PilotSchool.Create(schoolName, "49" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), hubei.Id, SchoolType.HigherVocational);
        school.UpdateDetails(schoolAddress, ShortSvg, "13912345678", "xss@example.com", "javascript:window.__xss=1", $"<p>院校简介</p>{Script}{Img}{JsLink}");
        var organization = Organization.Create($"安全测试机构{marker}{Img}", ("91" + marker + "0000000000")[..18]);
        organization.UpdateDetails(ShortSvg, "13912345679", $"北京市{Svg}", "javascript:window.__xss=1", $"<p>机构简介</p>{Script}{JsLink}");
        db.AddRange(school, organization);
        await db.SaveChangesAsync();

        var candidateNo = CandidateNoGenerator.Generate("420100", now.Year, now, Random.Shared.Next(1, 9_999));
        db.Add(Candidate.Create(school.Id, CandidateType.SchoolCandidate, candidateNo,
            new CandidateDetails(ShortImg, null, IdType.Passport, "E" + marker[3..], Gender.Female), now));

        var siteAddress = $"实训楼{Img}";
        var equipment = $"计算机50台{Script}{Svg}";
        var site = ExamSite.Create(school, certificate, [CertificateLevel.Junior, CertificateLevel.Intermediate], siteAddress, 30, ShortSvg, "13912345678", now, equipment);
        site.Submit(ShortSvg, now);
        db.Add(site);

        var report = WeeklyReport.Create(school.Id, hubei.Id, ReportPeriod.For(now, hubei.ReportingCycle),
            $"<p>本周进展</p>{Script}{Img}", $"<p>存在困难</p>{Svg}{JsLink}", "<p style=\"background:url(javascript:window.__xss=1)\" onclick=\"window.__xss=1\">政策建议</p>",
            "reports/xss/scan.pdf", now);
        report.Submit(ShortSvg, now);
        db.Add(report);

        var plan = (await db.Set<ApplicationPlan>().Include(p => p.OpenCertificates).Where(p => p.ProvinceId == hubei.Id).ToListAsync())
            .First(p => p.IsOpenFor(certificate.Id, CertificateLevel.Junior, now));
        var application = PilotApplication.Create(plan, school.Id, certificate.Id, CertificateLevel.Junior, now);
        var majors = plan.RequiresByMajor ? [new PilotApplicationMajorInput(certificate.Majors[0].MajorId, 100, 6, 20)] : Array.Empty<PilotApplicationMajorInput>();
        application.Edit(20, majors, $"<p>师资情况正文</p>{Script}{Img}{JsLink}", $"<p>场地情况正文</p>{Svg}<iframe src=\"javascript:window.__xss=1\"></iframe>");
        application.Submit(ShortSvg, now);
        db.Add(application);
        await db.SaveChangesAsync();

        var userName = "xss-" + marker.ToLowerInvariant();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CertHubUser>>();
            var user = new CertHubUser
            {
                UserName = userName,
                DisplayName = ShortSvg,
                Role = UserRole.SchoolAdmin,
                SchoolId = school.Id,
                ProvinceId = hubei.Id,
                CreatedUtc = now,
                EmailConfirmed = true,
            };
            Assert.True((await users.CreateAsync(user, PageExtensions.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, nameof(UserRole.SchoolAdmin))).Succeeded);
        }

        return new Seeded(marker, userName, school.Id, schoolName, schoolAddress, siteAddress, equipment, application.Id,
            organization.Id, organization.Name, organization.Address!);
    }

    private sealed record Seeded(string Marker, string UserName, int SchoolId, string SchoolName, string SchoolAddress, string SiteAddress,
        string Equipment, int ApplicationId, int OrganizationId, string OrganizationName, string OrganizationAddress);

    private sealed record Probe(string Flag, string[] Handlers, string[] Links, int Scripts);
}
