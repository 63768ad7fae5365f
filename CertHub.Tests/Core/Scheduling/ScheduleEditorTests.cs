using CertHub.Core.Catalog;
using CertHub.Core.Scheduling;

namespace CertHub.Tests.Core.Scheduling;

public sealed class ScheduleEditorTests
{
    /// <summary>
    /// Subject 1 in rooms 1 and 2 (site 1, 4 seats each) and room 3 (site 2), invigilated by 1-6; subject 2 later in room 1,
    /// invigilated by 8 (least loaded) and 1. Invigilator 7 is certified for another level only.
    /// </summary>
    private static (SchedulingProblem Problem, IReadOnlyList<ScheduledSession> Sessions) Scheduled()
    {
        var instance = new SchedulingInstance().Subject(1).Subject(2, startHour: 4)
            .Room(1, 4, subjectIds: [1, 2]).Room(2, 4, subjectIds: 1).Room(3, 4, siteId: 2, subjectIds: 1)
            .Candidates(3, 11, [1]).Candidates(3, 12, [1]).Candidates(1, 13, [1], 2).Candidates(2, 11, [2])
            .Invigilators(6, 99).Invigilators(1, 98, CertificateLevel.Senior).Invigilators(1, 97);
        var (result, _) = instance.Run(new SchedulingOptions(FillOrder: RoomFillOrder.ByName));
        return (instance.Problem(), result.Sessions);
    }

    private static ScheduledSession SessionOf(IReadOnlyList<ScheduledSession> sessions, int room, int subject = 1) =>
        sessions.Single(s => s.RoomId == room && s.SubjectId == subject);

    private static void AssertValid(SchedulingProblem problem, ScheduleEdit edit)
    {
        Assert.True(edit.Done, edit.Refusal);
        Assert.True(ScheduleChecker.Check(problem, edit.Sessions).IsValid);
    }

    [Fact]
    public void MoveSeat_Should_MoveAndRenumberTicket_When_TargetSeatFree()
    {
        var (problem, sessions) = Scheduled();
        var seat = SessionOf(sessions, 1).Seats[0];

        var edit = ScheduleEditor.MoveSeat(problem, sessions, seat.RegistrationId, 1, 2, 4);

        AssertValid(problem, edit);
        var moved = SessionOf(edit.Sessions, 2).Seats.Single(s => s.RegistrationId == seat.RegistrationId);
        Assert.Equal(4, moved.SeatNo);
        Assert.Equal(AdmissionTicketNumber.Format(SchedulingInstance.PlanId, "10", 2, 4), moved.AdmissionTicketNo);
        Assert.DoesNotContain(SessionOf(edit.Sessions, 1).Seats, s => s.RegistrationId == seat.RegistrationId);
    }

    [Fact]
    public void MoveSeat_Should_RefuseWithFreeSeatsSuggested_When_TargetSeatTaken()
    {
        var (problem, sessions) = Scheduled();
        var seat = SessionOf(sessions, 2).Seats[0];

        var edit = ScheduleEditor.MoveSeat(problem, sessions, seat.RegistrationId, 1, 1, 1);

        Assert.False(edit.Done);
        Assert.Equal("座位号1已被占用", edit.Refusal);
        Assert.Same(sessions, edit.Sessions);
        Assert.NotEmpty(edit.SeatSuggestions);
        Assert.All(edit.SeatSuggestions, s => Assert.DoesNotContain(SessionOf(sessions, s.RoomId).Seats, x => x.SeatNo == s.SeatNo && x.RegistrationId != seat.RegistrationId));
        Assert.All(edit.SeatSuggestions, s => Assert.Equal(2, s.RoomId));
        Assert.DoesNotContain(edit.SeatSuggestions, s => s.SeatNo == seat.SeatNo);
        Assert.Equal(edit.SeatSuggestions.Select(s => s.SameSchoolNeighbours).Order(), edit.SeatSuggestions.Select(s => s.SameSchoolNeighbours));
    }

    [Fact]
    public void MoveSeat_Should_Refuse_When_TargetRoomAtAnotherSite()
    {
        var (problem, sessions) = Scheduled();
        var seat = SessionOf(sessions, 1).Seats[0];

        var edit = ScheduleEditor.MoveSeat(problem, sessions, seat.RegistrationId, 1, 3, 2);

        Assert.Equal("目标考场不在该考生可用的考核站点", edit.Refusal);
        Assert.All(edit.SeatSuggestions, s => Assert.NotEqual(3, s.RoomId));
    }

    [Fact]
    public void MoveSeat_Should_Refuse_When_SeatOutOfRangeOrNotScheduledOrNoSession()
    {
        var (problem, sessions) = Scheduled();
        var seat = SessionOf(sessions, 1).Seats[0];

        Assert.Equal("座位号应在1到4之间", ScheduleEditor.MoveSeat(problem, sessions, seat.RegistrationId, 1, 2, 9).Refusal);
        Assert.Equal("该考生尚未排考该科目", ScheduleEditor.MoveSeat(problem, sessions, 424242, 1, 2, 1).Refusal);
        Assert.Equal("目标考场没有该科目的考场场次", ScheduleEditor.MoveSeat(problem, sessions, seat.RegistrationId, 1, 99, 1).Refusal);
    }

