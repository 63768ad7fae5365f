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
    private readonly ScoreWindow _window = AScoreWindow.Default();

    public ScoresModelTests() => _seed = IssuanceCatalogSeed.SaveIn(_db);

    public void Dispose() => _db.Dispose();

    [Fact]
    public void SubjectScore_Should_RoundTripWithCorrections_When_Saved()
    {
        var score = AScoreWindow.Score(saved: false, score: 75.5m);
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
        Save(AScoreWindow.Score(registrationId: 1, subjectId: 1, saved: false));
        Save(AScoreWindow.Score(registrationId: 1, subjectId: 2, saved: false));

        Assert.Throws<DbUpdateException>(() => Save(AScoreWindow.Score(registrationId: 1, subjectId: 1, saved: false)));
    }

    [Fact]
    public void ScoreReviewRequest_Should_RoundTripAnswer_When_Corrected()
    {
        var score = AScoreWindow.Score(saved: false);
        Save(score);
        var inNotice = AScoreWindow.NoticeStart.AddDays(1);

        using (var db = _db.OpenAsSystem())
        {
            var tracked = db.Set<SubjectScore>().Include(s => s.Corrections).Single();
            var request = ScoreReviewRequest.File(tracked.Id, _seed.SchoolId, "分数偏低", "ustb", inNotice, _window);
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

        Assert.Throws<DbUpdateException>(() => Save(NewResult()));
    }

    private CertificateResult NewResult() =>
        CertificateResult.Create(1, 2, _seed.CertificateId, CertificateLevel.Junior, _seed.SchoolId, 5, AScoreWindow.EntryStart);

    private void Save(object entity)
    {
        using var db = _db.OpenAsSystem();
        db.Add(entity);
        db.SaveChanges();
    }
}
