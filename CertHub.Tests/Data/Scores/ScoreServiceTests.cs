using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Imports;
using CertHub.Core.Issuance;
using CertHub.Core.Scores;
using CertHub.Core.Scores.Import;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Documents.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Scores;

/// <summary>
/// 科目成绩 and 考证结果 services on SQLite: a plan (成绩登记 Day 17..20, 公示 Day 20..25) with two junior subjects (满分 100,
/// 合格 60); candidate A of the school and candidate B of the other school both seated in both subjects.
/// </summary>
public sealed class ScoreServiceTests : IDisposable
{
    private static readonly DateTimeOffset InEntry = AScoredPlan.InEntry;
    private static readonly DateTimeOffset InNotice = AScoredPlan.InNotice;
    private static readonly DateTimeOffset AfterNotice = AScoredPlan.AfterNotice;

    private readonly SqliteTestDb _db = new();
    private readonly MemoryFileStore _files = new();
    private readonly RecordingChangeFeed _changes = new();
    private FakeTimeProvider _clock = new(InEntry);
    private readonly IssuanceCatalogSeed _seed;
    private readonly ExamChainSeed _chain;
    private readonly ScoreSeatRow _a1;
    private readonly ScoreSeatRow _a2;
    private readonly ScoreSeatRow _b1;
    private readonly ScoreSeatRow _b2;

