using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Exams.RoomImport;
using CertHub.Core.Imports;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Documents.Excel;
using MiniExcelLibs;

namespace CertHub.Tests.Data.Exams;

public sealed class ExamRoomImportServiceTests : IAsyncLifetime
{
    private const string CertificateName = "信息化应用职业技能等级证书";
    private readonly MemoryFileStore _files = new();
    private ARoomScenario _s = default!;

    public async Task InitializeAsync() => _s = await ARoomScenario.CreateAsync();

    public Task DisposeAsync()
    {
        _s.Dispose();
        return Task.CompletedTask;
    }

    private ExamRoomImportService Service(ICurrentUser user) => new(_s.Db.FactoryFor(user), user, new ExamRoomSheet(), _files, _s.Changes, _s.Clock);

    private static MemoryStream Sheet(params string?[][] rows)
    {
        var stream = new MemoryStream();
        ExamRoomSheet.WriteRowsAsync(stream, rows).GetAwaiter().GetResult();
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public async Task ImportAsync_Should_KeepGoodRowsAndRecordFailedOnes()
    {
        var subject = await _s.SubjectAsync("KM001");
        var plan = await _s.PlanAsync(subject);
        var site = await _s.SiteAsync();
        await _s.Service(_s.School).CreateAsync(ARoomScenario.Input(plan, site, "已有考场", subjects: subject), default);
        using var file = Sheet(
            [plan.Name, site.Name, CertificateName, "初级", "KM001", "第一考场", "主楼301", "40"],
            [plan.Name, site.Name, CertificateName, "初级", "KM001", "已有考场", "主楼302", "30"],
            [plan.Name, site.Name, CertificateName, "初级", "KM999", "第三考场", "主楼303", "30"],
            [plan.Name, site.Name, CertificateName, "初级", "KM001", "第二考场", "主楼304", "50"]);

        var result = await Service(_s.School).ImportAsync(file, "考场.xlsx", null, default);

        Assert.Equal((2, 2), (result.Succeeded, result.Failed));
        Assert.Equal([3, 4], result.Errors.Select(e => e.RowNumber));
        Assert.Equal(ExamRoomService.DuplicateName, result.Errors[0].Reason);
        Assert.Contains("KM999", result.Errors[1].Reason, StringComparison.Ordinal);
        var names = (await _s.Service(_s.School).ListAsync(new ExamRoomFilter(), new PageRequest(), default)).Items.Select(r => r.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["已有考场", "第一考场", "第二考场"], names);

        var record = Assert.Single((await new ImportRecordQueries(_s.Db.FactoryFor(_s.School), _s.School).ListAsync(ImportKind.RoomImport, new PageRequest(), default)).Items);
        Assert.Equal((result.ImportRecordId, 4, 2, 2, "考场.xlsx", true), (record.Id, record.TotalRows, record.SucceededRows, record.FailedRows, record.FileName, record.HasFailedRowsFile));
        var failedRows = (await _files.OpenReadAsync(result.FailedRowsPath!))!.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["已有考场", "第三考场"], failedRows.Select(r => r[ExamRoomImportTemplate.Name]));
        Assert.Equal(ExamRoomService.DuplicateName, failedRows[0][ExamRoomImportTemplate.FailureReason]);
        Assert.Contains(_s.Changes.Published, n => n.Topic == ExamRoomTopics.Rooms);
    }

    [Fact]
    public async Task ImportAsync_Should_RefuseAllRows_When_PlanOrSiteNotTheSchools()
    {
        var subject = await _s.SubjectAsync("KM001");
        var plan = await _s.PlanAsync("只有北京交通大学的考试", 0, [_s.Catalog.School.Id], subject);
        var site = await _s.SiteAsync();
        using var file = Sheet([plan.Name, site.Name, CertificateName, "初级", "KM001", "第一考场", "主楼301", "40"]);

        var result = await Service(_s.OtherSchool).ImportAsync(file, "考场.xlsx", null, default);

        Assert.Equal((0, 1), (result.Succeeded, result.Failed));
        Assert.Contains("不存在", result.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Equal(0, (await _s.Service(_s.School).ListAsync(new ExamRoomFilter(), new PageRequest(), default)).TotalCount);
    }

    [Fact]
    public async Task ImportAsync_Should_Refuse_When_UserIsNotASchool()
    {
        using var file = Sheet(["x"]);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service(_s.Org).ImportAsync(file, "考场.xlsx", null, default));

        Assert.Equal(ExamRoomService.SchoolOnly, ex.Message);
    }

    [Fact]
    public async Task Template_Should_HaveChineseHeadersExampleAndRules()
    {
        await using var template = await ExamRoomSheet.TemplateAsync();

        var rows = new ExamRoomSheet().ReadRows(template).ToList();
        template.Position = 0;
        var sheets = MiniExcel.GetSheetNames(template);

        var example = Assert.Single(rows);
        Assert.Equal(ExamRoomImportTemplate.Example, example.Cells);
        Assert.Equal([ExamRoomImportTemplate.Sheet, ExamRoomImportTemplate.RulesSheet], sheets);
        Assert.Equal(CertificateLevel.Intermediate, EnumDisplay.FromDisplayName<CertificateLevel>(example.Level));
    }
}
