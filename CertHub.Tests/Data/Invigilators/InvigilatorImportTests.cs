using CertHub.Core.Common;
using CertHub.Core.Imports;
using CertHub.Core.Invigilators;
using CertHub.Core.Invigilators.Import;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Documents.Excel;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace CertHub.Tests.Data.Invigilators;

public sealed class InvigilatorImportTests : IDisposable
{
    private const string Certificate = "信息化应用职业技能等级证书";
    private const string IdA = "110101199003074477";
    private const string IdB = "11010519491231002X";
    private const string IdC = "110101198001010010";

    private readonly SqliteTestDb _db = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly MemoryFileStore _files = new();
    private readonly ACatalog _catalog;

    public InvigilatorImportTests() => _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");

    private FixedCurrentUser OtherSchool => new(UserRole.SchoolAdmin, SchoolId: _catalog.OtherSchool.Id, UserName: "ncut", DisplayName: "北方工业大学");

    private InvigilatorImportService Import(ICurrentUser? user = null)
    {
        user ??= School;
        return new InvigilatorImportService(_db.FactoryFor(user), user, new InvigilatorSheet(), _files, new RecordingChangeFeed(), _clock);
    }

    private InvigilatorService Service(ICurrentUser? user = null)
    {
        user ??= School;
        return new InvigilatorService(_db.FactoryFor(user), user, new RecordingChangeFeed(), _clock);
    }

    private static Dictionary<string, string?> Row(string name, string id, string certificates, string phone = "13812345678") => new()
    {
        [InvigilatorImportTemplate.Name] = name,
        [InvigilatorImportTemplate.IdNumber] = id,
        [InvigilatorImportTemplate.Phone] = phone,
        [InvigilatorImportTemplate.Region] = "北京市海淀区",
        [InvigilatorImportTemplate.Title] = "讲师",
        [InvigilatorImportTemplate.Department] = "信息学院",
        [InvigilatorImportTemplate.Certificates] = certificates,
    };

    private static MemoryStream Sheet(params Dictionary<string, string?>[] rows)
    {
        var stream = new MemoryStream();
        InvigilatorSheet.WriteRowsAsync(stream, rows).GetAwaiter().GetResult();
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public async Task ImportAsync_Should_KeepGoodRows_And_ReportEachBadRowWithItsReason()
    {
        await Service().CreateAsync(new InvigilatorInput("已有", IdC, "13912345678", null, null, null, []), default);
        using var sheet = Sheet(
            Row("王伟", IdA, $"{Certificate}(初级)；{Certificate}（中级）"),
            Row("李娜", IdB, $"{Certificate}(高级)"),
            Row("", "110101199003074478", $"{Certificate}(初级)"),
            Row("赵六", "110101199003074478", $"{Certificate}(初级)"),
            Row("钱七", IdA, $"{Certificate}(初级)"),
            Row("孙八", IdC, $"{Certificate}(初级)"),
            Row("周九", "110101198505051238", "不存在的证书(初级)"),
            Row("吴十", "110101198505051238", $"{Certificate}(初级)", phone: "123"),
            Row("郑一", "110101198505051238", ""));

        var result = await Import().ImportAsync(sheet, "监考人员.xlsx", null, default);

        Assert.Equal((2, 7), (result.Succeeded, result.Failed));
        Assert.Equal([4, 5, 6, 7, 8, 9, 10], result.Errors.Select(e => e.RowNumber));
        Assert.Contains("姓名", result.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("身份证", result.Errors[1].Reason, StringComparison.Ordinal);
        Assert.Contains("已存在", result.Errors[2].Reason, StringComparison.Ordinal);
        Assert.Contains("已存在", result.Errors[3].Reason, StringComparison.Ordinal);
        Assert.Contains("不存在", result.Errors[4].Reason, StringComparison.Ordinal);
        Assert.Contains("手机号", result.Errors[5].Reason, StringComparison.Ordinal);
        Assert.Equal("请填写申请证书", result.Errors[6].Reason);

        var list = await Service().ListAsync(new InvigilatorFilter(), new PageRequest(), default);
        Assert.Equal(3, list.TotalCount);
        var wang = Assert.Single(list.Items, i => i.Name == "王伟");
        Assert.Equal(2, wang.Certifications.Count);
        Assert.All(wang.Certifications, c => Assert.Equal(CertificationStatus.Draft, c.Status));
        Assert.Equal(["JK000001", "JK000002", "JK000003"], list.Items.Select(i => i.TeacherNo).Order());

        var record = Assert.Single((await new ImportRecordQueries(_db.FactoryFor(School), School).ListAsync(ImportKind.InvigilatorImport, new PageRequest(), default)).Items);
        Assert.Equal(("监考人员.xlsx", 2, 7), (record.FileName, record.SucceededRows, record.FailedRows));
        await using var failed = await _files.OpenReadAsync(result.FailedRowsPath!, default);
        var failedRows = failed!.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(7, failedRows.Count);
        Assert.Equal("请填写申请证书", failedRows[^1][InvigilatorImportTemplate.FailureReason]);
    }

    [Fact]
    public async Task ImportAsync_Should_BeRefused_When_NotASchool()
    {
        var org = new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: _catalog.Organization.Id, UserName: "org", DisplayName: "中物联");
        using var sheet = Sheet(Row("王伟", IdA, $"{Certificate}(初级)"));

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => Import(org).ImportAsync(sheet, "a.xlsx", null, default));

        Assert.Equal("只有试点院校可以导入监考人员", error.Message);
    }

    [Fact]
    public async Task ImportAsync_Should_OnlyCreateInTheImportingSchool()
    {
        using var sheet = Sheet(Row("王伟", IdA, $"{Certificate}(初级)"));
        await Import().ImportAsync(sheet, "a.xlsx", null, default);

        Assert.Equal(0, (await Service(OtherSchool).ListAsync(new InvigilatorFilter(), new PageRequest(), default)).TotalCount);
        Assert.Empty((await new ImportRecordQueries(_db.FactoryFor(OtherSchool), OtherSchool).ListAsync(null, new PageRequest(), default)).Items);

        // The same teacher may be imported by another school (uniqueness is per school).
        using var again = Sheet(Row("王伟", IdA, $"{Certificate}(初级)"));
        Assert.Equal(1, (await Import(OtherSchool).ImportAsync(again, "a.xlsx", null, default)).Succeeded);
    }

    [Fact]
    public async Task Template_Should_HaveTheHeadersAnExampleAndTheRules()
    {
        await using var template = await InvigilatorSheet.TemplateAsync();
        var rows = new InvigilatorSheet().ReadRows(template).ToList();

        var example = Assert.Single(rows);
        Assert.Equal("王老师", example[InvigilatorImportTemplate.Name]);
        template.Position = 0;
        Assert.Contains(InvigilatorImportTemplate.RulesSheet, template.GetSheetNames());
    }
}
