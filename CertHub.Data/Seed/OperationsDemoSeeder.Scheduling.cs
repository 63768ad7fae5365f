using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Invigilators;
using CertHub.Core.Registrations;
using CertHub.Core.Scheduling;

namespace CertHub.Data.Seed;

public sealed partial class OperationsDemoSeeder
{
    private const int RoomSeats = 40;

    /// <summary>
    /// 考场 for plans from 排考中 on (one per site, level and room type), then 排考: one session per room and subject, every
    /// paid registration seated with its 准考证号 (only half of them while 排考中) and two certified invigilators per session.
    /// </summary>
    private static async Task SeedSchedulingAsync(CertHubDbContext db, SeedState state, CancellationToken ct)
    {
        var scheduled = state.Plans.Where(p => p.IsAtLeast(ExamPlanStage.Scheduling)).ToList();
        foreach (var seeded in scheduled)
        {
            CreateRooms(state, seeded);
            db.AddRange(seeded.Rooms);
        }

        await db.SaveChangesAsync(ct);
        foreach (var seeded in scheduled)
        {
            foreach (var room in seeded.Rooms)
            {
                var site = state.Sites.First(s => s.Id == room.ExamSiteId);
                foreach (var subjectId in room.Subjects.Select(s => s.SubjectId))
                {
                    var time = seeded.Plan.SubjectTime(subjectId)!;
                    var session = RoomSession.Create(seeded.Plan.Id, room.Id, subjectId, time.StartUtc, time.EndUtc, room.SeatCount);
                    AssignInvigilators(state, session, site);
                    seeded.Sessions.Add(session);
                }
            }

            db.AddRange(seeded.Sessions);
        }

        await db.SaveChangesAsync(ct);
        foreach (var seeded in scheduled)
        {
            SeatRegistrations(state, seeded);
        }

        await db.SaveChangesAsync(ct);
    }

    private static void CreateRooms(SeedState state, SeededPlan seeded)
    {
        var plan = seeded.Plan;
        var at = plan.RegistrationStartUtc.AddDays(3);
        var sites = seeded.Registrations
            .Select(r => (Site: state.SiteFor(r.SchoolId, r.CertificateId, r.Level)!, r.Level))
            .DistinctBy(x => (x.Site.Id, x.Level)).ToList();
        foreach (var (site, level) in sites)
        {
            var subjects = state.SubjectsOf(site.CertificateId, level).Where(s => plan.SubjectTime(s.Id) is not null).ToList();
            foreach (var group in subjects.GroupBy(s => s.RoomType))
            {
                var number = seeded.Rooms.Count(r => r.ExamSiteId == site.Id) + 1;
                var name = group.Key switch
                {
                    RoomType.ComputerRoom => $"第{number}机房考场",
                    RoomType.Ordinary => $"第{number}笔试考场",
                    _ => $"实操考场10{number}",
                };
                seeded.Rooms.Add(ExamRoom.Create(plan, site, level, group.ToList(), name, $"{site.Address}{number}0{number}室", RoomSeats, at));
            }
        }
    }

    private static void AssignInvigilators(SeedState state, RoomSession session, ExamSite site)
    {
        var certified = state.Certifications
            .Where(c => c.CertificateId == site.CertificateId && c.Status == CertificationStatus.Certified)
            .Select(c => c.InvigilatorId).Distinct().ToHashSet();
        var candidates = state.InvigilatorsBySchool[site.SchoolId].Where(i => certified.Contains(i.Id)).ToList();
        var start = session.ExamRoomId % Math.Max(1, candidates.Count);
        foreach (var invigilator in candidates.Skip(start).Concat(candidates.Take(start)).Take(RoomSession.MaxInvigilators))
        {
            session.AssignInvigilator(invigilator.Id, invigilator.SchoolId);
        }
    }

    /// <summary>Seats every paid registration in the session of each subject it sits (half of them while 排考中).</summary>
    private static void SeatRegistrations(SeedState state, SeededPlan seeded)
    {
        var plan = seeded.Plan;
        var paid = seeded.Registrations.Where(r => r.IsPaid).ToList();
        if (seeded.Stage == ExamPlanStage.Scheduling)
        {
            paid = paid.Where((_, i) => i % 2 == 0).ToList();
        }

        foreach (var registration in paid)
        {
            var candidate = state.Candidate(registration.CandidateId);
            var site = state.SiteFor(registration.SchoolId, registration.CertificateId, registration.Level)!;
            var subjectIds = registration.SubjectId is { } one
                ? [one]
                : state.SubjectsOf(registration.CertificateId, registration.Level)
                    .Where(s => s.IsOpenTo(candidate.CandidateType) && plan.SubjectTime(s.Id) is not null).Select(s => s.Id).ToList();
            foreach (var subjectId in subjectIds)
            {
                var session = seeded.Sessions.First(s => s.SubjectId == subjectId && seeded.Rooms.Any(r => r.Id == s.ExamRoomId && r.ExamSiteId == site.Id));
                var seatNo = session.NextFreeSeatNo() ?? throw new InvalidOperationException("演示考场座位不足");
                var subject = state.Subjects.First(s => s.Id == subjectId);
                session.AssignSeat(registration.Id, registration.CandidateId, registration.SchoolId, seatNo,
                    AdmissionTicketNumber.Format(plan.Id, subject.Code, session.ExamRoomId, seatNo));
            }

            registration.MarkScheduled();
        }
    }

    /// <summary>The site where a registration was seated.</summary>
    private static ExamSite SiteOf(SeedState state, Registration registration) =>
        state.SiteFor(registration.SchoolId, registration.CertificateId, registration.Level)!;
}
