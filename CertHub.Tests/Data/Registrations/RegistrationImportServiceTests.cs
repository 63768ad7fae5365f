using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Imports;
using CertHub.Core.Registrations;
using CertHub.Core.Registrations.Import;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Documents.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace CertHub.Tests.Data.Registrations;

/// <summary>批量导入报考 (按证书 / 按科目) on real SQLite: every refused row reason, the plan checks, the 导入记录 and the failed-rows file.</summary>
public sealed class RegistrationImportServiceTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly MemoryFileStore _files = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly RegistrationScenario _s;

    public RegistrationImportServiceTests() => _s = RegistrationScenario.SaveIn(_db);

    public void Dispose() => _db.Dispose();

    private RegistrationImportService Imports(ICurrentUser user) => new(_db.FactoryFor(user), user, new RegistrationSheet(), _files, new RecordingChangeFeed(), _clock);

    private RegistrationImportRequest ByCertificate => new(_s.ByCertificatePlanId, RegistrationMode.ByCertificate);

    private RegistrationImportRequest BySubject => new(_s.BySubjectPlanId, RegistrationMode.BySubject, _s.CertificateId, CertificateLevel.Junior);

    private Task<RegistrationImportResult> ImportAsync(RegistrationImportRequest request, params IReadOnlyList<string?>[] rows) =>
        ImportAsAsync(_s.School, request, rows);

    private async Task<RegistrationImportResult> ImportAsAsync(ICurrentUser user, RegistrationImportRequest request, params IReadOnlyList<string?>[] rows)
    {
        using var sheet = RegistrationScenario.Sheet(request.Mode, rows);
        return await Imports(user).ImportAsync(request, sheet, "报考.xlsx", null, default);
    }

    private async Task<string> RefusedAsync(RegistrationImportRequest request, IReadOnlyList<string?> row)
    {
        var result = await ImportAsync(request, row);
        Assert.Equal((0, 1), (result.Succeeded, result.Failed));
        Assert.Equal(2, result.Errors[0].RowNumber);
        return result.Errors[0].Reason;
    }

    [Fact]
    public async Task ImportAsync_Should_RegisterGoodRows_WithSnapshot_AndRecord_WhenByCertificate()
    {
        var result = await ImportAsync(ByCertificate, _s.CertificateRow("good"), _s.CertificateRow("public"), _s.CertificateRow("uncovered"));

        Assert.Equal((2, 1), (result.Succeeded, result.Failed));
        Assert.Equal(new ImportRowError(4, "考生专业“会计”不在该证书面向的专业之内"), result.Errors.Single());
        await using var db = _db.OpenAsSystem();
        var registrations = await db.Set<Registration>().OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([_s.Candidates["good"].Id, _s.Candidates["public"].Id], registrations.Select(r => r.CandidateId));
        var good = registrations[0];
        Assert.Equal((_s.ByCertificatePlanId, _s.SchoolId, _s.CertificateId, CertificateLevel.Junior, (int?)null), (good.ExamPlanId, good.SchoolId, good.CertificateId, good.Level, good.SubjectId));
        Assert.Equal((_s.NameOf("good"), _s.IdOf("good"), "计算机应用技术", false), (good.Name, good.IdNumber, good.MajorName, good.IsPaid));
        var record = await db.Set<ImportRecord>().SingleAsync();
        Assert.Equal((ImportKind.RegistrationImport, 2, 1, _s.SchoolId), (record.Kind, record.SucceededRows, record.FailedRows, record.SchoolId));
        Assert.Equal(result.FailedRowsPath, record.FailedRowsFilePath);
        var failed = new MemoryStream(_files.Files[result.FailedRowsPath!]).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single();
        Assert.Equal((_s.NameOf("uncovered"), "考生专业“会计”不在该证书面向的专业之内"), ((string?)failed[RegistrationImportTemplate.Name], (string?)failed[RegistrationImportTemplate.FailureReason]));
    }

    [Fact]
    public async Task ImportAsync_Should_RegisterSubjects_WhenBySubject()
    {
        var result = await ImportAsync(BySubject, _s.SubjectRow("good"), _s.SubjectRow("good", "XXH-C-02"), _s.SubjectRow("public", "综合实务"));

        Assert.Equal((3, 0), (result.Succeeded, result.Failed));
        Assert.Null(result.FailedRowsPath);
        await using var db = _db.OpenAsSystem();
        Assert.Equal([_s.TheorySubjectId, _s.PracticeSubjectId, _s.PublicSubjectId], await db.Set<Registration>().OrderBy(r => r.Id).Select(r => r.SubjectId!.Value).ToListAsync());
    }

    [Theory]
    [InlineData(0, "考生姓名不能为空")]
    [InlineData(1, "证件号码不能为空")]
    [InlineData(2, "考核证书不能为空")]
    [InlineData(3, "证书等级不能为空")]
    public async Task ImportAsync_Should_RefuseRow_WhenACellIsEmpty(int column, string reason)
    {
        var row = _s.CertificateRow("good");
        row[column] = " ";
        Assert.Equal(reason, await RefusedAsync(ByCertificate, row));
    }

    [Fact]
    public async Task ImportAsync_Should_RefuseRow_WhenSubjectIsEmpty() =>
        Assert.Equal("考试科目不能为空", await RefusedAsync(BySubject, _s.SubjectRow("good", "")));

    [Fact]
    public async Task ImportAsync_Should_RefuseRow_WhenIdNumberIsNotACandidateOfTheSchool()
    {
        Assert.Equal("本校考生中未找到该证件号码的考生", await RefusedAsync(ByCertificate, ["某人", RegistrationScenario.IdFor(999), RegistrationScenario.Certificate, "初级"]));
        Assert.Equal("本校考生中未找到该证件号码的考生", await RefusedAsync(ByCertificate, _s.CertificateRow("b-good"))); // another school's candidate
    }

    [Fact]
    public async Task ImportAsync_Should_RefuseRow_WhenNameDiffers() =>
        Assert.Equal("考生姓名与证件号码不符", await RefusedAsync(ByCertificate, ["张冠李戴", _s.IdOf("good"), RegistrationScenario.Certificate, "初级"]));

    [Theory]
    [InlineData("nophoto", "无照片")]
    [InlineData("pending", "信息待认证")]
    [InlineData("manual", "需人工确认")]
    public async Task ImportAsync_Should_RefuseRow_WhenCandidateIsNotAccurate(string role, string status) =>
        Assert.Equal($"考生信息状态为“{status}”，信息准确后才能报考", await RefusedAsync(ByCertificate, _s.CertificateRow(role)));

    [Fact]
    public async Task ImportAsync_Should_RefuseRow_WhenCertificateIsNotInThePlan() =>
        Assert.Equal($"考核证书“{RegistrationScenario.JavaCertificate}”不在该考试计划中",
            await RefusedAsync(ByCertificate, _s.CertificateRow("good", RegistrationScenario.JavaCertificate)));

    [Fact]
    public async Task ImportAsync_Should_RefuseRow_WhenLevelIsUnknownOrNotInThePlan()
    {
        Assert.Equal("证书等级“特级”不正确，应为初级、中级或高级", await RefusedAsync(ByCertificate, _s.CertificateRow("good", level: "特级")));
        Assert.Equal("考试计划中没有该证书的高级等级", await RefusedAsync(ByCertificate, _s.CertificateRow("good", level: "高级")));
    }

    [Fact]
    public async Task ImportAsync_Should_RefuseRow_WhenSubjectIsNotInThePlan() =>
        Assert.Equal("考试科目“中级理论”不是该证书在考试计划中的科目", await RefusedAsync(BySubject, _s.SubjectRow("good", "中级理论")));

    [Fact]
    public async Task ImportAsync_Should_RefuseRow_WhenMajorIsOutsideTheCertificate() =>
        Assert.Equal("考生专业“会计”不在该证书面向的专业之内", await RefusedAsync(ByCertificate, _s.CertificateRow("uncovered")));

    [Fact]
    public async Task ImportAsync_Should_RefuseRow_WhenSchoolCandidateHasNoMajor() =>
        Assert.Equal("院校考生未填写就读专业，不能报考", await RefusedAsync(ByCertificate, _s.CertificateRow("nomajor")));

    [Fact]
    public async Task ImportAsync_Should_RefuseRow_WhenMajorWasNotDeclaredInTheApprovedApplication()
    {
        Assert.Equal("考生专业“现代物流管理”不在本校该证书试点申报的专业之内", await RefusedAsync(ByCertificate, _s.CertificateRow("undeclared")));
        // 中级 has no approved application: any major the certificate covers may register.
        Assert.Equal((1, 0), await ImportAsync(ByCertificate, _s.CertificateRow("undeclared", level: "中级")) is var r ? (r.Succeeded, r.Failed) : default);
    }

    [Fact]
    public async Task ImportAsync_Should_AllowCoveredMajor_WhenTheSchoolHasNoApprovedApplication()
    {
        var result = await ImportAsAsync(_s.OtherSchool, ByCertificate, _s.CertificateRow("b-good"));
        Assert.Equal((1, 0), (result.Succeeded, result.Failed));
    }

    [Fact]
    public async Task ImportAsync_Should_RefuseRow_WhenSubjectScopeExcludesTheCandidateType()
    {
        Assert.Equal("该科目的参考对象为院校考生，考生类型为社会考生", await RefusedAsync(BySubject, _s.SubjectRow("public", "实操技能")));
        Assert.Equal("该科目的参考对象为社会考生，考生类型为院校考生", await RefusedAsync(BySubject, _s.SubjectRow("good", "综合实务")));
    }

    [Fact]
    public async Task ImportAsync_Should_RefuseRow_WhenAlreadyRegisteredInTheDatabase()
    {
        _s.Register(_db, "good", _s.ByCertificatePlanId, _s.CertificateId);
        _s.Register(_db, "good", _s.BySubjectPlanId, _s.CertificateId, subjectId: _s.TheorySubjectId);

        Assert.Equal("该考生已报考该证书，不能重复报考", await RefusedAsync(ByCertificate, _s.CertificateRow("good")));
        Assert.Equal("该考生已报考该科目，不能重复报考", await RefusedAsync(BySubject, _s.SubjectRow("good")));
    }

    [Fact]
    public async Task ImportAsync_Should_RefuseRow_WhenDuplicatedInTheFile()
    {
        var result = await ImportAsync(ByCertificate, _s.CertificateRow("good"), _s.CertificateRow("good2"), _s.CertificateRow("good"));

        Assert.Equal((2, 1), (result.Succeeded, result.Failed));
        Assert.Equal(new ImportRowError(4, "与第2行重复"), result.Errors.Single());
    }

    [Fact]
    public async Task ImportAsync_Should_RefuseRow_WhenExamTimesOverlap()
    {
        // 按科目: 理论知识 09–11 and 综合实务 10–12 on the same day.
        var bySubject = await ImportAsync(BySubject, _s.SubjectRow("public", "理论知识"), _s.SubjectRow("public", "综合实务"));
        Assert.Equal(new ImportRowError(3, "考试时间与该考生已报考的科目“理论知识”重叠"), bySubject.Errors.Single());

        // 按证书: 初级 (理论知识 09–11) and 中级 (中级理论 09–11), the first already in the database.
        _s.Register(_db, "good2", _s.ByCertificatePlanId, _s.CertificateId);
        Assert.Equal("考试时间与该考生已报考的科目“理论知识”重叠", await RefusedAsync(ByCertificate, _s.CertificateRow("good2", level: "中级")));
    }

    [Fact]
    public async Task ImportAsync_Should_Refuse_WhenPlanIsNotOpen()
    {
        _clock.SetUtcNow(ADomain.Day(11));
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => ImportAsync(ByCertificate, _s.CertificateRow("good")));
        Assert.Equal(RegistrationMessages.PlanNotOpen, ex.Message);
    }

    [Fact]
    public async Task ImportAsync_Should_Refuse_WhenPlanDoesNotListTheSchool()
    {
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() =>
            ImportAsAsync(_s.OtherSchool, BySubject, _s.SubjectRow("b-good")));
        Assert.Equal(RegistrationMessages.PlanNotFound, ex.Message); // the plan is not even visible to the other school
    }

    [Fact]
    public async Task ImportAsync_Should_Refuse_WhenModeDiffersFromThePlan()
    {
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() =>
            ImportAsync(new RegistrationImportRequest(_s.BySubjectPlanId, RegistrationMode.ByCertificate), _s.CertificateRow("good")));
        Assert.Equal("该考试计划的报考方式为按科目，请使用“按科目导入”", ex.Message);
        var noCertificate = await Assert.ThrowsAsync<DomainRuleException>(() =>
            ImportAsync(new RegistrationImportRequest(_s.BySubjectPlanId, RegistrationMode.BySubject), _s.SubjectRow("good")));
        Assert.Equal("请选择考试计划中的考核证书", noCertificate.Message);
    }

    [Fact]
    public async Task ImportAsync_Should_Refuse_WhenNotASchool()
    {
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => ImportAsAsync(_s.Organization, ByCertificate, _s.CertificateRow("good")));
        Assert.Equal(RegistrationMessages.SchoolOnly, ex.Message);
    }

    [Fact]
    public async Task ImportAsync_Should_AcceptTheDownloadedTemplate_AfterTheExampleRowIsReplaced()
    {
        using var template = await RegistrationSheet.TemplateAsync(RegistrationMode.ByCertificate);
        var rows = template.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(RegistrationImportTemplate.Headers(RegistrationMode.ByCertificate), rows[0].Keys);
        Assert.Equal("张三", rows[0][RegistrationImportTemplate.Name]);
        template.Position = 0;
        var sheets = template.GetSheetNames();
        Assert.Equal([RegistrationImportTemplate.DataSheet, RegistrationImportTemplate.RulesSheet], sheets);
    }
}