    public ScoreServiceTests()
    {
        var plan = AScoredPlan.SaveIn(_db);
        (_seed, _chain, _a1, _a2, _b1, _b2) = (plan.Seed, plan.Chain, plan.A1, plan.A2, plan.B1, plan.B2);
    }

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser Org => new(UserRole.OrgAdmin, OrganizationId: _seed.OrganizationId, UserName: "wl", DisplayName: "中物联物流");

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _seed.SchoolId, UserName: "ustb", DisplayName: "北京科技大学");

    private FixedCurrentUser OtherSchool => new(UserRole.SchoolAdmin, SchoolId: _seed.OtherSchoolId, UserName: "ncut", DisplayName: "北方工业大学");

    private ScoreService Scores(ICurrentUser user) => new(_db.FactoryFor(user), user, new ScoreSheet(), _files, _changes, _clock);

    private ResultService Results(ICurrentUser user) => new(_db.FactoryFor(user), user, _clock);

    private static ScoreImportRow Row(int n, ScoreSeatRow seat, string? score, string? name = null, string? candidateNo = null, string? code = null) =>
        seat.Row(n, score, name, candidateNo, code);

    private Task<ScoreRowsResult> ApplyAsync(params ScoreImportRow[] rows) => Scores(Org).ApplyRowsAsync(_chain.ExamPlanId, rows, default);

    private List<SubjectScore> SavedScores()
    {
        using var db = _db.OpenAsSystem();
        return [.. db.Set<SubjectScore>().Include(s => s.Corrections).AsNoTracking().OrderBy(s => s.Id)];
    }

    [Fact]
    public async Task ApplyRows_Should_RecordScoresAndAbsence_When_RowsMatchSeats()
    {
        var result = await ApplyAsync(Row(1, _a1, "86.5"), Row(2, _a2, "缺考"), Row(3, _b1, "59"));

        Assert.Equal((3, 0), (result.Recorded, result.Failures.Count));
        var scores = SavedScores();
        Assert.Equal([(86.5m, false), (null, true), (59m, false)], scores.Select(s => (s.Score, s.IsAbsent)));
        Assert.All(scores, s => Assert.Equal((100m, 60m), (s.FullMark, s.PassMark)));
    }

    [Fact]
    public async Task ApplyRows_Should_BeNoOp_When_SameScoreResubmitted()
    {
        await ApplyAsync(Row(1, _a1, "80"), Row(2, _a2, "缺考"));

        var again = await ApplyAsync(Row(1, _a1, "80"), Row(2, _a2, "缺考"));

        Assert.Equal((0, 0, 2), (again.Recorded, again.Changed, again.Unchanged));
        var scores = SavedScores();
        Assert.Equal(2, scores.Count);
        Assert.All(scores, s => Assert.Empty(s.Corrections));
    }

    [Fact]
    public async Task ApplyRows_Should_ReplaceWithCorrectionRow_When_DifferentScoreInEntryWindow()
    {
        await ApplyAsync(Row(1, _a1, "70"));

        var again = await ApplyAsync(Row(1, _a1, "75"));

        Assert.Equal(1, again.Changed);
        var score = Assert.Single(SavedScores());
        Assert.Equal(75m, score.Score);
        var correction = Assert.Single(score.Corrections);
        Assert.Equal((70m, (decimal?)75m), (correction.OldScore!.Value, correction.NewScore));
    }

    [Theory]
    [InlineData("100.5", "成绩应在0到100之间")]
    [InlineData("-1", "成绩应在0到100之间")]
    [InlineData("80.25", "成绩最多保留一位小数")]
    [InlineData("八十", "成绩应为数字或“缺考”")]
    public async Task ApplyRows_Should_RefuseRow_When_ScoreInvalid(string score, string reason)
    {
        var result = await ApplyAsync(Row(1, _a1, score), Row(2, _a2, "90"));

        Assert.Equal(1, result.Recorded);
        Assert.Equal(reason, Assert.Single(result.Failures).Reason);
        Assert.Single(SavedScores());
    }

    [Fact]
    public async Task ApplyRows_Should_RefuseRows_When_NotASeatedCandidateOfThatSubject()
    {
        var result = await ApplyAsync(
            Row(1, _a1 with { Ticket = "2021091600241100000029999" }, "80"),
            Row(2, _a1, "80", code: "KM003"),
            Row(3, _a1, "80", name: "李四"),
            Row(4, _a1, "80", candidateNo: _b1.CandidateNo),
            new ScoreImportRow(6, _a1.Ticket, null, _a1.Name, "KM001", "80"));

        Assert.Equal(
            ["准考证号不存在或不属于该考试计划", "该考生未参加该科目的考试（准考证号与科目编号不对应）", "姓名与准考证号不一致", "考生编号与准考证号不一致", "考生编号不能为空"],
            result.Failures.Select(f => f.Reason));
        Assert.Empty(SavedScores());
    }

    [Fact]
    public async Task ApplyRows_Should_RefuseSecondRow_When_DuplicateInFile()
    {
        var result = await ApplyAsync(Row(1, _a1, "80"), Row(2, _a1, "90"));

        Assert.Equal(1, result.Recorded);
        var failure = Assert.Single(result.Failures);
        Assert.Equal((3, "文件中该考生该科目的成绩重复"), (failure.Row.RowNumber, failure.Reason));
        Assert.Equal(80m, Assert.Single(SavedScores()).Score);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(21)]
    [InlineData(26)]
    public async Task ApplyRows_Should_Refuse_When_OutsideScoreEntryWindow(int day)
    {
        _clock = new FakeTimeProvider(ADomain.Day(day));

        await Assert.ThrowsAsync<DomainRuleException>(() => ApplyAsync(Row(1, _a1, "80")));

        Assert.Empty(SavedScores());
    }

    [Fact]
    public async Task ApplyRows_Should_Refuse_When_OtherOrganisationsPlan()
    {
        int otherOrganizationId;
        using (var context = _db.OpenAsSystem())
        {
            var other = Organization.Create("达内教育", "91110000100000001X");
            context.Add(other);
            context.SaveChanges();
            otherOrganizationId = other.Id;
        }

        var intruder = new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: otherOrganizationId, UserName: "tedu", DisplayName: "达内教育");

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Scores(intruder).ApplyRowsAsync(_chain.ExamPlanId, [Row(1, _a1, "80")], default));

        Assert.Equal("考试计划不存在或不属于本机构", ex.Message);
        Assert.Empty(SavedScores());
        await Assert.ThrowsAsync<DomainRuleException>(() => Scores(School).ApplyRowsAsync(_chain.ExamPlanId, [Row(1, _a1, "80")], default));
    }

    [Fact]
    public async Task Import_Should_KeepGoodRowsAndWriteImportRecordWithFailedRows_When_SomeRowsRefused()
    {
        using var file = new MemoryStream();
        await ScoreSheet.WriteRowsAsync(file, [Row(1, _a1, "88").Cells, Row(2, _a2, "120").Cells]);
        file.Position = 0;

        var result = await Scores(Org).ImportAsync(_chain.ExamPlanId, file, "成绩.xlsx", null, default);

        Assert.Equal((1, 1), (result.Rows.Succeeded, result.Rows.Failures.Count));
        Assert.Equal((3, "成绩应在0到100之间"), (result.Errors[0].RowNumber, result.Errors[0].Reason));
        using var db = _db.OpenAsSystem();
        var record = db.Set<ImportRecord>().Single();
        Assert.Equal((ImportKind.ScoreImport, (int?)_seed.OrganizationId, (int?)null, 1, 1), (record.Kind, record.OrganizationId, record.SchoolId, record.SucceededRows, record.FailedRows));
        Assert.NotNull(record.FailedRowsFilePath);
        await using var failed = await _files.OpenReadAsync(record.FailedRowsFilePath!, default);
        Assert.NotNull(failed);
    }

    [Fact]
    public async Task Correct_Should_RequireReasonAndKeepOldAndNew_When_InNotice()
    {
        await ApplyAsync(Row(1, _a1, "58"));
        var id = SavedScores()[0].Id;
        _clock.SetUtcNow(InNotice);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Scores(Org).CorrectAsync(id, 62m, false, " ", default));
        await Scores(Org).CorrectAsync(id, 62m, false, "阅卷漏计分数", default);

        Assert.Equal("公示期内修改成绩必须填写修改原因", refused.Message);
        var score = Assert.Single(SavedScores());
        var correction = Assert.Single(score.Corrections);
        Assert.Equal((58m, (decimal?)62m, "阅卷漏计分数"), (correction.OldScore!.Value, correction.NewScore, correction.Reason));
    }

    [Fact]
    public async Task Changes_Should_BeRefusedEvenForOrganisation_When_NoticeEnded()
    {
        await ApplyAsync(Row(1, _a1, "58"));
        var id = SavedScores()[0].Id;
        _clock.SetUtcNow(InNotice);
        var requestId = await Scores(School).FileReviewAsync(id, "成绩偏低", default);
        _clock.SetUtcNow(AfterNotice);

        var correct = await Assert.ThrowsAsync<DomainRuleException>(() => Scores(Org).CorrectAsync(id, 70m, false, "更正", default));
        var answer = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Scores(Org).AnswerReviewAsync(requestId, ScoreReviewAction.Correct, 70m, false, "更正", default));
        var file = await Assert.ThrowsAsync<DomainRuleException>(() => Scores(School).FileReviewAsync(id, "再次复核", default));

        Assert.Equal([SubjectScore.LockedMessage, SubjectScore.LockedMessage, "只能在成绩公示期内申请复核"], new[] { correct.Message, answer.Message, file.Message });
        Assert.Equal(58m, SavedScores()[0].Score);
    }

    [Fact]
    public async Task FileReview_Should_Refuse_When_OtherSchoolsCandidateOrOutsideNotice()
    {
        await ApplyAsync(Row(1, _a1, "58"));
        var id = SavedScores()[0].Id;

        var early = await Assert.ThrowsAsync<DomainRuleException>(() => Scores(School).FileReviewAsync(id, "成绩偏低", default));
        _clock.SetUtcNow(InNotice);
        var foreign = await Assert.ThrowsAsync<DomainRuleException>(() => Scores(OtherSchool).FileReviewAsync(id, "成绩偏低", default));
        var noReason = await Assert.ThrowsAsync<DomainRuleException>(() => Scores(School).FileReviewAsync(id, "", default));
        var org = await Assert.ThrowsAsync<DomainRuleException>(() => Scores(Org).FileReviewAsync(id, "成绩偏低", default));

        Assert.Equal("只能在成绩公示期内申请复核", early.Message);
        Assert.Equal("科目成绩不存在或不属于本院校考生", foreign.Message);
        Assert.Equal("请填写复核理由", noReason.Message);
        Assert.Equal("只有试点院校可以申请成绩复核", org.Message);
        using var db = _db.OpenAsSystem();
        Assert.Empty(db.Set<ScoreReviewRequest>());
    }

    [Fact]
    public async Task Review_Should_CorrectScoreAndResult_When_OrganisationAnswersCorrect()
    {
        await ApplyAsync(Row(1, _a1, "58"), Row(2, _a2, "90"));
        var id = SavedScores()[0].Id;
        _clock.SetUtcNow(InNotice);
        var requestId = await Scores(School).FileReviewAsync(id, "成绩偏低", default);
        var duplicate = await Assert.ThrowsAsync<DomainRuleException>(() => Scores(School).FileReviewAsync(id, "再次申请", default));

        await Scores(Org).AnswerReviewAsync(requestId, ScoreReviewAction.Correct, 66m, false, "经复核漏计一题", default);

        Assert.Equal("该成绩已有待处理的复核申请", duplicate.Message);
        var reviews = await Scores(School).ReviewsAsync(new ScoreReviewFilter(), new PageRequest(), default);
        Assert.Equal((ScoreReviewStatus.Corrected, "经复核漏计一题"), (reviews.Items.Single().Status, reviews.Items.Single().Opinion));
        Assert.Empty((await Scores(OtherSchool).ReviewsAsync(new ScoreReviewFilter(), new PageRequest(), default)).Items);
        Assert.Equal(66m, SavedScores()[0].Score);
        _clock.SetUtcNow(AfterNotice);
        var result = Assert.Single((await Results(School).ListAsync(new ResultFilter(), new PageRequest(), default)).Items);
        Assert.Equal(CertificateResultStatus.Passed, result.Status);
    }

    [Fact]
    public async Task List_Should_ShowOnlyOwnedCertificates_When_SubAccountIsCertificateOwner()
    {
        await ApplyAsync(Row(1, _a1, "80"), Row(2, _a2, "70"));

        var owner = School with { Role = UserRole.SchoolUser, OwnedCertificateIds = [_seed.CertificateId] };
        var otherOwner = School with { Role = UserRole.SchoolUser, OwnedCertificateIds = [_seed.CertificateId + 1000] };

        Assert.Equal(2, (await Scores(owner).ListAsync(new ScoreFilter(), new PageRequest(), default)).TotalCount);
        Assert.Equal(0, (await Scores(otherOwner).ListAsync(new ScoreFilter(), new PageRequest(), default)).TotalCount);
    }

    [Fact]
    public async Task List_Should_ShowOnlyOwnCandidates_When_School()
    {
        await ApplyAsync(Row(1, _a1, "80"), Row(2, _a2, "70"), Row(3, _b1, "60"), Row(4, _b2, "50"));

        var own = await Scores(School).ListAsync(new ScoreFilter(), new PageRequest(), default);
        var other = await Scores(OtherSchool).ListAsync(new ScoreFilter(), new PageRequest(), default);
        var org = await Scores(Org).ListAsync(new ScoreFilter(), new PageRequest(), default);
        var filtered = await Scores(Org).ListAsync(new ScoreFilter(SchoolId: _seed.OtherSchoolId, Subject: "KM002"), new PageRequest(), default);

        Assert.Equal([_a1.CandidateNo], own.Items.Select(i => i.CandidateNo).Distinct());
        Assert.Equal(2, own.TotalCount);
        Assert.Equal([_b1.CandidateNo], other.Items.Select(i => i.CandidateNo).Distinct());
        Assert.Equal(4, org.TotalCount);
        Assert.Equal("50", Assert.Single(filtered.Items).ScoreText);
        var row = own.Items.First(i => i.SubjectCode == "KM001");
        Assert.Equal((_a1.Ticket, "北京科技大学", "中物联物流", "80"), (row.AdmissionTicketNo, row.SchoolName, row.OrganizationName, row.ScoreText));
        Assert.Contains("*", row.MaskedIdNumber, StringComparison.Ordinal);
        var export = await Scores(OtherSchool).ExportRowsAsync(new ScoreFilter(), null, default);
        Assert.All(export, e => Assert.Equal(_b1.CandidateNo, e.CandidateNo));
    }

    [Fact]
    public async Task Results_Should_FollowScoresAndLockInstant()
    {
        await ApplyAsync(Row(1, _a1, "80"), Row(2, _b1, "90"), Row(3, _b2, "缺考"));

        var recording = await Results(Org).CountsAsync(new ResultFilter(), default);
        await ApplyAsync(Row(1, _a2, "75"));
        _clock.SetUtcNow(InNotice);
        var inNotice = await Results(Org).CountsAsync(new ResultFilter(), default);
        _clock.SetUtcNow(AfterNotice);
        var final = await Results(Org).ListAsync(new ResultFilter(), new PageRequest(), default);

        Assert.Equal(2, recording[CertificateResultStatus.Recording]);
        Assert.Equal(2, inNotice[CertificateResultStatus.Recording]);
        Assert.Equal(CertificateResultStatus.Passed, final.Items.Single(r => r.CandidateNo == _a1.CandidateNo).Status);
        Assert.Equal(CertificateResultStatus.Failed, final.Items.Single(r => r.CandidateNo == _b1.CandidateNo).Status);
        var detail = await Results(School).GetAsync(final.Items.Single(r => r.CandidateNo == _a1.CandidateNo).Id, default);
        Assert.Equal([("KM001", 80m), ("KM002", 75m)], detail!.Subjects.Select(s => (s.SubjectCode, s.Score!.Value)));
        Assert.Null(await Results(OtherSchool).GetAsync(detail.Result.Id, default));
        var passedTab = await Results(School).ListAsync(new ResultFilter(Status: CertificateResultStatus.Passed), new PageRequest(), default);
        Assert.Equal(_a1.CandidateNo, Assert.Single(passedTab.Items).CandidateNo);
        Assert.Empty((await Results(School).ListAsync(new ResultFilter(CandidateNo: _b1.CandidateNo), new PageRequest(), default)).Items);
    }

    [Fact]
    public async Task IssuanceGeneration_Should_PickUpPassedResult_When_NoticeEndedWithoutAnyRead()
    {
        await ApplyAsync(Row(1, _a1, "80"), Row(2, _a2, "75"));
        _clock.SetUtcNow(AfterNotice);
        var issuance = new IssuanceService(_db.FactoryFor(Org), Org, _files, _changes, _clock, new RecordingGenerationQueue());

        var preview = await issuance.PreviewGenerationAsync(new GenerationCriteria(2021, _chain.ExamPlanId, _seed.CertificateId, CertificateLevel.Junior, null), default);

        Assert.Equal(1, preview.Total);
        Assert.Equal(_a1.CandidateNo, preview.Ineligible.Concat<object>(preview.Eligible).Select(c => c switch
        {
            EligibleCandidate e => e.CandidateNo,
            IneligibleCandidate i => i.CandidateNo,
            _ => "",
        }).Single());
    }
}
