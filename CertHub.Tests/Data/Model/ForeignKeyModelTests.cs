using CertHub.Core.Audit;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Invigilators;
using CertHub.Core.Issuance;
using CertHub.Core.Payments;
using CertHub.Core.Registrations;
using CertHub.Core.Scheduling;
using CertHub.Core.Scores;
using CertHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.Model;

/// <summary>Every id column of the domain is a real foreign key; between aggregates it restricts deletes.</summary>
public sealed class ForeignKeyModelTests : IDisposable
{
    private readonly SqliteTestDb _db = new();

    public void Dispose() => _db.Dispose();

    public static TheoryData<Type, string, Type> CrossAggregateKeys => new()
    {
        { typeof(IssuanceRecord), nameof(IssuanceRecord.CandidateId), typeof(Candidate) },
        { typeof(IssuanceRecord), nameof(IssuanceRecord.ExamSiteId), typeof(ExamSite) },
        { typeof(IssuanceRecord), nameof(IssuanceRecord.ExamPlanId), typeof(ExamPlan) },
        { typeof(IssuanceRecord), nameof(IssuanceRecord.CertificateResultId), typeof(CertificateResult) },
        { typeof(RoomSession), nameof(RoomSession.ExamPlanId), typeof(ExamPlan) },
        { typeof(RoomSession), nameof(RoomSession.ExamRoomId), typeof(ExamRoom) },
        { typeof(RoomSession), nameof(RoomSession.SubjectId), typeof(ExamSubject) },
        { typeof(SeatAssignment), nameof(SeatAssignment.RegistrationId), typeof(Registration) },
        { typeof(SeatAssignment), nameof(SeatAssignment.CandidateId), typeof(Candidate) },
        { typeof(RoomSessionInvigilator), nameof(RoomSessionInvigilator.InvigilatorId), typeof(Invigilator) },
        { typeof(SubjectScore), nameof(SubjectScore.ExamPlanId), typeof(ExamPlan) },
        { typeof(SubjectScore), nameof(SubjectScore.SubjectId), typeof(ExamSubject) },
        { typeof(SubjectScore), nameof(SubjectScore.CandidateId), typeof(Candidate) },
        { typeof(SubjectScore), nameof(SubjectScore.RegistrationId), typeof(Registration) },
        { typeof(CertificateResult), nameof(CertificateResult.CandidateId), typeof(Candidate) },
        { typeof(CertificateResult), nameof(CertificateResult.ExamPlanId), typeof(ExamPlan) },
        { typeof(CertificateResult), nameof(CertificateResult.ExamSiteId), typeof(ExamSite) },
        { typeof(Registration), nameof(Registration.PaymentRequestId), typeof(PaymentRequest) },
        { typeof(PaymentRequestItem), nameof(PaymentRequestItem.RegistrationId), typeof(Registration) },
        { typeof(ExamRoomSubject), nameof(ExamRoomSubject.SubjectId), typeof(ExamSubject) },
        { typeof(ExamPlanSubject), nameof(ExamPlanSubject.SubjectId), typeof(ExamSubject) },
        { typeof(Candidate), nameof(Candidate.MajorId), typeof(Major) },
    };

    [Theory]
    [MemberData(nameof(CrossAggregateKeys))]
    public void ForeignKey_Should_PointAtPrincipalAndRestrictDelete_When_CrossingAggregates(Type dependent, string property, Type principal)
    {
        using var db = _db.OpenAsSystem();
        var foreignKey = Assert.Single(
            db.Model.FindEntityType(dependent)!.GetForeignKeys(),
            fk => fk.Properties.Count == 1 && fk.Properties[0].Name == property);

        Assert.Equal(principal, foreignKey.PrincipalEntityType.ClrType);
        Assert.Equal(DeleteBehavior.Restrict, foreignKey.DeleteBehavior);
    }

    [Fact]
    public void IdColumns_Should_AllBeForeignKeys_When_OutsideTheAuditTrail()
    {
        using var db = _db.OpenAsSystem();
        var loose = db.Model.GetEntityTypes()
            .Where(e => e.ClrType.Namespace?.StartsWith("CertHub.Core", StringComparison.Ordinal) == true && e.ClrType != typeof(AuditEntry))
            .SelectMany(e => e.GetProperties().Select(p => (Entity: e.ClrType.Name, Property: p)))
            .Where(x => x.Property.Name != "Id" && x.Property.Name.EndsWith("Id", StringComparison.Ordinal)
                && (x.Property.ClrType == typeof(int) || x.Property.ClrType == typeof(int?)))
            .Where(x => !x.Property.IsForeignKey())
            .Select(x => $"{x.Entity}.{x.Property.Name}")
            .ToList();

        Assert.Empty(loose);
    }

    [Fact]
    public void SaveChanges_Should_Throw_When_SessionPointsAtMissingPlanRoomAndSubject()
    {
        using var db = _db.OpenAsSystem();
        var start = new DateTimeOffset(2021, 9, 18, 0, 0, 0, TimeSpan.Zero);
        db.Add(RoomSession.Create(1, 2, 3, start, start.AddHours(1), 30));

        var ex = Assert.Throws<DbUpdateException>(() => db.SaveChanges());
        if (ex.InnerException is Npgsql.PostgresException postgres)
        {
            Assert.Equal(Npgsql.PostgresErrorCodes.ForeignKeyViolation, postgres.SqlState);
            return;
        }

        Assert.Contains("FOREIGN KEY constraint failed", ex.InnerException?.Message ?? ex.Message);
    }
}
