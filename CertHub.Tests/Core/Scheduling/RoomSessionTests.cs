using CertHub.Core.Common;
using CertHub.Core.Scheduling;

namespace CertHub.Tests.Core.Scheduling;

public sealed class RoomSessionTests
{
    private static readonly DateTimeOffset Start = new(2021, 9, 18, 0, 0, 0, TimeSpan.Zero);

    private static RoomSession Session(int capacity = 3) => RoomSession.Create(1, 2, 3, Start, Start.AddHours(1), capacity);

    [Fact]
    public void Create_Should_Throw_When_EndNotAfterStart()
    {
        var ex = Assert.Throws<DomainRuleException>(() => RoomSession.Create(1, 2, 3, Start, Start, 10));
        Assert.Equal("考试结束时间必须晚于开始时间", ex.Message);
    }

    [Fact]
    public void AssignSeat_Should_AddSeat_When_FreeAndWithinCapacity()
    {
        var session = Session();

        var seat = session.AssignSeat(10, 20, 30, 2, "00000100000000001000002002");

        Assert.Equal((10, 20, 30, 2), (seat.RegistrationId, seat.CandidateId, seat.SchoolId, seat.SeatNo));
        Assert.Equal(1, session.SeatedCount);
        Assert.Equal(1, session.NextFreeSeatNo());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void AssignSeat_Should_Throw_When_SeatOutsideCapacity(int seatNo)
    {
        var ex = Assert.Throws<DomainRuleException>(() => Session().AssignSeat(10, 20, 30, seatNo, "T"));
        Assert.Equal("座位号应在1到3之间", ex.Message);
    }

    [Fact]
    public void AssignSeat_Should_Throw_When_SeatTaken()
    {
        var session = Session();
        session.AssignSeat(10, 20, 30, 1, "T1");

        var ex = Assert.Throws<DomainRuleException>(() => session.AssignSeat(11, 21, 30, 1, "T2"));
        Assert.Equal("座位号1已被占用", ex.Message);
    }

    [Fact]
    public void AssignSeat_Should_Throw_When_RegistrationAlreadySeated()
    {
        var session = Session();
        session.AssignSeat(10, 20, 30, 1, "T1");

        var ex = Assert.Throws<DomainRuleException>(() => session.AssignSeat(10, 20, 30, 2, "T2"));
        Assert.Equal("该考生已在本场次排考", ex.Message);
    }

    [Fact]
    public void RemoveSeat_Should_FreeSeat_When_Seated()
    {
        var session = Session(1);
        session.AssignSeat(10, 20, 30, 1, "T1");
        Assert.True(session.IsFull);
        Assert.Null(session.NextFreeSeatNo());

        session.RemoveSeat(10);

        Assert.Empty(session.Seats);
        Assert.Throws<DomainRuleException>(() => session.RemoveSeat(10));
    }

    [Fact]
    public void AssignInvigilator_Should_AllowTwoDistinct_When_Assigned()
    {
        var session = Session();
        session.AssignInvigilator(1, 30);
        session.AssignInvigilator(2, 31);

        Assert.True(session.HasEnoughInvigilators);
        var ex = Assert.Throws<DomainRuleException>(() => session.AssignInvigilator(3, 32));
        Assert.Equal("每个考场场次最多安排2名监考人员", ex.Message);
    }

    [Fact]
    public void AssignInvigilator_Should_Throw_When_SameInvigilatorTwice()
    {
        var session = Session();
        session.AssignInvigilator(1, 30);

        var ex = Assert.Throws<DomainRuleException>(() => session.AssignInvigilator(1, 30));
        Assert.Equal("该监考人员已安排在本场次", ex.Message);
    }

    [Fact]
    public void ChangeCapacity_Should_Throw_When_BelowSeated()
    {
        var session = Session();
        session.AssignSeat(10, 20, 30, 1, "T1");
        session.AssignSeat(11, 21, 30, 2, "T2");

        Assert.Throws<DomainRuleException>(() => session.ChangeCapacity(1));
        session.ChangeCapacity(5);
        Assert.Equal(3, session.FreeSeats);
    }

    [Fact]
    public void Overlaps_Should_DetectSharedTime_When_Intervals()
    {
        var session = Session();

        Assert.True(session.Overlaps(Start.AddMinutes(30), Start.AddHours(2)));
        Assert.False(session.Overlaps(Start.AddHours(1), Start.AddHours(2)));
        Assert.False(session.Overlaps(Start.AddHours(-1), Start));
    }
}
