using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Scheduling;

namespace CertHub.Tests.Core.Scheduling;

public sealed class ExamSchedulerTests
{
    private static int Seated(SchedulingResult result) => result.Sessions.Sum(s => s.Seats.Count);

    // ---- hard constraints: each instance tempts a violation; the result respects it and reports the shortfall ----

    [Fact]
    public void Run_Should_ReportSeatShortfall_When_DemandExceedsCapacity()
    {
        var instance = new SchedulingInstance().Subject(1).Room(1, 10).Room(2, 10).Room(3, 10)
            .Candidates(40, 11, [1]).Invigilators(6, 99);

        var (result, _) = instance.Run();

        Assert.Equal(30, Seated(result));
        var shortfall = Assert.Single(result.Shortfalls);
        Assert.Equal("考位不足: 还差 10 个座位", shortfall.Reason);
        Assert.Equal((1, 1, 10), (shortfall.SubjectId, shortfall.SiteId!.Value, shortfall.Count));
        Assert.All(result.Sessions, s => Assert.True(s.Seats.Count <= 10 && s.Seats.All(x => x.SeatNo is >= 1 and <= 10)));
    }

    [Fact]
    public void Run_Should_NotUseRoom_When_RoomTypeDoesNotSuitExamMode()
    {
        var instance = new SchedulingInstance().Subject(1, type: RoomType.ComputerRoom)
            .Room(1, 50, type: RoomType.Ordinary, subjectIds: 1)
            .Room(2, 5, type: RoomType.ComputerRoom, subjectIds: 1)
            .Candidates(8, 11, [1]).Invigilators(4, 99);

        var (result, _) = instance.Run();

        var session = Assert.Single(result.Sessions);
        Assert.Equal(2, session.RoomId);
        Assert.Equal("考位不足: 还差 3 个座位", Assert.Single(result.Shortfalls).Reason);
    }

    [Fact]
    public void Run_Should_NotUseRoom_When_RoomDoesNotListSubject()
    {
        var instance = new SchedulingInstance().Subject(1).Subject(2, startHour: 4)
            .Room(1, 50, subjectIds: 2).Candidates(3, 11, [1]).Invigilators(2, 99);

        var (result, _) = instance.Run();

        Assert.Empty(result.Sessions);
        Assert.Equal("考位不足: 还差 3 个座位", Assert.Single(result.Shortfalls).Reason);
    }

    [Fact]
    public void Run_Should_ReportTimeConflict_When_CandidateSitsTwoOverlappingSubjects()
    {
        var instance = new SchedulingInstance().Subject(1, startHour: 0, hours: 2).Subject(2, startHour: 1, hours: 2)
            .Room(1, 20, subjectIds: 1).Room(2, 20, subjectIds: 2)
            .Candidates(5, 11, [1, 2]).Invigilators(4, 99);

        var (result, check) = instance.Run();

        Assert.Equal(5, Seated(result));
        var conflict = Assert.Single(result.Shortfalls);
        Assert.Equal((ShortfallReasons.TimeConflict, 5, 2), (conflict.Reason, conflict.Count, conflict.SubjectId));
        Assert.Equal(0, check.Count(ScheduleViolationKind.CandidateOverlap));
    }

    [Fact]
    public void Run_Should_ReportTimeConflict_When_CandidateIsBusyInAnotherPlan()
    {
        var instance = new SchedulingInstance().Subject(1).Room(1, 20).Candidates(3, 11, [1]).Invigilators(2, 99)
            .CandidateBusy(1000, 1, 3);

        var (result, _) = instance.Run();

        Assert.Equal(2, Seated(result));
        Assert.DoesNotContain(result.Sessions.SelectMany(s => s.Seats), s => s.CandidateId == 1000);
        Assert.Equal(ShortfallReasons.TimeConflict, Assert.Single(result.Shortfalls).Reason);
    }

    [Fact]
    public void Run_Should_ReportInvigilatorShortfall_When_TooFewFreeInvigilatorsForSimultaneousRooms()
    {
        var instance = new SchedulingInstance().Subject(1).Room(1, 10).Room(2, 10)
            .Candidates(20, 11, [1]).Invigilators(3, 99).InvigilatorBusy(3, 1, 1);

        var (result, check) = instance.Run();

        Assert.Equal(20, Seated(result));
        Assert.Equal([2, 0], result.Sessions.Select(s => s.Invigilators.Count).Order().Reverse());
        var shortfall = Assert.Single(result.Shortfalls);
        Assert.Equal("监考人员不足: 还差 2 名监考人员", shortfall.Reason);
        Assert.Equal(0, check.Count(ScheduleViolationKind.InvigilatorOverlap));
        Assert.Equal(1, check.Scores.SessionsShortOfInvigilators);
    }

