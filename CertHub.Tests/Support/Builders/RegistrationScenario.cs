using System.Globalization;
using CertHub.Core.Applications;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Registrations;
using CertHub.Web.Documents.Excel;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Support.Builders;

/// <summary>
/// 报考 test world, saved through the entities' own Create methods: school A (北京科技大学) and school B (北方工业大学);
/// organisation 1 with certificate 信息化 (covers majors 计算机应用技术 and 现代物流管理, not 会计) and organisation 2 with
/// certificate JAVA. School A's approved pilot application for 信息化(初级) declared only 计算机应用技术; school B has none.
/// Subjects of 信息化(初级): 理论知识 (所有考生, day 16 09–11), 实操技能 (院校考生, day 16 13–15), 综合实务 (社会考生, day 16 10–12,
/// overlapping 理论知识); of 信息化(中级): 中级理论 (所有考生, day 16 09–11, overlapping 理论知识).
/// Plans (registration day 1–10): <see cref="ByCertificatePlanId"/> (org 1, 按证书, 初级 + 中级, schools A and B),
/// <see cref="BySubjectPlanId"/> (org 1, 按科目, 初级, school A only), <see cref="OtherOrgPlanId"/> (org 2, 按证书, JAVA 初级, school A).
/// Candidates of school A are named by role (see <see cref="Candidates"/>); "b-good" belongs to school B.
/// </summary>
public sealed class RegistrationScenario
{
    public const string Certificate = "信息化应用职业技能等级证书";
    public const string JavaCertificate = "JAVA应用开发职业技能等级证书";

    private RegistrationScenario()
    {
    }

    public int SchoolId { get; private set; }

    public int OtherSchoolId { get; private set; }

    public int OrganizationId { get; private set; }

    public int OtherOrganizationId { get; private set; }

    public int CertificateId { get; private set; }

    public int JavaCertificateId { get; private set; }

    public int ByCertificatePlanId { get; private set; }

    public int BySubjectPlanId { get; private set; }

    public int OtherOrgPlanId { get; private set; }

    public int TheorySubjectId { get; private set; }

    public int PracticeSubjectId { get; private set; }

    public int PublicSubjectId { get; private set; }

    /// <summary>Candidates by role: good, good2, good3 (院校考生, 计算机应用技术, 信息准确), undeclared (现代物流管理), uncovered (会计),
    /// nophoto, pending, manual (计算机应用技术 in those states), nomajor, public (社会考生), b-good (school B).</summary>
    public Dictionary<string, Candidate> Candidates { get; } = [];

