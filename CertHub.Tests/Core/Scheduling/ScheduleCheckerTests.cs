using CertHub.Core.Exams;
using CertHub.Core.Scheduling;

namespace CertHub.Tests.Core.Scheduling;

/// <summary>The independent checker on hand-built schedules, each breaking one hard constraint.</summary>
public sealed class ScheduleCheckerTests
{
    private static readonly DateTimeOffset Start = SchedulingInstance.Morning;

    private static SchedulingProblem Problem() => new SchedulingInstance()
        .Subject(1, startHour: 0, hours: 2).Subject(2, startHour: 1, hours: 2).Subject(3, startHour: 0, hours: 2, type: RoomType.ComputerRoom)
        .Room(1, 4, subjectIds: [1, 2]).Room(2, 4, subjectIds: [1, 2]).Room(3, 4, siteId: 2, subjectIds: [1, 2])
        .Candidates(6, 11, [1, 2]).Invigilators(3, 99).Problem();

    private static ScheduledSeat Seat(int registration, int seatNo, int school = 11, string? ticket = null) =>
        new(registration, registration, school, seatNo, ticket ?? $"T{registration}-{seatNo}-{Guid.NewGuid():N}");

    private static ScheduledSession Session(int room, int subject, int capacity, IReadOnlyList<ScheduledSeat> seats, params int[] invigilators)
    {
        var hours = subject == 2 ? 1 : 0;
        return new ScheduledSession(null, room, subject, Start.AddHours(hours), Start.AddHours(hours + 2), capacity, seats,
            [.. invigilators.Select(i => new ScheduledInvigilator(i, 99))]);
    }

    private static ScheduleCheckReport Check(params ScheduledSession[] sessions) => ScheduleChecker.Check(Problem(), sessions);

    [Fact]
    public void Check_Should_Pass_When_ScheduleIsValid()
    {
        var report = Check(Session(1, 1, 4, [Seat(1000, 1), Seat(1001, 2, 12)], 1, 2));

        Assert.True(report.IsValid);
        Assert.Equal((1, 0), (report.Scores.NeighbourPairs, report.Scores.SameSchoolNeighbourPairs));
    }

    [Fact]
    public void Check_Should_ReportCapacity_When_MoreSeatsThanRoomOrSeatOutOfRange()
    {
        Assert.Equal(1, Check(Session(1, 1, 4, [Seat(1000, 5)])).Count(ScheduleViolationKind.Capacity));
        Assert.True(Check(Session(1, 1, 9, [Seat(1000, 1)])).Count(ScheduleViolationKind.Capacity) > 0);
    }

    [Fact]
    public void Check_Should_ReportDuplicateSeat_When_TwoCandidatesShareASeat() =>
        Assert.Equal(1, Check(Session(1, 1, 4, [Seat(1000, 1), Seat(1001, 1)])).Count(ScheduleViolationKind.DuplicateSeat));

    [Fact]
    public void Check_Should_ReportRoomTypeAndSubject_When_RoomDoesNotSuitSubject()
    {
        var report = Check(Session(1, 3, 4, []));

        Assert.Equal(1, report.Count(ScheduleViolationKind.RoomType));
        Assert.Equal(1, report.Count(ScheduleViolationKind.RoomSubject));
    }

    [Fact]
    public void Check_Should_ReportCandidateOverlap_When_CandidateInTwoOverlappingSessions() =>
        Assert.Equal(1, Check(Session(1, 1, 4, [Seat(1000, 1)]), Session(2, 2, 4, [Seat(1000, 1)])).Count(ScheduleViolationKind.CandidateOverlap));

    [Fact]
    public void Check_Should_ReportInvigilatorOverlap_When_InvigilatorInTwoRoomsAtOnce() =>
        Assert.Equal(1, Check(Session(1, 1, 4, [Seat(1000, 1)], 1), Session(2, 1, 4, [Seat(1001, 1)], 1)).Count(ScheduleViolationKind.InvigilatorOverlap));