    [Fact]
    public void Run_Should_ReuseInvigilators_When_SessionsDoNotOverlap()
    {
        var instance = new SchedulingInstance().Subject(1, startHour: 0).Subject(2, startHour: 3)
            .Room(1, 10).Candidates(10, 11, [1, 2]).Invigilators(2, 99);

        var (result, _) = instance.Run();

        Assert.Empty(result.Shortfalls);
        Assert.All(result.Sessions, s => Assert.Equal([1, 2], s.Invigilators.Select(i => i.InvigilatorId).Order()));
    }

    [Fact]
    public void Run_Should_NeverUseUncertifiedInvigilators()
    {
        var instance = new SchedulingInstance().Subject(1).Room(1, 10).Candidates(4, 11, [1])
            .Invigilators(3, 99, CertificateLevel.Senior).Invigilators(1, 98);

        var (result, _) = instance.Run();

        Assert.Equal([4], result.Sessions.Single().Invigilators.Select(i => i.InvigilatorId));
        Assert.Equal("监考人员不足: 还差 1 名监考人员", Assert.Single(result.Shortfalls).Reason);
    }

    [Fact]
    public void Run_Should_NotHostTwoSubjectsInOneRoom_When_TheirTimesOverlap()
    {
        var instance = new SchedulingInstance().Subject(1, startHour: 0, hours: 2).Subject(2, startHour: 1, hours: 2)
            .Room(1, 30).Candidates(10, 11, [1]).Candidates(10, 12, [2]).Invigilators(4, 99);

        var (result, check) = instance.Run();

        var session = Assert.Single(result.Sessions);
        Assert.Equal(1, session.SubjectId);
        Assert.Equal((2, "考位不足: 还差 10 个座位"), (result.Shortfalls.Single().SubjectId, result.Shortfalls.Single().Reason));
        Assert.Equal(0, check.Count(ScheduleViolationKind.RoomOverlap));
    }

    [Fact]
    public void Run_Should_UseNextAllowedSite_When_FirstSiteIsFull()
    {
        var instance = new SchedulingInstance().Subject(1).Room(1, 5, siteId: 1).Room(2, 5, siteId: 2)
            .Candidates(8, 11, [1], 1, 2).Invigilators(4, 99);

        var (result, _) = instance.Run();

        Assert.Equal(8, Seated(result));
        Assert.Empty(result.Shortfalls);
    }

    [Fact]
    public void Run_Should_ReportNoSite_When_DemandHasNoSite()
    {
        var instance = new SchedulingInstance().Subject(1).Room(1, 5);
        var demands = new[] { new SchedulingDemand(1, 1, 11, 1, []) };

        var (result, _) = instance.Run(demands: demands);

        Assert.Equal(ShortfallReasons.NoSite, Assert.Single(result.Shortfalls).Reason);
    }

    // ---- options ----

    [Fact]
    public void Run_Should_UseOddSeatsOnly_When_AlternateSeats()
    {
        var instance = new SchedulingInstance().Subject(1).Room(1, 10).Candidates(7, 11, [1]).Invigilators(2, 99);

        var (result, _) = instance.Run(new SchedulingOptions(AlternateSeats: true));

        Assert.Equal([1, 3, 5, 7, 9], result.Sessions.Single().Seats.Select(s => s.SeatNo));
        Assert.Equal("考位不足: 还差 2 个座位", Assert.Single(result.Shortfalls).Reason);
    }

    [Fact]
    public void Run_Should_KeepReserveSeatsFree_When_ReservePercentSet()
    {
        var instance = new SchedulingInstance().Subject(1).Room(1, 10).Candidates(10, 11, [1]).Invigilators(2, 99);

        var (result, _) = instance.Run(new SchedulingOptions(ReservePercent: 20));

        Assert.Equal(8, Seated(result));
        Assert.Equal("考位不足: 还差 2 个座位", Assert.Single(result.Shortfalls).Reason);
    }

    [Fact]
    public void Run_Should_Throw_When_ReservePercentOutOfRange() =>
        Assert.Throws<DomainRuleException>(() => new SchedulingInstance().Subject(1).Run(new SchedulingOptions(ReservePercent: 80)));