    public FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: SchoolId, UserName: "ustb", DisplayName: "北京科技大学", UserId: "u-ustb");

    public FixedCurrentUser OtherSchool => new(UserRole.SchoolAdmin, SchoolId: OtherSchoolId, UserName: "ncut", DisplayName: "北方工业大学", UserId: "u-ncut");

    public FixedCurrentUser Organization => new(UserRole.OrgAdmin, OrganizationId: OrganizationId, UserName: "wl", DisplayName: "中物联物流", UserId: "u-wl");

    public FixedCurrentUser OtherOrganization => new(UserRole.OrgAdmin, OrganizationId: OtherOrganizationId, UserName: "tedu", DisplayName: "达内教育", UserId: "u-tedu");

    public FixedCurrentUser Province => new(UserRole.ProvinceAdmin, ProvinceId: ProvinceId, UserName: "bj-edu", DisplayName: "北京市教育委员会", UserId: "u-bj");

    public int ProvinceId { get; private set; }

    /// <summary>A valid, distinct 居民身份证 number for <paramref name="i"/>.</summary>
    public static string IdFor(int i)
    {
        var first17 = string.Create(CultureInfo.InvariantCulture, $"110101{new DateOnly(2000, 1, 1).AddDays(i / 1000):yyyyMMdd}{i % 1000:D3}");
        return first17 + IdNumber.CheckCharacter(first17);
    }

    public string IdOf(string role) => Candidates[role].IdNumber;

    public string NameOf(string role) => Candidates[role].Name;

    /// <summary>A 按证书 row for the candidate <paramref name="role"/>.</summary>
    public string?[] CertificateRow(string role, string certificate = Certificate, string level = "初级") => [NameOf(role), IdOf(role), certificate, level];

    /// <summary>A 按科目 row for the candidate <paramref name="role"/>.</summary>
    public string?[] SubjectRow(string role, string subject = "理论知识") => [NameOf(role), IdOf(role), subject];

    /// <summary>An xlsx in the template of <paramref name="mode"/>.</summary>
    public static MemoryStream Sheet(RegistrationMode mode, params IReadOnlyList<string?>[] rows)
    {
        var stream = new MemoryStream();
        RegistrationSheet.WriteRowsAsync(stream, mode, rows).GetAwaiter().GetResult();
        stream.Position = 0;
        return stream;
    }

    public static RegistrationScenario SaveIn(SqliteTestDb db)
    {
        var s = new RegistrationScenario();
        using var context = db.OpenAsSystem();
        var province = global::CertHub.Core.Catalog.Province.Create("11", "北京市", "北京市教育委员会");
        context.Add(province);
        context.SaveChanges();
        var school = PilotSchool.Create("北京科技大学", "4111010008", province.Id, SchoolType.Undergraduate);
        var other = PilotSchool.Create("北方工业大学", "4111010009", province.Id, SchoolType.Undergraduate);
        var org = global::CertHub.Core.Catalog.Organization.Create("中物联物流", "91110000100000000X");
        var org2 = global::CertHub.Core.Catalog.Organization.Create("达内教育", "91110000100000001X");
        var computing = Major.Create("510201", "计算机应用技术", MajorLevel.HigherVocational, "电子与信息大类");
        var logistics = Major.Create("530802", "现代物流管理", MajorLevel.HigherVocational, "财经商贸大类");
        var accounting = Major.Create("530302", "会计", MajorLevel.HigherVocational, "财经商贸大类");
        context.AddRange(school, other, org, org2, computing, logistics, accounting);
        context.SaveChanges();
        var certificate = global::CertHub.Core.Catalog.Certificate.Create(Certificate, "1+X-XXH", org.Id,
            [CertificateLevel.Junior, CertificateLevel.Intermediate], ADomain.T0);
        certificate.SetMajors([computing.Id, logistics.Id]);
        var java = global::CertHub.Core.Catalog.Certificate.Create(JavaCertificate, "1+X-JAVA", org2.Id, [CertificateLevel.Junior], ADomain.T0);
        java.SetMajors([computing.Id]);
        context.AddRange(certificate, java);
        context.SaveChanges();

        var applicationPlan = ApplicationPlan.Create(province.Id, 2021, 2, "2021年第二批证书试点申报", ADomain.T0.AddDays(-30), ADomain.T0.AddDays(-20), true, false, OpenScope.All);
        context.Add(applicationPlan);
        context.SaveChanges();
        var application = PilotApplication.Create(applicationPlan, school.Id, certificate.Id, CertificateLevel.Junior, ADomain.T0.AddDays(-25));
        application.Edit(0, [new PilotApplicationMajorInput(computing.Id, 100, 10, 40)], "<p>师资充足</p>", "<p>场地充足</p>");
        application.Submit("北京科技大学", ADomain.T0.AddDays(-24));
        application.Approve(40, "省厅审核员", ADomain.T0.AddDays(-22));
        context.Add(application);

        ExamSubject Subject(int certificateId, int organizationId, CertificateLevel level, string code, string name, CandidateScope scope) =>
            ExamSubject.Create(organizationId, certificateId, level, code, name, ExamMode.Computer, scope, 100, 60, 120);
        var theory = Subject(certificate.Id, org.Id, CertificateLevel.Junior, "XXH-C-01", "理论知识", CandidateScope.All);
        var practice = Subject(certificate.Id, org.Id, CertificateLevel.Junior, "XXH-C-02", "实操技能", CandidateScope.SchoolCandidates);
        var publicOnly = Subject(certificate.Id, org.Id, CertificateLevel.Junior, "XXH-C-03", "综合实务", CandidateScope.PublicCandidates);
        var intermediate = Subject(certificate.Id, org.Id, CertificateLevel.Intermediate, "XXH-Z-01", "中级理论", CandidateScope.All);
        var javaTheory = Subject(java.Id, org2.Id, CertificateLevel.Junior, "JAVA-C-01", "JAVA理论", CandidateScope.All);
        context.AddRange(theory, practice, publicOnly, intermediate, javaTheory);
        context.SaveChanges();

        var byCertificate = ExamPlan.Create(org.Id, 2021, "2021年9月信息化考试（按证书）", RegistrationMode.ByCertificate, ADomain.Windows(), ADomain.T0);
        byCertificate.SetCertificate(certificate.Id, CertificateLevel.Junior, 180m);
        byCertificate.SetCertificate(certificate.Id, CertificateLevel.Intermediate, 260m);
        byCertificate.SetSchools([school.Id, other.Id]);
        byCertificate.SetSubject(theory, ADomain.Day(16, 9), ADomain.Day(16, 11));
        byCertificate.SetSubject(practice, ADomain.Day(16, 13), ADomain.Day(16, 15));
        byCertificate.SetSubject(publicOnly, ADomain.Day(16, 10), ADomain.Day(16, 12));
        byCertificate.SetSubject(intermediate, ADomain.Day(16, 9), ADomain.Day(16, 11));
        byCertificate.Publish("组织管理员", ADomain.T0);

        var bySubject = ExamPlan.Create(org.Id, 2021, "2021年9月信息化考试（按科目）", RegistrationMode.BySubject, ADomain.Windows(), ADomain.T0);
        bySubject.SetCertificate(certificate.Id, CertificateLevel.Junior, 180m);
        bySubject.SetSchools([school.Id]);
        bySubject.SetSubject(theory, ADomain.Day(16, 9), ADomain.Day(16, 11), 90m);
        bySubject.SetSubject(practice, ADomain.Day(16, 13), ADomain.Day(16, 15), 90m);
        bySubject.SetSubject(publicOnly, ADomain.Day(16, 10), ADomain.Day(16, 12), 90m);
        bySubject.Publish("组织管理员", ADomain.T0);

        var otherOrg = ExamPlan.Create(org2.Id, 2021, "2021年9月JAVA考试", RegistrationMode.ByCertificate, ADomain.Windows(), ADomain.T0);
        otherOrg.SetCertificate(java.Id, CertificateLevel.Junior, 280m);
        otherOrg.SetSchools([school.Id]);
        otherOrg.SetSubject(javaTheory, ADomain.Day(16, 9), ADomain.Day(16, 11));
        otherOrg.Publish("组织管理员", ADomain.T0);
        context.AddRange(byCertificate, bySubject, otherOrg);
        context.SaveChanges();

        var index = 0;
        void Add(string role, int schoolId, CandidateType type, int? majorId, CandidateInfoStatus status)
        {
            var id = IdFor(index++);
            var no = CandidateNoGenerator.Generate(id[..6], 2021, ADomain.T0, index);
            var candidate = global::CertHub.Core.Candidates.Candidate.Create(schoolId, type, no,
                new CandidateDetails($"考生{role}", null, IdType.ResidentIdCard, id, MajorId: majorId, MajorLevel: majorId is null ? null : MajorLevel.HigherVocational,
                    EnrollmentYear: type == CandidateType.SchoolCandidate ? 2020 : null), ADomain.T0);
            if (status != CandidateInfoStatus.NoPhoto)
            {
                candidate.AttachPhoto("photos/1.jpg", ADomain.Actor, ADomain.T0);
            }

            if (status is CandidateInfoStatus.Accurate or CandidateInfoStatus.NeedsManualCheck)
            {
                candidate.ApplyVerification(status == CandidateInfoStatus.Accurate ? IdentityVerificationResult.Accurate : IdentityVerificationResult.Doubtful("照片像素不符"),
                    ADomain.Actor, ADomain.T0);
            }

            context.Add(candidate);
            s.Candidates[role] = candidate;
        }

        Add("good", school.Id, CandidateType.SchoolCandidate, computing.Id, CandidateInfoStatus.Accurate);
        Add("good2", school.Id, CandidateType.SchoolCandidate, computing.Id, CandidateInfoStatus.Accurate);
        Add("good3", school.Id, CandidateType.SchoolCandidate, computing.Id, CandidateInfoStatus.Accurate);
        Add("undeclared", school.Id, CandidateType.SchoolCandidate, logistics.Id, CandidateInfoStatus.Accurate);
        Add("uncovered", school.Id, CandidateType.SchoolCandidate, accounting.Id, CandidateInfoStatus.Accurate);
        Add("nophoto", school.Id, CandidateType.SchoolCandidate, computing.Id, CandidateInfoStatus.NoPhoto);
        Add("pending", school.Id, CandidateType.SchoolCandidate, computing.Id, CandidateInfoStatus.PendingVerification);
        Add("manual", school.Id, CandidateType.SchoolCandidate, computing.Id, CandidateInfoStatus.NeedsManualCheck);
        Add("nomajor", school.Id, CandidateType.SchoolCandidate, null, CandidateInfoStatus.Accurate);
        Add("public", school.Id, CandidateType.PublicCandidate, null, CandidateInfoStatus.Accurate);
        Add("b-good", other.Id, CandidateType.SchoolCandidate, logistics.Id, CandidateInfoStatus.Accurate);
        context.SaveChanges();

        (s.ProvinceId, s.SchoolId, s.OtherSchoolId, s.OrganizationId, s.OtherOrganizationId) = (province.Id, school.Id, other.Id, org.Id, org2.Id);
        (s.CertificateId, s.JavaCertificateId) = (certificate.Id, java.Id);
        (s.ByCertificatePlanId, s.BySubjectPlanId, s.OtherOrgPlanId) = (byCertificate.Id, bySubject.Id, otherOrg.Id);
        (s.TheorySubjectId, s.PracticeSubjectId, s.PublicSubjectId) = (theory.Id, practice.Id, publicOnly.Id);
        return s;
    }

    /// <summary>Saves a registration directly (as an earlier import would have) and returns it.</summary>
    public Registration Register(SqliteTestDb db, string role, int planId, int certificateId, CertificateLevel level = CertificateLevel.Junior, int? subjectId = null)
    {
        using var context = db.OpenAsSystem();
        var plan = context.Set<ExamPlan>().Include(p => p.Certificates).Include(p => p.Schools).Include(p => p.Subjects).Single(p => p.Id == planId);
        var candidate = context.Set<Candidate>().Single(c => c.Id == Candidates[role].Id);
        var subject = subjectId is int id ? context.Set<ExamSubject>().Single(x => x.Id == id) : null;
        var registration = Registration.Create(plan, candidate, certificateId, level, subject, null, ADomain.Day(2));
        context.Add(registration);
        context.SaveChanges();
        return registration;
    }
}
