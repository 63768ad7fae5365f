using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.Exams;

public sealed class ExamsModelTests : IDisposable
{
    private readonly SqliteTestDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task SaveChanges_Should_RoundTripSubjectPlanAndRoom_When_Reloaded()
    {
        var catalog = await ACatalogSeed.SeedAsync(_db);
        var subject = await ACatalogSeed.SeedSubjectAsync(_db, catalog);
        var plan = await ACatalogSeed.SeedPlanAsync(_db, catalog, subject, RegistrationMode.BySubject);
        var site = await ACatalogSeed.SeedApprovedSiteAsync(_db, catalog);
        int roomId;
        await using (var ctx = _db.OpenAsSystem())
        {
            var room = ExamRoom.Create(plan, site, CertificateLevel.Junior, [subject], "第一考场", "主楼301", 40, ADomain.Day(2));
            ctx.Add(room);
            await ctx.SaveChangesAsync();
            roomId = room.Id;
        }

        await using (var ctx = _db.OpenAsSystem())
        {
            var loadedSubject = await ctx.Set<ExamSubject>().SingleAsync(s => s.Id == subject.Id);
            Assert.Equal(RoomType.ComputerRoom, loadedSubject.RoomType);
            Assert.Equal(60m, loadedSubject.PassMark);

            var loadedPlan = await ctx.Set<ExamPlan>()
                .Include(p => p.Certificates).Include(p => p.Schools).Include(p => p.Subjects)
                .SingleAsync(p => p.Id == plan.Id);
            Assert.True(loadedPlan.IsPublished);
            Assert.Equal(180m, Assert.Single(loadedPlan.Certificates).Fee);
            Assert.Equal(2, loadedPlan.Schools.Count);
            var subjectTime = Assert.Single(loadedPlan.Subjects);
            Assert.Equal(90m, subjectTime.Fee);
            Assert.Equal(ADomain.Day(16, 9), subjectTime.StartUtc);
            Assert.Equal(ExamPlanStage.Registration, loadedPlan.StageAt(ADomain.Day(2)));

            var loadedRoom = await ctx.Set<ExamRoom>().Include(r => r.Subjects).SingleAsync(r => r.Id == roomId);
            Assert.Equal(subject.Id, Assert.Single(loadedRoom.Subjects).SubjectId);
            Assert.Equal(ExamRoomStatus.NotScheduled, loadedRoom.StatusAt(loadedPlan, ADomain.Day(2)));
            Assert.Equal(catalog.School.Id, loadedRoom.SchoolId);
        }
    }

    [Fact]
    public async Task SaveChanges_Should_Throw_When_RoomNameRepeatedInPlanSiteCertificate()
    {
        var catalog = await ACatalogSeed.SeedAsync(_db);
        var subject = await ACatalogSeed.SeedSubjectAsync(_db, catalog);
        var plan = await ACatalogSeed.SeedPlanAsync(_db, catalog, subject);
        var site = await ACatalogSeed.SeedApprovedSiteAsync(_db, catalog);
        await using (var ctx = _db.OpenAsSystem())
        {
            ctx.Add(ExamRoom.Create(plan, site, CertificateLevel.Junior, [subject], "第一考场", "主楼301", 40, ADomain.Day(2)));
            await ctx.SaveChangesAsync();
        }

        await using (var ctx = _db.OpenAsSystem())
        {
            ctx.Add(ExamRoom.Create(plan, site, CertificateLevel.Junior, [subject], "第一考场", "主楼302", 30, ADomain.Day(2)));
            await AUniqueIndex.ViolatedAsync(() => ctx.SaveChangesAsync());
        }
    }
}