    [Fact]
    public void MoveSeat_Should_PickSeatWithFewestSameSchoolNeighbours_When_NoSeatGiven()
    {
        var (problem, sessions) = Scheduled();
        var seat = SessionOf(sessions, 1).Seats.First(s => s.SchoolId == 11);

        var edit = ScheduleEditor.MoveSeat(problem, sessions, seat.RegistrationId, 1, 2, null);

        AssertValid(problem, edit);
        var moved = SessionOf(edit.Sessions, 2).Seats.Single(s => s.RegistrationId == seat.RegistrationId);
        Assert.DoesNotContain(SessionOf(edit.Sessions, 2).Seats, s => Math.Abs(s.SeatNo - moved.SeatNo) == 1 && s.SchoolId == 11);
    }

    [Fact]
    public void MoveSeat_Should_PickAnotherFreeSeatOfTheSameRoom_When_NoSeatGivenForTheOwnRoom()
    {
        var (problem, sessions) = Scheduled();
        var session = sessions.First(s => s.SubjectId == 1 && s.Seats.Count is > 0 and < 4);
        var seat = session.Seats[0];

        var edit = ScheduleEditor.MoveSeat(problem, sessions, seat.RegistrationId, 1, session.RoomId, null);

        AssertValid(problem, edit);
        var moved = SessionOf(edit.Sessions, session.RoomId).Seats.Single(s => s.RegistrationId == seat.RegistrationId);
        Assert.NotEqual(seat.SeatNo, moved.SeatNo);
    }

    [Fact]
    public void MoveSeat_Should_Refuse_When_TargetSessionFull()
    {
        var (problem, sessions) = Scheduled();
        var full = SessionOf(sessions, 1);
        Assert.Equal(4, full.Seats.Count);
        var seat = SessionOf(sessions, 2).Seats[0];

        var edit = ScheduleEditor.MoveSeat(problem, sessions, seat.RegistrationId, 1, 1, null);

        Assert.Equal("目标考场已满: 没有空座位", edit.Refusal);
    }

    [Fact]
    public void ReplaceInvigilator_Should_RefuseWithSuggestions_When_IncomingBusyOrUncertified()
    {
        var (problem, sessions) = Scheduled();
        var session = SessionOf(sessions, 1);
        var busy = SessionOf(sessions, 2).Invigilators[0].InvigilatorId;
        var outgoing = session.Invigilators[0].InvigilatorId;

        var refusedBusy = ScheduleEditor.ReplaceInvigilator(problem, sessions, 1, 1, outgoing, busy);
        var refusedUncertified = ScheduleEditor.ReplaceInvigilator(problem, sessions, 1, 1, outgoing, 7);

        Assert.Equal("该监考人员在该时间已安排其他考场", refusedBusy.Refusal);
        Assert.Equal("该监考人员未获得该证书等级的监考认证", refusedUncertified.Refusal);
        Assert.NotEmpty(refusedBusy.InvigilatorSuggestions);
        Assert.All(refusedBusy.InvigilatorSuggestions, s =>
        {
            var edit = ScheduleEditor.ReplaceInvigilator(problem, sessions, 1, 1, outgoing, s.InvigilatorId);
            AssertValid(problem, edit);
        });
    }

    [Fact]
    public void ReplaceInvigilator_Should_Replace_When_IncomingFreeAndCertified()
    {
        var (problem, sessions) = Scheduled();
        var session = SessionOf(sessions, 1);
        var used = sessions.Where(s => s.SubjectId == 1).SelectMany(s => s.Invigilators).Select(i => i.InvigilatorId).ToHashSet();
        var free = problem.Invigilators.First(i => i.Id != 7 && !used.Contains(i.Id)).Id;

        var edit = ScheduleEditor.ReplaceInvigilator(problem, sessions, 1, 1, session.Invigilators[0].InvigilatorId, free);

        AssertValid(problem, edit);
        Assert.Contains(SessionOf(edit.Sessions, 1).Invigilators, i => i.InvigilatorId == free);
    }

    [Fact]
    public void SwapInvigilators_Should_Swap_When_BothAllowed()
    {
        var (problem, sessions) = Scheduled();
        var a = SessionOf(sessions, 1).Invigilators[0].InvigilatorId;
        var b = SessionOf(sessions, 2).Invigilators[0].InvigilatorId;

        var edit = ScheduleEditor.SwapInvigilators(problem, sessions, (1, 1), a, (2, 1), b);

        AssertValid(problem, edit);
        Assert.Contains(SessionOf(edit.Sessions, 1).Invigilators, i => i.InvigilatorId == b);
        Assert.Contains(SessionOf(edit.Sessions, 2).Invigilators, i => i.InvigilatorId == a);
    }

    [Fact]
    public void SwapInvigilators_Should_Refuse_When_InvigilatorAlreadyInTargetSession()
    {
        var (problem, sessions) = Scheduled();
        Assert.Equal([1, 2], SessionOf(sessions, 1).Invigilators.Select(i => i.InvigilatorId).Order());
        Assert.Equal([1, 8], SessionOf(sessions, 1, subject: 2).Invigilators.Select(i => i.InvigilatorId).Order());

        var edit = ScheduleEditor.SwapInvigilators(problem, sessions, (1, 1), 1, (1, 2), 8);

        Assert.Equal("该监考人员已安排在本场次", edit.Refusal);
        Assert.Empty(edit.InvigilatorSuggestions); // 2-6 are busy at that time, 7 is not certified, 1 and 8 are the ones swapped
        Assert.Equal("请选择两个不同的考场场次", ScheduleEditor.SwapInvigilators(problem, sessions, (1, 1), 1, (1, 1), 2).Refusal);
    }
}