    [Theory]
    [InlineData(RoomFillOrder.LargestFirst, new[] { 3 })]
    [InlineData(RoomFillOrder.SmallestFirst, new[] { 1, 2 })]
    [InlineData(RoomFillOrder.ByName, new[] { 1, 2 })]
    public void Run_Should_OpenRoomsInFillOrder_And_FillBeforeOpening(RoomFillOrder order, int[] expectedRooms)
    {
        var instance = new SchedulingInstance().Subject(1).Room(1, 30).Room(2, 40).Room(3, 50)
            .Candidates(45, 11, [1]).Invigilators(6, 99);

        var (result, check) = instance.Run(new SchedulingOptions(FillOrder: order));

        Assert.Equal(expectedRooms, result.Sessions.Select(s => s.RoomId).Order());
        Assert.Equal(0, check.Scores.ExtraPartlyFilledSessions);
    }

    [Fact]
    public void Run_Should_OnlyScheduleScope_When_SubjectOrSiteGiven()
    {
        var instance = new SchedulingInstance().Subject(1).Subject(2, startHour: 4)
            .Room(1, 20, siteId: 1).Room(2, 20, siteId: 2)
            .Candidates(5, 11, [1, 2], 1).Candidates(5, 12, [1, 2], 2).Invigilators(4, 99);

        var (bySubject, _) = instance.Run(new SchedulingOptions(SubjectId: 2));
        var (bySite, _) = instance.Run(new SchedulingOptions(SiteId: 2));

        Assert.All(bySubject.Sessions, s => Assert.Equal(2, s.SubjectId));
        Assert.Equal(10, Seated(bySubject));
        Assert.All(bySite.Sessions, s => Assert.Equal(2, s.RoomId));
        Assert.Equal(10, Seated(bySite));
    }

    // ---- soft constraints ----

    [Fact]
    public void Run_Should_AlternateSchools_When_TwoSchoolsBalanced()
    {
        var instance = new SchedulingInstance().Subject(1).Room(1, 40).Candidates(20, 11, [1]).Candidates(20, 12, [1]).Invigilators(2, 99);

        var (_, check) = instance.Run();

        Assert.Equal(39, check.Scores.NeighbourPairs);
        Assert.Equal(0, check.Scores.SameSchoolNeighbourPairs);
    }

    [Fact]
    public void Run_Should_ReachFewestSameSchoolNeighbours_When_OneSchoolDominates()
    {
        // 30 of school A and 10 others in a row of 40: at least 30 - 1 - 10 = 19 A-A pairs are unavoidable.
        var instance = new SchedulingInstance().Subject(1).Room(1, 40)
            .Candidates(30, 11, [1]).Candidates(5, 12, [1]).Candidates(5, 13, [1]).Invigilators(2, 99);

        var (_, check) = instance.Run();

        Assert.Equal(19, check.Scores.SameSchoolNeighbourPairs);
    }

    [Fact]
    public void Run_Should_PreferCrossInvigilation_When_OtherSchoolsInvigilatorsAreFree()
    {
        var instance = new SchedulingInstance().Subject(1).Room(1, 10).Candidates(10, 11, [1])
            .Invigilators(2, 11).Invigilators(2, 12);

        var (result, check) = instance.Run();

        Assert.All(result.Sessions.Single().Invigilators, i => Assert.Equal(12, i.SchoolId));
        Assert.Equal(1.0, check.Scores.CrossInvigilationShare);
    }

    [Fact]
    public void Run_Should_UseOwnSchoolInvigilators_When_NoOthersAreFree()
    {
        var instance = new SchedulingInstance().Subject(1).Room(1, 10).Candidates(10, 11, [1]).Invigilators(2, 11);

        var (result, check) = instance.Run();

        Assert.Equal(2, result.Sessions.Single().Invigilators.Count);
        Assert.Equal(0.0, check.Scores.CrossInvigilationShare);
    }

    // ---- incremental re-run ----

    [Fact]
    public void Run_Should_KeepPlacedSeats_And_PlaceNewAndRemoveWithdrawn_When_ReRun()
    {
        var instance = new SchedulingInstance().Subject(1).Room(1, 10).Room(2, 10)
            .Candidates(12, 11, [1]).Candidates(4, 12, [1]).Invigilators(4, 99);
        var (first, _) = instance.Run();
        var withdrawn = first.Sessions[0].Seats[3].RegistrationId;
        var demands = instance.Demands.Where(d => d.RegistrationId != withdrawn)
            .Append(new SchedulingDemand(5000, 5000, 13, 1, [1])).Append(new SchedulingDemand(5001, 5001, 13, 1, [1])).ToList();

        var (second, _) = instance.Run(existing: first.Sessions, demands: demands);

        var before = first.Sessions.SelectMany(s => s.Seats.Select(x => (s.RoomId, x))).Where(p => p.x.RegistrationId != withdrawn).ToHashSet();
        var after = second.Sessions.SelectMany(s => s.Seats.Select(x => (s.RoomId, x))).ToHashSet();
        Assert.Subset(after, before);
        Assert.Equal((2, 1, 3), (second.SeatsAdded, second.SeatsRemoved, second.SeatsChanged));
        Assert.DoesNotContain(after, p => p.x.RegistrationId == withdrawn);
        Assert.Contains(after, p => p.x.RegistrationId == 5000);
        Assert.Equal(first.Sessions.SelectMany(s => s.Invigilators), second.Sessions.SelectMany(s => s.Invigilators));
    }

