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

    public SchedulingModelTests() => _seed = IssuanceCatalogSeed.SaveIn(_db);

    public void Dispose() => _db.Dispose();

    [Fact]
    public void RoomSession_Should_RoundTripSeatsAndInvigilators_When_Saved()
    {
        var session = RoomSession.Create(1, 2, 3, Start, Start.AddHours(1), 30);
        session.AssignSeat(10, 20, _seed.SchoolId, 1, AdmissionTicketNumber.Format(1, "40000001101", 2, 1));
        session.AssignSeat(11, 21, _seed.OtherSchoolId, 2, AdmissionTicketNumber.Format(1, "40000001101", 2, 2));
        session.AssignInvigilator(5, _seed.OtherSchoolId);
        session.AssignInvigilator(6, _seed.SchoolId);
        SaveNew(session);

        using var db = _db.OpenAsSystem();
        var loaded = db.Set<RoomSession>().Include(s => s.Seats).Include(s => s.Invigilators).Single();
        Assert.Equal((Start, Start.AddHours(1), 30), (loaded.StartUtc, loaded.EndUtc, loaded.Capacity));
        Assert.Equal([(10, 1, "00000140000001101000002001"), (11, 2, "00000140000001101000002002")],
            loaded.Seats.OrderBy(s => s.SeatNo).Select(s => (s.RegistrationId, s.SeatNo, s.AdmissionTicketNo)));
        Assert.Equal([5, 6], loaded.Invigilators.OrderBy(i => i.InvigilatorId).Select(i => i.InvigilatorId));
    }

    [Fact]
    public void RoomSession_Should_DeleteRemovedSeat_When_SavedAfterRemove()
    {
        var session = RoomSession.Create(1, 2, 3, Start, Start.AddHours(1), 30);
        session.AssignSeat(10, 20, _seed.SchoolId, 1, "T1");
        SaveNew(session);

        using (var db = _db.OpenAsSystem())
        {
            db.Set<RoomSession>().Include(s => s.Seats).Single().RemoveSeat(10);
            db.SaveChanges();
        }

        using var check = _db.OpenAsSystem();
        Assert.Equal(0, check.Set<SeatAssignment>().Count());
    }

    [Fact]
    public void SeatAssignment_Should_RejectDuplicate_When_SameSeatTakenConcurrently()
    {
        var sessionId = SavedSessionId();

        SeatIn(sessionId, registrationId: 10, seatNo: 1);

        Assert.Throws<DbUpdateException>(() => SeatInStale(sessionId, registrationId: 11, seatNo: 1));
    }

    [Fact]
    public void SeatAssignment_Should_RejectDuplicate_When_SameRegistrationSeatedTwiceConcurrently()
    {
        var sessionId = SavedSessionId();

        SeatIn(sessionId, registrationId: 10, seatNo: 1);

        Assert.Throws<DbUpdateException>(() => SeatInStale(sessionId, registrationId: 10, seatNo: 2));
    }

    [Fact]
    public void RoomSessionInvigilator_Should_RejectDuplicate_When_SameInvigilatorTwiceConcurrently()
    {
        var sessionId = SavedSessionId();
        using var stale = _db.OpenAsSystem();
        var staleSession = stale.Set<RoomSession>().Include(s => s.Invigilators).Single(s => s.Id == sessionId);
        using (var db = _db.OpenAsSystem())
        {
            db.Set<RoomSession>().Include(s => s.Invigilators).Single(s => s.Id == sessionId).AssignInvigilator(5, _seed.SchoolId);
            db.SaveChanges();
        }

        staleSession.AssignInvigilator(5, _seed.SchoolId);
        Assert.Throws<DbUpdateException>(() => stale.SaveChanges());
    }

    private int SavedSessionId()
    {
        var session = RoomSession.Create(1, 2, 3, Start, Start.AddHours(1), 30);
        SaveNew(session);
        return session.Id;
    }

    private void SeatIn(int sessionId, int registrationId, int seatNo)
    {
        using var db = _db.OpenAsSystem();
        db.Set<RoomSession>().Include(s => s.Seats).Single(s => s.Id == sessionId)
            .AssignSeat(registrationId, 20, _seed.SchoolId, seatNo, $"T{registrationId}");
        db.SaveChanges();
    }

    /// <summary>Seats through a session loaded without its seats (as a concurrent writer that read before the other saved).</summary>
    private void SeatInStale(int sessionId, int registrationId, int seatNo)
    {
        using var db = _db.OpenAsSystem();
        db.Set<RoomSession>().Single(s => s.Id == sessionId)
            .AssignSeat(registrationId, 21, _seed.SchoolId, seatNo, $"T{registrationId}");
        db.SaveChanges();
    }

    private void SaveNew(object entity)
    {
        using var db = _db.OpenAsSystem();
        db.Add(entity);
        db.SaveChanges();
    }
}
