using CertHub.Core.Catalog;
using CertHub.Core.Scores;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.Scores;

public sealed class ScoresModelTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly IssuanceCatalogSeed _seed;
    private readonly ExamChainSeed _chain;
    private readonly SeededRegistration _registration;
    private readonly ScoreWindow _window = AScoreWindow.Default();

    /// <summary>One candidate of the school registered for the plan, which has two junior subjects.</summary>
    public ScoresModelTests()
    {
        _seed = IssuanceCatalogSeed.SaveIn(_db);
        _chain = ExamChainSeed.SaveIn(_db, _seed, siteSchoolId: _seed.SchoolId);
        _registration = _chain.SaveRegistration(_db, ExamChainSeed.SaveCandidate(_db, _seed.SchoolId));
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void SubjectScore_Should_RoundTripWithCorrections_When_Saved()
    {
        var score = NewScore(_chain.SubjectId, score: 75.5m);
        score.Correct(80m, false, null, "wl", AScoreWindow.EntryStart.AddHours(1), _window);
        score.Correct(null, true, "确认缺考", "wl", AScoreWindow.NoticeStart.AddHours(1), _window);
        Save(score);

        using var db = _db.OpenAsSystem();
        var loaded = db.Set<SubjectScore>().Include(s => s.Corrections).Single();
        Assert.True(loaded.IsAbsent);
        Assert.Null(loaded.Score);
        Assert.Equal((100m, 60m), (loaded.FullMark, loaded.PassMark));
        Assert.Equal([(75.5m, (decimal?)80m), (80m, null)], loaded.Corrections.OrderBy(c => c.Id).Select(c => (c.OldScore!.Value, c.NewScore)));
        Assert.Equal("确认缺考", loaded.Corrections.OrderBy(c => c.Id).Last().Reason);
    }

    [Fact]
    public void SubjectScore_Should_RejectDuplicate_When_SameRegistrationAndSubject()
    {
        Save(NewScore(_chain.SubjectId));
        Save(NewScore(_chain.OtherSubjectId));

        AUniqueIndex.Violated(() => Save(NewScore(_chain.SubjectId)));
    }

    [Fact]
    public void ScoreReviewRequest_Should_RoundTripAnswer_When_Corrected()
    {
        var score = NewScore(_chain.SubjectId);
        Save(score);
        var inNotice = AScoreWindow.NoticeStart.AddDays(1);

        using (var db = _db.OpenAsSystem())
        {
            var tracked = db.Set<SubjectScore>().Include(s => s.Corrections).Single();
            var request = ScoreReviewRequest.File(tracked.Id, _registration.SchoolId, "分数偏低", "ustb", inNotice, _window);
            request.Correct(tracked, 90m, false, "漏计一题", "wl", inNotice.AddHours(1), _window);
            db.Add(request);
            db.SaveChanges();
        }

        using var check = _db.OpenAsSystem();
        var loaded = check.Set<ScoreReviewRequest>().Single();
        Assert.Equal((ScoreReviewStatus.Corrected, "漏计一题", "wl"), (loaded.Status, loaded.Opinion, loaded.AnsweredBy));
        Assert.Equal(90m, check.Set<SubjectScore>().Single().Score);
    }

    [Fact]
    public void CertificateResult_Should_RoundTripAndRejectDuplicate_When_SameCandidatePlanCertificateLevel()
    {
        var result = NewResult();
        result.Apply(CertificateResultStatus.Passed, AScoreWindow.NoticeEnd);
        Save(result);

        using (var db = _db.OpenAsSystem())
        {
            var loaded = db.Set<CertificateResult>().Single();
            Assert.Equal((CertificateResultStatus.Passed, CertificateLevel.Junior, AScoreWindow.NoticeEnd), (loaded.Status, loaded.Level, loaded.UpdatedUtc));
        }

        AUniqueIndex.Violated(() => Save(NewResult()));
    }

    /// <summary>A new, unsaved score of the seeded registration (80 out of 100 unless given).</summary>
    private SubjectScore NewScore(int subjectId, decimal? score = 80m) =>
        AScoreWindow.Score(_registration.Id, subjectId, score, saved: false, examPlanId: _chain.ExamPlanId, candidateId: _registration.CandidateId);

    private CertificateResult NewResult() =>
        CertificateResult.Create(_registration.CandidateId, _chain.ExamPlanId, _seed.CertificateId, CertificateLevel.Junior, _registration.SchoolId, _chain.ExamSiteId, AScoreWindow.EntryStart);

    private void Save(object entity)
    {
        using var db = _db.OpenAsSystem();
        db.Add(entity);
        db.SaveChanges();
    }
}
