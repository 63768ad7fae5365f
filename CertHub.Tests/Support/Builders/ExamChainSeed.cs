using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Registrations;
using CertHub.Core.Scores;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Support.Builders;

/// <summary>A saved registration, with the candidate and school it belongs to.</summary>
public sealed record SeededRegistration(int Id, int CandidateId, int SchoolId);

/// <summary>
/// The exam rows that scheduling, scores and issuance point at (foreign keys), on top of an <see cref="IssuanceCatalogSeed"/>:
/// two junior subjects and one intermediate and one senior subject, a published plan (windows of <see cref="ADomain.Windows"/>)
/// holding the three levels and open to both schools, an approved exam site at the given school and a junior exam room there.
/// Candidates, registrations, certificate results and invigilators are only saved when asked for, so tests that count rows
/// get exactly the ones they add, all built through the entities' own Create methods and verbs.
/// </summary>
public sealed record ExamChainSeed(IssuanceCatalogSeed Catalog, int ExamPlanId, int SubjectId, int OtherSubjectId, int ExamSiteId, int ExamRoomId)
{
    public static ExamChainSeed SaveIn(SqliteTestDb db, IssuanceCatalogSeed catalog, int siteSchoolId)
    {
        using var context = db.OpenAsSystem();
        ExamSubject Subject(CertificateLevel level, string code, string name) =>
            ExamSubject.Create(catalog.OrganizationId, catalog.CertificateId, level, code, name, ExamMode.Computer, CandidateScope.All, 100, 60, 120);
        var subjects = new[]
        {
            Subject(CertificateLevel.Junior, "KM001", "理论知识"),
            Subject(CertificateLevel.Junior, "KM002", "实操技能"),
            Subject(CertificateLevel.Intermediate, "KM003", "中级理论知识"),
            Subject(CertificateLevel.Senior, "KM004", "高级理论知识"),
        };
        context.AddRange(subjects);
        context.SaveChanges();

        var plan = ExamPlan.Create(catalog.OrganizationId, 2021, "2021年9月信息化应用考试", RegistrationMode.ByCertificate, ADomain.Windows(), ADomain.T0);
        foreach (var level in new[] { CertificateLevel.Junior, CertificateLevel.Intermediate, CertificateLevel.Senior })
        {
            plan.SetCertificate(catalog.CertificateId, level, 180m);
        }

        plan.SetSchools([catalog.SchoolId, catalog.OtherSchoolId]);
        for (var i = 0; i < subjects.Length; i++)
        {
            plan.SetSubject(subjects[i], ADomain.Day(16, 8 + (2 * i)), ADomain.Day(16, 9 + (2 * i)));
        }

        plan.Publish("组织管理员", ADomain.T0);

        var school = context.Set<PilotSchool>().Single(s => s.Id == siteSchoolId);
        var certificate = context.Set<Certificate>().Include(c => c.Levels).Single(c => c.Id == catalog.CertificateId);
        var site = ExamSite.Create(school, certificate, [CertificateLevel.Junior, CertificateLevel.Intermediate, CertificateLevel.Senior],
            "北京市海淀区学院路30号", 60, "李老师", "010-51688888", ADomain.T0);
        site.Submit(ADomain.Actor, ADomain.Day(1));
        site.Approve("组织审核员", ADomain.Day(2));
        context.AddRange(plan, site);
        context.SaveChanges();

        var room = ExamRoom.Create(plan, site, CertificateLevel.Junior, [subjects[0], subjects[1]], "第一考场", "主楼301", 30, ADomain.Day(2));
        context.Add(room);
        context.SaveChanges();
        return new ExamChainSeed(catalog, plan.Id, subjects[0].Id, subjects[1].Id, site.Id, room.Id);
    }

    /// <summary>Saves a school candidate (考生编号 numbered after the candidates already saved) and returns its id.</summary>
    public static int SaveCandidate(SqliteTestDb db, int schoolId, string idNumber = ADomain.ValidIdNumber)
    {
        using var context = db.OpenAsSystem();
        var sequence = context.Set<Candidate>().Count() + 1;
        var no = CandidateNoGenerator.Generate(CandidateNoGenerator.RegionCodeOf(IdType.ResidentIdCard, idNumber), 2021, ADomain.T0, sequence);
        var candidate = Candidate.Create(schoolId, CandidateType.SchoolCandidate, no, ADomain.Details(idNumber), ADomain.T0);
        context.Add(candidate);
        context.SaveChanges();
        return candidate.Id;
    }

    /// <summary>Registers the candidate for the plan's certificate level (按证书, during the registration window).</summary>
    public SeededRegistration SaveRegistration(SqliteTestDb db, int candidateId, CertificateLevel level = CertificateLevel.Junior)
    {
        using var context = db.OpenAsSystem();
        var plan = context.Set<ExamPlan>()
            .Include(p => p.Certificates).Include(p => p.Schools).Include(p => p.Subjects)
            .Single(p => p.Id == ExamPlanId);
        var candidate = context.Set<Candidate>().Single(c => c.Id == candidateId);
        var registration = Registration.Create(plan, candidate, Catalog.CertificateId, level, null, null, ADomain.Day(2));
        context.Add(registration);
        context.SaveChanges();
        return new SeededRegistration(registration.Id, candidate.Id, candidate.SchoolId);
    }

    /// <summary>Saves the candidate's 已通过 certificate result for <paramref name="level"/> in the plan at the site, and returns its id.</summary>
    public int SavePassedResult(SqliteTestDb db, int candidateId, CertificateLevel level)
    {
        using var context = db.OpenAsSystem();
        var schoolId = context.Set<Candidate>().Where(c => c.Id == candidateId).Select(c => c.SchoolId).Single();
        var result = CertificateResult.Create(candidateId, ExamPlanId, Catalog.CertificateId, level, schoolId, ExamSiteId, ADomain.Day(20));
        result.Apply(CertificateResultStatus.Passed, ADomain.Day(25));
        context.Add(result);
        context.SaveChanges();
        return result.Id;
    }

    /// <summary>Saves an invigilator (监考人员) of the school and returns its id.</summary>
    public static int SaveInvigilator(SqliteTestDb db, int schoolId)
    {
        using var context = db.OpenAsSystem();
        var invigilator = ADomain.Invigilator(schoolId);
        context.Add(invigilator);
        context.SaveChanges();
        return invigilator.Id;
    }
}
