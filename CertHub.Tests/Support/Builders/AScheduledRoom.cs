using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Registrations;
using CertHub.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Support.Builders;

/// <summary>
/// Schedules saved in SQLite for the 考场编排 / 排考明细 / document tests. The first organisation's plan (an
/// <see cref="ExamChainSeed"/>) has its room 第一考场 at the host school's site with two sessions: 理论知识 (seat 1 王小二 of the
/// host school, with a photo; seat 2 李四 of the other school, which borrows the site) and 实操技能 (seat 1 王小二), with an
/// invigilator of the host school. A second organisation has its own plan, site and room at a third school (第二考场, seat 1 赵六).
/// </summary>
public sealed record AScheduledRoom(
    IssuanceCatalogSeed Catalog,
    ExamChainSeed Chain,
    int ThirdSchoolId,
    int OtherOrganizationId,
    int OtherPlanId,
    int TheorySessionId,
    int PracticeSessionId,
    int OtherSessionId,
    int HostCandidateId,
    int BorrowerCandidateId)
{
    public const string PhotoPath = "photos/1/wang.png";
    public const string HostCandidate = "王小二";
    public const string BorrowerCandidate = "李四";
    public const string ThirdCandidate = "赵六";

    public int HostSchoolId => Catalog.SchoolId;

    public int BorrowerSchoolId => Catalog.OtherSchoolId;

    public static AScheduledRoom SaveIn(SqliteTestDb db, MemoryFileStore files)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(files);
        var catalog = IssuanceCatalogSeed.SaveIn(db);
        var chain = ExamChainSeed.SaveIn(db, catalog, siteSchoolId: catalog.SchoolId);
        files.Files[PhotoPath] = AnExamDayDocument.Photo;
        var host = SaveCandidate(db, catalog.SchoolId, ADomain.ValidIdNumber, HostCandidate, PhotoPath);
        var borrower = SaveCandidate(db, catalog.OtherSchoolId, ADomain.OtherValidIdNumber, BorrowerCandidate, null);
        var hostRegistration = chain.SaveRegistration(db, host);
        var borrowerRegistration = chain.SaveRegistration(db, borrower);
        var invigilator = ExamChainSeed.SaveInvigilator(db, catalog.SchoolId);

        int theory, practice;
        using (var context = db.OpenAsSystem())
        {
            var plan = context.Set<ExamPlan>().Include(p => p.Subjects).Single(p => p.Id == chain.ExamPlanId);
            var subjects = context.Set<ExamSubject>().Where(s => s.Id == chain.SubjectId || s.Id == chain.OtherSubjectId).ToDictionary(s => s.Id);
            RoomSession Session(int subjectId)
            {
                var time = plan.SubjectTime(subjectId)!;
                return RoomSession.Create(plan.Id, chain.ExamRoomId, subjectId, time.StartUtc, time.EndUtc, 30);
            }

            string Ticket(int subjectId, int seat) => AdmissionTicketNumber.Format(plan.Id, subjectId == chain.SubjectId ? "1" : "2", chain.ExamRoomId, seat);
            var theorySession = Session(chain.SubjectId);
            theorySession.AssignSeat(hostRegistration.Id, host, catalog.SchoolId, 1, Ticket(chain.SubjectId, 1));
            theorySession.AssignSeat(borrowerRegistration.Id, borrower, catalog.OtherSchoolId, 2, Ticket(chain.SubjectId, 2));
            theorySession.AssignInvigilator(invigilator, catalog.SchoolId);
            var practiceSession = Session(chain.OtherSubjectId);
            practiceSession.AssignSeat(hostRegistration.Id, host, catalog.SchoolId, 1, Ticket(chain.OtherSubjectId, 1));
            context.AddRange(theorySession, practiceSession);
            context.SaveChanges();
            (theory, practice) = (theorySession.Id, practiceSession.Id);
        }

        var (thirdSchool, otherOrganization, otherPlan, otherSession) = SaveOtherOrganization(db, catalog);
        return new AScheduledRoom(catalog, chain, thirdSchool, otherOrganization, otherPlan, theory, practice, otherSession, host, borrower);
    }

    private static int SaveCandidate(SqliteTestDb db, int schoolId, string idNumber, string name, string? photoPath)
    {
        using var context = db.OpenAsSystem();
        var sequence = context.Set<Candidate>().Count() + 1;
        var no = CandidateNoGenerator.Generate(CandidateNoGenerator.RegionCodeOf(IdType.ResidentIdCard, idNumber), 2021, ADomain.T0, sequence);
        var candidate = Candidate.Create(schoolId, CandidateType.SchoolCandidate, no, ADomain.Details(idNumber, name), ADomain.T0);
        if (photoPath is not null)
        {
            candidate.AttachPhoto(photoPath, ADomain.Actor, ADomain.T0);
        }

        context.Add(candidate);
        context.SaveChanges();
        return candidate.Id;
    }

    /// <summary>A second organisation with a plan, a site and a room at a third school, and one candidate of that school seated.</summary>
    private static (int SchoolId, int OrganizationId, int PlanId, int SessionId) SaveOtherOrganization(SqliteTestDb db, IssuanceCatalogSeed catalog)
    {
        using var context = db.OpenAsSystem();
        var school = PilotSchool.Create("北京交通大学", "4111010004", catalog.ProvinceId, SchoolType.Undergraduate);
        var organization = Organization.Create("达内教育", "91110000100000001X");
        context.AddRange(school, organization);
        context.SaveChanges();
        var certificate = Certificate.Create("JAVA应用开发职业技能等级证书", "1+X-JAVA", organization.Id, [CertificateLevel.Junior], ADomain.T0);
        context.Add(certificate);
        context.SaveChanges();
        var subject = ExamSubject.Create(organization.Id, certificate.Id, CertificateLevel.Junior, "KM101", "JAVA理论", ExamMode.Computer, CandidateScope.All, 100, 60, 120);
        context.Add(subject);
        context.SaveChanges();
        var plan = ExamPlan.Create(organization.Id, 2021, "2021年JAVA初级考试", RegistrationMode.ByCertificate, ADomain.Windows(), ADomain.T0);
        plan.SetCertificate(certificate.Id, CertificateLevel.Junior, 200m);
        plan.SetSchools([school.Id]);
        plan.SetSubject(subject, ADomain.Day(16, 13), ADomain.Day(16, 14));
        plan.Publish("组织管理员", ADomain.T0);
        var loaded = context.Set<Certificate>().Include(c => c.Levels).Single(c => c.Id == certificate.Id);
        var site = ExamSite.Create(school, loaded, [CertificateLevel.Junior], "北京市海淀区上园村3号", 40, "王老师", "010-51680000", ADomain.T0);
        site.Submit(ADomain.Actor, ADomain.Day(1));
        site.Approve("组织审核员", ADomain.Day(2));
        var candidate = Candidate.Create(school.Id, CandidateType.SchoolCandidate,
            CandidateNoGenerator.Generate(CandidateNoGenerator.RegionCodeOf(IdType.ResidentIdCard, ADomain.ValidIdNumberWithX), 2021, ADomain.T0, 99),
            ADomain.Details(ADomain.ValidIdNumberWithX, ThirdCandidate), ADomain.T0);
        context.AddRange(plan, site, candidate);
        context.SaveChanges();
        var room = ExamRoom.Create(plan, site, CertificateLevel.Junior, [subject], "第二考场", "逸夫楼201", 20, ADomain.Day(2));
        var registration = Registration.Create(plan, candidate, certificate.Id, CertificateLevel.Junior, null, null, ADomain.Day(2));
        context.AddRange(room, registration);
        context.SaveChanges();
        var time = plan.SubjectTime(subject.Id)!;
        var session = RoomSession.Create(plan.Id, room.Id, subject.Id, time.StartUtc, time.EndUtc, 20);
        session.AssignSeat(registration.Id, candidate.Id, school.Id, 1, AdmissionTicketNumber.Format(plan.Id, "40000002101", room.Id, 1));
        context.Add(session);
        context.SaveChanges();
        return (school.Id, organization.Id, plan.Id, session.Id);
    }
}