    [Fact]
    public void Run_Should_ChangeNothing_When_ReRunWithoutChanges()
    {
        var instance = new SchedulingInstance().Subject(1).Room(1, 10).Candidates(8, 11, [1]).Invigilators(2, 99);
        var (first, _) = instance.Run();

        var (second, _) = instance.Run(existing: first.Sessions);

        Assert.Equal(0, second.SeatsChanged);
        Assert.Equal(first.Sessions.Single().Seats, second.Sessions.Single().Seats);
    }

    [Fact]
    public void Run_Should_CloseSession_When_AllItsCandidatesWithdrawn()
    {
        var instance = new SchedulingInstance().Subject(1).Room(1, 10).Candidates(3, 11, [1]).Invigilators(2, 99);
        var (first, _) = instance.Run();
        var saved = first.Sessions.Select(s => s with { Id = 77 }).ToList();

        var (second, _) = instance.Run(existing: saved, demands: []);

        Assert.Empty(second.Sessions);
        Assert.Equal((3, 1), (second.SeatsRemoved, second.SessionsClosed));
    }

    [Fact]
    public void Run_Should_FillOpenSessionFirst_When_ReRunAfterMoreRegistrations()
    {
        var instance = new SchedulingInstance().Subject(1).Room(1, 50).Room(2, 30).Candidates(20, 11, [1]).Invigilators(4, 99);
        var (first, _) = instance.Run(new SchedulingOptions(FillOrder: RoomFillOrder.SmallestFirst));
        var demands = instance.Demands.Concat(Enumerable.Range(0, 5).Select(i => new SchedulingDemand(6000 + i, 6000 + i, 12, 1, [1]))).ToList();

        var (second, _) = instance.Run(existing: first.Sessions, demands: demands);

        Assert.Equal(2, Assert.Single(second.Sessions).RoomId);
        Assert.Equal(25, Seated(second));
        Assert.Equal(0, second.SessionsOpened);
    }

    [Fact]
    public void Run_Should_UseRaisedSeatCount_When_RoomGrewAfterFirstRun()
    {
        var instance = new SchedulingInstance().Subject(1).Room(1, 5).Candidates(5, 11, [1]).Invigilators(2, 99);
        var (first, _) = instance.Run();
        var grown = new SchedulingInstance().Subject(1).Room(1, 8).Candidates(8, 11, [1]).Invigilators(2, 99);

        var (second, _) = grown.Run(existing: first.Sessions);

        Assert.Equal((8, 8), (second.Sessions.Single().Capacity, Seated(second)));
    }

    [Fact]
    public void Run_Should_IssueUniqueTicketNumbers_FromPlanSubjectRoomAndSeat()
    {
        var instance = new SchedulingInstance().Subject(1).Subject(2, startHour: 4).Room(1, 10).Candidates(10, 11, [1, 2]).Invigilators(2, 99);

        var (result, _) = instance.Run();

        var tickets = result.Sessions.SelectMany(s => s.Seats.Select(x => x.AdmissionTicketNo)).ToList();
        Assert.Equal(20, tickets.Distinct().Count());
        Assert.Contains(AdmissionTicketNumber.Format(SchedulingInstance.PlanId, "10", 1, 1), tickets);
    }

    [Fact]
    public void Run_Should_HaveNoViolations_And_FewSameSchoolNeighbours_When_ManySchoolsAndSites()
    {
        var instance = new SchedulingInstance().Subject(1).Subject(2, startHour: 3).Subject(3, startHour: 6, type: RoomType.ComputerRoom);
        for (var site = 1; site <= 4; site++)
        {
            for (var r = 0; r < 5; r++)
            {
                instance.Room((site * 10) + r, 40 + (r * 5), site, RoomType.Ordinary, 1, 2).Room((site * 10) + r + 5, 50, site, RoomType.ComputerRoom, 3);
            }

            for (var school = 0; school < 4; school++)
            {
                instance.Candidates(40 + (school * 10), (site * 10) + school, [1, 2, 3], site);
            }
        }

        instance.Invigilators(40, 99);

        var (result, check) = instance.Run();

        Assert.Empty(result.Shortfalls);
        Assert.True(check.Scores.SameSchoolNeighbourShare < 0.05, $"{check.Scores.SameSchoolNeighbourShare:P1}");
    }
}