    [Fact]
    public void Check_Should_ReportInvigilatorOverlap_When_BusyInAnotherPlan()
    {
        var problem = Problem() with { InvigilatorsBusy = [new BusyInterval(1, Start.AddHours(1), Start.AddHours(5))] };

        var report = ScheduleChecker.Check(problem, [Session(1, 1, 4, [Seat(1000, 1)], 1)]);

        Assert.Equal(1, report.Count(ScheduleViolationKind.InvigilatorOverlap));
    }

    [Fact]
    public void Check_Should_ReportRoomOverlap_When_RoomHostsTwoSubjectsAtOnce() =>
        Assert.Equal(1, Check(Session(1, 1, 4, [Seat(1000, 1)]), Session(1, 2, 4, [Seat(1001, 1)])).Count(ScheduleViolationKind.RoomOverlap));

    [Fact]
    public void Check_Should_ReportNotCertifiedAndCount_When_InvigilatorsWrong()
    {
        var report = Check(Session(1, 1, 4, [Seat(1000, 1)], 1, 1, 42));

        Assert.Equal(1, report.Count(ScheduleViolationKind.InvigilatorNotCertified));
        Assert.Equal(1, report.Count(ScheduleViolationKind.InvigilatorCount));
    }

    [Fact]
    public void Check_Should_ReportNotPaidAndSite_When_SeatHasNoDemandOrWrongSite()
    {
        var report = Check(Session(1, 1, 4, [Seat(9999, 1)]), Session(3, 1, 4, [Seat(1000, 1)]));

        Assert.Equal(1, report.Count(ScheduleViolationKind.NotPaid));
        Assert.Equal(1, report.Count(ScheduleViolationKind.SiteNotAllowed));
    }

    [Fact]
    public void Check_Should_ReportDuplicatePlacementAndTicket_When_CandidateSeatedTwiceWithSameTicket()
    {
        var report = Check(Session(1, 1, 4, [Seat(1000, 1, ticket: "A")]), Session(2, 1, 4, [Seat(1000, 2, ticket: "A")]));

        Assert.Equal(1, report.Count(ScheduleViolationKind.DuplicatePlacement));
        Assert.Equal(1, report.Count(ScheduleViolationKind.DuplicateTicket));
    }

    [Fact]
    public void Check_Should_ReportSessionTime_When_SessionNotAtSubjectTime()
    {
        var session = Session(1, 1, 4, [Seat(1000, 1)]) with { StartUtc = Start.AddHours(5), EndUtc = Start.AddHours(6) };

        Assert.Equal(1, Check(session).Count(ScheduleViolationKind.SessionTime));
    }

    [Fact]
    public void Check_Should_ScoreSameSchoolNeighboursAndCrossInvigilation()
    {
        var seats = new[] { Seat(1000, 1, 11), Seat(1001, 2, 11), Seat(1002, 3, 12), Seat(1003, 4, 12) };
        var session = Session(1, 1, 4, seats) with { Invigilators = [new ScheduledInvigilator(1, 11), new ScheduledInvigilator(2, 13)] };

        var scores = ScheduleChecker.Check(Problem(), [session]).Scores;

        Assert.Equal((3, 2), (scores.NeighbourPairs, scores.SameSchoolNeighbourPairs));
        Assert.Equal(2.0 / 3, scores.SameSchoolNeighbourShare, 3);
        Assert.Equal(0.5, scores.CrossInvigilationShare, 3);
    }

    [Fact]
    public void Check_Should_CountExtraPartlyFilledSessions_When_RoomsOpenedBeforeOthersFilled()
    {
        var scores = Check(Session(1, 1, 4, [Seat(1000, 1)], 1, 2), Session(2, 1, 4, [Seat(1001, 1)])).Scores;

        Assert.Equal(1, scores.ExtraPartlyFilledSessions);
        Assert.Equal(1, scores.SessionsShortOfInvigilators);
    }
}
