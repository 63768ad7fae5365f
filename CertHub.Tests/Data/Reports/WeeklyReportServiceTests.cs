using System.Text;
using CertHub.Core.Audit;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Reports;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.RichText;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Reports;

public sealed class WeeklyReportServiceTests : IDisposable
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private readonly SqliteTestDb _db = new();
    private readonly MemoryFileStore _files = new();
    private readonly RecordingChangeFeed _changes = new();

    // 2021-09-07 10:00 China time, a Tuesday: the period 2021年09月 第一周 (09-06..09-12).
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 9, 7, 2, 0, 0, TimeSpan.Zero));
    private readonly ACatalog _catalog;

    public WeeklyReportServiceTests() => _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");

    private FixedCurrentUser OtherSchool => new(UserRole.SchoolAdmin, SchoolId: _catalog.OtherSchool.Id, UserName: "ncut", DisplayName: "北方工业大学");

    private FixedCurrentUser ProvinceUser => new(UserRole.ProvinceAdmin, ProvinceId: _catalog.Province.Id, UserName: "bj-edu", DisplayName: "北京市教育委员会");

    private static WeeklyReportInput Input(string work = "<p>完成考前培训</p>") => new(work, "<p>设备不足</p>", "<p>增加线上资源</p>");

    private static ScanUpload Scan(byte[]? content = null, string name = "工作简报模板-1.pdf") => new(name, content ?? Pdf);

    private WeeklyReportService Service(ICurrentUser? user = null)
    {
        user ??= School;
        return new WeeklyReportService(_db.FactoryFor(user), user, _files, new HtmlRichTextSanitizer(), _changes, _clock);
    }

    [Fact]
    public async Task SaveAsync_Should_CreateNotSubmittedReportOfCurrentPeriod_When_Saved()
    {
        var header = await Service().NewReportHeaderAsync(default);
        var id = await Service().SaveAsync(0, Input("<p onclick=\"x()\">进展<script>alert(1)</script></p>"), Scan(), submit: false, default);

        var detail = await Service().GetAsync(id, default);
        Assert.Equal(("2021年09月 第一周", "北京交通大学", SchoolType.Undergraduate, "北京市教育委员会"),
            (header.Period.Label, header.SchoolName, header.SchoolType, header.AuthorityName));
        Assert.Equal(WeeklyReportStatus.NotSubmitted, detail!.Status);
        Assert.Equal("<p>进展</p>", detail.WorkProgressHtml);
        Assert.Equal("工作简报模板-1.pdf", detail.ScanFileName);
        Assert.Single(_files.Files);
        Assert.Contains(_changes.Published, n => n.Topic == WeeklyReportService.Topic);
    }

    [Fact]
    public async Task StaleReview_Should_RefuseApproving_When_TheSchoolWithdrewEditedAndResubmittedWhileTheDialogWasOpen()
    {
        var id = await Service().SaveAsync(0, Input("<p>原内容</p>"), Scan(), submit: true, default);
        var seen = (await Service(ProvinceUser).GetAsync(id, default))!;

        await Service().WithdrawAsync(id, default);
        await Service().SaveAsync(id, Input("<p>新内容</p>"), null, submit: true, default);
        var approve = await Assert.ThrowsAsync<DomainRuleException>(() => Service(ProvinceUser).ApproveAsync(id, "同意", seen.Version, default));
        var @return = await Assert.ThrowsAsync<DomainRuleException>(() => Service(ProvinceUser).ReturnAsync(id, "请补充", seen.Version, default));

        Assert.Equal((ConcurrencyConflict.Message, ConcurrencyConflict.Message), (approve.Message, @return.Message));
        var current = (await Service(ProvinceUser).GetAsync(id, default))!;
        Assert.Equal((WeeklyReportStatus.PendingReview, "<p>新内容</p>"), (current.Status, current.WorkProgressHtml));
        await Service(ProvinceUser).ApproveAsync(id, "同意", current.Version, default);
        Assert.Equal(WeeklyReportStatus.Approved, (await Service(ProvinceUser).GetAsync(id, default))!.Status);
    }

    [Fact]
    public async Task SaveAsync_Should_RefuseSecondReport_When_PeriodAlreadyHasOne()
    {
        await Service().SaveAsync(0, Input(), Scan(), submit: true, default);

        var onClick = await Assert.ThrowsAsync<DomainRuleException>(() => Service().NewReportHeaderAsync(default));
        var onSave = await Assert.ThrowsAsync<DomainRuleException>(() => Service().SaveAsync(0, Input(), null, submit: false, default));

        Assert.Equal("本周周报已提交，请勿重复提交", onClick.Message);
        Assert.Equal("本周周报已提交，请勿重复提交", onSave.Message);
        await Service(OtherSchool).SaveAsync(0, Input(), null, submit: false, default); // another school still may
    }

    [Fact]
    public async Task SubmitAsync_Should_Refuse_When_NextPeriodHasStarted()
    {
        var id = await Service().SaveAsync(0, Input(), Scan(), submit: false, default);
        _clock.SetUtcNow(new DateTimeOffset(2021, 9, 12, 15, 59, 59, TimeSpan.Zero)); // 09-12 23:59:59 China: still in time
        await Service().SubmitAsync(id, default);
        await Service().WithdrawAsync(id, default);

        _clock.SetUtcNow(new DateTimeOffset(2021, 9, 12, 16, 0, 0, TimeSpan.Zero)); // 09-13 00:00 China: next week
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service().SubmitAsync(id, default));

        Assert.Equal("提交时间已过，该周报目前不能提交，谢谢", ex.Message);
        Assert.Equal(WeeklyReportStatus.NotSubmitted, (await Service().GetAsync(id, default))!.Status);
    }

    [Fact]
    public async Task WithdrawAsync_Should_ReturnToNotSubmitted_And_AllowResubmission()
    {
        var id = await Service().SaveAsync(0, Input(), Scan(), submit: true, default);

        await Service().WithdrawAsync(id, default);
        Assert.Equal(WeeklyReportStatus.NotSubmitted, (await Service().GetAsync(id, default))!.Status);
        await Service().SubmitAsync(id, default);

        var detail = await Service().GetAsync(id, default);
        Assert.Equal(WeeklyReportStatus.PendingReview, detail!.Status);
        Assert.Equal([WeeklyReportAction.Submit, WeeklyReportAction.Withdraw, WeeklyReportAction.Submit], detail.Reviews.Select(r => r.Result));
    }

    [Fact]
    public async Task SaveAsync_Should_ResubmitEditedReport_When_Returned()
    {
        var id = await Service().SaveAsync(0, Input(), Scan(), submit: true, default);
        await Assert.ThrowsAsync<DomainRuleException>(() => Service(ProvinceUser).ReturnAsync(id, " ", default));
        await Service(ProvinceUser).ReturnAsync(id, "请补充数据", default);

        await Service().SaveAsync(id, Input("<p>补充了数据</p>"), null, submit: true, default);
        await Service(ProvinceUser).ApproveAsync(id, null, default);

        var detail = await Service(ProvinceUser).GetAsync(id, default);
        Assert.Equal(WeeklyReportStatus.Approved, detail!.Status);
        Assert.Equal("<p>补充了数据</p>", detail.WorkProgressHtml);
        Assert.True(detail.HasScan); // the earlier scan is kept when none is uploaded
        Assert.Equal("请补充数据", detail.Reviews.Single(r => r.Result == WeeklyReportAction.Return).Opinion);
        Assert.Equal("北京市教育委员会(bj-edu)", detail.Reviews[^1].ReviewerName);
    }

    [Fact]
    public async Task DeleteAsync_Should_OnlyDeleteNotSubmitted()
    {
        var id = await Service().SaveAsync(0, Input(), Scan(), submit: true, default);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service().DeleteAsync(id, default));
        Assert.Equal("只有未提交的周报可以删除", ex.Message);
        await Assert.ThrowsAsync<DomainRuleException>(() => Service().SaveAsync(id, Input(), null, false, default)); // 待审核: no edit

        await Service().WithdrawAsync(id, default);
        await Service().DeleteAsync(id, default);
        Assert.Null(await Service().GetAsync(id, default));
    }

    [Fact]
    public async Task SaveAsync_Should_RefuseScan_When_TextFileRenamedToPdf()
    {
        var text = Encoding.UTF8.GetBytes("这不是一个PDF文件，只是改了扩展名。\n");

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service().SaveAsync(0, Input(), Scan(text, "简报.pdf"), false, default));

        Assert.Equal(ScanPdfRules.NotPdfMessage, ex.Message);
        Assert.Empty(_files.Files);
        Assert.False(ScanPdfRules.IsPdf(Encoding.ASCII.GetBytes("%PDF-x.y garbage without trailer.........")));
    }

    [Fact]
    public void ScanPdfRules_Should_RefuseFile_When_LargerThan10MB()
    {
        var big = new byte[ScanPdfRules.MaxBytes + 1];
        Pdf.CopyTo(big, 0);

        var ex = Assert.Throws<DomainRuleException>(() => ScanPdfRules.Check(big));

        Assert.Equal(ScanPdfRules.TooLargeMessage, ex.Message);
    }

    [Fact]
    public async Task Tenancy_Should_HideReport_When_AnotherSchoolOrProvince()
    {
        var id = await Service().SaveAsync(0, Input(), Scan(), submit: true, default);
        var otherProvince = await SeedOtherProvinceAsync();
        var stranger = new FixedCurrentUser(UserRole.ProvinceAdmin, ProvinceId: otherProvince, UserName: "hb-edu", DisplayName: "湖北省教育厅");

        Assert.Null(await Service(OtherSchool).GetAsync(id, default));
        Assert.Equal(0, (await Service(OtherSchool).ListAsync(new WeeklyReportFilter(), new PageRequest(), default)).TotalCount);
        await Assert.ThrowsAsync<DomainRuleException>(() => Service(OtherSchool).WithdrawAsync(id, default));
        await Assert.ThrowsAsync<DomainRuleException>(() => Service(OtherSchool).SaveAsync(id, Input(), null, false, default));
        await Assert.ThrowsAsync<DomainRuleException>(() => Service(OtherSchool).ApproveAsync(id, null, default)); // a school cannot review
        await Assert.ThrowsAsync<DomainRuleException>(() => Service(stranger).ApproveAsync(id, null, default));
        Assert.Null(await Service(stranger).GetAsync(id, default));
        Assert.Null(await Service(OtherSchool).GetScanPathAsync(id, default));

        Assert.Equal(1, (await Service(ProvinceUser).ListAsync(new WeeklyReportFilter(), new PageRequest(), default)).TotalCount);
        await Assert.ThrowsAsync<DomainRuleException>(() => Service(ProvinceUser).SubmitAsync(id, default)); // a province cannot write
    }

    [Fact]
    public async Task ListAsync_Should_FilterByPeriodAndCountPerStatus()
    {
        var submitted = await Service().SaveAsync(0, Input(), Scan(), submit: true, default);
        await Service(OtherSchool).SaveAsync(0, Input(), null, submit: false, default);

        var counts = await Service(ProvinceUser).CountsAsync(new WeeklyReportFilter(Status: WeeklyReportStatus.Approved), default);
        var pending = await Service(ProvinceUser).ListAsync(new WeeklyReportFilter(Status: WeeklyReportStatus.PendingReview), new PageRequest(), default);
        var otherPeriod = await Service(ProvinceUser).ListAsync(new WeeklyReportFilter("2021年09月 第二周"), new PageRequest(), default);

        Assert.Equal((1, 1, 0, 0), (counts[WeeklyReportStatus.NotSubmitted], counts[WeeklyReportStatus.PendingReview], counts[WeeklyReportStatus.Approved], counts[WeeklyReportStatus.Returned]));
        Assert.Equal(submitted, Assert.Single(pending.Items).Id);
        Assert.Empty(otherPeriod.Items);
        Assert.Equal(["2021年09月 第一周"], await Service(ProvinceUser).PeriodOptionsAsync(default));
    }

    [Fact]
    public async Task DraftWorkProgressAsync_Should_CountTheSchoolsCandidatesInPeriod()
    {
        await ACatalogSeed.SeedCandidateAsync(_db, _catalog); // created at T0 (2021-09-01): before the period
        var header = await Service().NewReportHeaderAsync(default);

        var html = await Service().DraftWorkProgressAsync(header.Period, default);

        Assert.StartsWith("<p>9月6日-9月12日工作进展：</p>", html, StringComparison.Ordinal);
        Assert.Contains("新增考生0人", html, StringComparison.Ordinal);
        var inAugust = await Service().DraftWorkProgressAsync(ReportPeriod.For(new DateOnly(2021, 9, 1), ReportingCycle.Weekly), default);
        Assert.Contains("新增考生1人", inAugust, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingAsync_Should_ListSchoolsWithoutSubmittedReport_And_FollowTheCycle()
    {
        await Service().SaveAsync(0, Input(), Scan(), submit: true, default);

        var (period, missing) = await Service(ProvinceUser).MissingAsync(default);
        Assert.Equal("2021年09月 第一周", period.Label);
        Assert.Equal(["北方工业大学"], missing.Select(m => m.SchoolName));

        await Service(ProvinceUser).SetReportingCycleAsync(ReportingCycle.HalfMonthly, default);
        Assert.Equal(ReportingCycle.HalfMonthly, await Service(ProvinceUser).ReportingCycleAsync(default));
        await using (var db = _db.OpenAsSystem())
        {
            var audit = await db.Set<AuditEntry>().SingleAsync(a => a.Action == "设置周报周期");
            Assert.Equal(("bj-edu", "每周", "每半月", _catalog.Province.Id), (audit.UserName, audit.FromStatus, audit.ToStatus, audit.ProvinceId));
        }

        Assert.Equal("2021年09月 上半月", (await Service().NewReportHeaderAsync(default)).Period.Label);
        Assert.Equal(2, (await Service(ProvinceUser).MissingAsync(default)).Schools.Count);
        await Assert.ThrowsAsync<DomainRuleException>(() => Service().SetReportingCycleAsync(ReportingCycle.Weekly, default));
    }

    private async Task<int> SeedOtherProvinceAsync()
    {
        await using var db = _db.OpenAsSystem();
        var province = Province.Create("42", "湖北省", "湖北省教育厅");
        db.Add(province);
        await db.SaveChangesAsync();
        return province.Id;
    }
}
