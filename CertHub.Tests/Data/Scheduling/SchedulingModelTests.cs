using CertHub.Core.Scheduling;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.Scheduling;

public sealed class SchedulingModelTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2021, 9, 18, 0, 0, 0, TimeSpan.Zero);
    private readonly SqliteTestDb _db = new();
    private readonly IssuanceCatalogSeed _seed;
    private readonly ExamChainSeed _chain;
    private readonly SeededRegistration _registration;
    private readonly SeededRegistration _otherRegistration;
    private readonly int _invigilator;
    private readonly int _otherInvigilator;

    /// <summary>A plan with a room at the school's site; one registration and one invigilator from each school.</summary>
    public SchedulingModelTests()
    {
        _seed = IssuanceCatalogSeed.SaveIn(_db);
        _chain = ExamChainSeed.SaveIn(_db, _seed, siteSchoolId: _seed.SchoolId);
        _registration = _chain.SaveRegistration(_db, ExamChainSeed.SaveCandidate(_db, _seed.SchoolId, ADomain.ValidIdNumber));
        _otherRegistration = _chain.SaveRegistration(_db, ExamChainSeed.SaveCandidate(_db, _seed.OtherSchoolId, ADomain.OtherValidIdNumber));
        _otherInvigilator = ExamChainSeed.SaveInvigilator(_db, _seed.OtherSchoolId);
        _invigilator = ExamChainSeed.SaveInvigilator(_db, _seed.SchoolId);
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void RoomSession_Should_RoundTripSeatsAndInvigilators_When_Saved()
    {
        var session = NewSession();
        session.AssignSeat(_registration.Id, _registration.CandidateId, _registration.SchoolId, 1, AdmissionTicketNumber.Format(1, "40000001101", 2, 1));
        session.AssignSeat(_otherRegistration.Id, _otherRegistration.CandidateId, _otherRegistration.SchoolId, 2, AdmissionTicketNumber.Format(1, "40000001101", 2, 2));
        session.AssignInvigilator(_otherInvigilator, _seed.OtherSchoolId);
        session.AssignInvigilator(_invigilator, _seed.SchoolId);
        SaveNew(session);

        using var db = _db.OpenAsSystem();
        var loaded = db.Set<RoomSession>().Include(s => s.Seats).Include(s => s.Invigilators).Single();
        Assert.Equal((Start, Start.AddHours(1), 30), (loaded.StartUtc, loaded.EndUtc, loaded.Capacity));
        Assert.Equal([(_registration.Id, 1, "00000140000001101000002001"), (_otherRegistration.Id, 2, "00000140000001101000002002")],
            loaded.Seats.OrderBy(s => s.SeatNo).Select(s => (s.RegistrationId, s.SeatNo, s.AdmissionTicketNo)));
        Assert.Equal([_otherInvigilator, _invigilator], loaded.Invigilators.OrderBy(i => i.InvigilatorId).Select(i => i.InvigilatorId));
    }

    [Fact]
    public void RoomSession_Should_DeleteRemovedSeat_When_SavedAfterRemove()
    {
        var session = NewSession();
        session.AssignSeat(_registration.Id, _registration.CandidateId, _registration.SchoolId, 1, "T1");
        SaveNew(session);

        using (var db = _db.OpenAsSystem())
        {
            db.Set<RoomSession>().Include(s => s.Seats).Single().RemoveSeat(_registration.Id);
            db.SaveChanges();
        }

        using var check = _db.OpenAsSystem();
        Assert.Equal(0, check.Set<SeatAssignment>().Count());
    }

    [Fact]
    public void SeatAssignment_Should_RejectDuplicate_When_SameSeatTakenConcurrently()
    {
        var sessionId = SavedSessionId();

        SeatIn(sessionId, _registration, seatNo: 1);

        AUniqueIndex.Violated(() => SeatInStale(sessionId, _otherRegistration, seatNo: 1));
    }

    [Fact]
    public void SeatAssignment_Should_RejectDuplicate_When_SameRegistrationSeatedTwiceConcurrently()
    {
        var sessionId = SavedSessionId();

        SeatIn(sessionId, _registration, seatNo: 1);

        AUniqueIndex.Violated(() => SeatInStale(sessionId, _registration, seatNo: 2));
    }

    [Fact]
    public void RoomSessionInvigilator_Should_RejectDuplicate_When_SameInvigilatorTwiceConcurrently()
    {
        var sessionId = SavedSessionId();
        using var stale = _db.OpenAsSystem();
        var staleSession = stale.Set<RoomSession>().Include(s => s.Invigilators).Single(s => s.Id == sessionId);
        using (var db = _db.OpenAsSystem())
        {
            db.Set<RoomSession>().Include(s => s.Invigilators).Single(s => s.Id == sessionId).AssignInvigilator(_invigilator, _seed.SchoolId);
            db.SaveChanges();
        }

        staleSession.AssignInvigilator(_invigilator, _seed.SchoolId);
        AUniqueIndex.Violated(() => stale.SaveChanges());
    }

    /// <summary>A session of the seeded room for its first subject.</summary>
    private RoomSession NewSession() => RoomSession.Create(_chain.ExamPlanId, _chain.ExamRoomId, _chain.SubjectId, Start, Start.AddHours(1), 30);

    private int SavedSessionId()
    {
        var session = NewSession();
        SaveNew(session);
        return session.Id;
    }

    private void SeatIn(int sessionId, SeededRegistration registration, int seatNo)
    {
        using var db = _db.OpenAsSystem();
        db.Set<RoomSession>().Include(s => s.Seats).Single(s => s.Id == sessionId)
            .AssignSeat(registration.Id, registration.CandidateId, registration.SchoolId, seatNo, $"T{registration.Id}");
        db.SaveChanges();
    }

    /// <summary>Seats through a session loaded without its seats (as a concurrent writer that read before the other saved).</summary>
    private void SeatInStale(int sessionId, SeededRegistration registration, int seatNo)
    {
        using var db = _db.OpenAsSystem();
        db.Set<RoomSession>().Single(s => s.Id == sessionId)
            .AssignSeat(registration.Id, registration.CandidateId, registration.SchoolId, seatNo, $"T{registration.Id}");
        db.SaveChanges();
    }

    private void SaveNew(object entity)
    {
        using var db = _db.OpenAsSystem();
        db.Add(entity);
        db.SaveChanges();
    }
}
