using CertHub.Core.Applications;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Invigilators;
using CertHub.Core.Payments;
using CertHub.Core.Registrations;

namespace CertHub.Tests.Support.Builders;

/// <summary>
/// Test data for applications, exam sites, exams, candidates, registrations, payments and invigilators.
/// Every instant is relative to <see cref="T0"/>; ids are set by reflection where a unit test needs distinct ones.
/// </summary>
public static class ADomain
{
    public const string Actor = "张老师(ustb)";
    public const string ValidIdNumber = "110101199003074477";
    public const string ValidIdNumberWithX = "11010519491231002X";
    public const string OtherValidIdNumber = "110101200001010010";

    public static readonly DateTimeOffset T0 = new(2021, 9, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Day(int day, int hour = 0) => T0.AddDays(day).AddHours(hour);

    public static T WithId<T>(this T entity, int id) where T : Entity
    {
        typeof(Entity).GetProperty(nameof(Entity.Id))!.SetValue(entity, id);
        return entity;
    }

    public static PilotSchool School(int id = 0, string name = "北京交通大学") =>
        PilotSchool.Create(name, "4111010004", 1, SchoolType.Undergraduate).WithId(id);

    public static Certificate Certificate(int id = 0, string name = "信息化应用职业技能等级证书", int organizationId = 0) =>
        global::CertHub.Core.Catalog.Certificate.Create(name, "1+X-XXH", organizationId, [CertificateLevel.Junior, CertificateLevel.Intermediate, CertificateLevel.Senior], T0).WithId(id);

    // ---- Applications: plan open from T0 to Day(10) ----
    public static ApplicationPlan ApplicationPlan(bool byMajor = false, OpenScope scope = OpenScope.All, params (int, CertificateLevel)[] open) =>
        global::CertHub.Core.Applications.ApplicationPlan.Create(1, 2021, 7, "2021年第七批证书试点申报", T0, Day(10), byMajor, false, scope, open);

    /// <summary>A plan (open T0 to Day(10)) that requires 地市级教育局审批.</summary>
    public static ApplicationPlan CityApplicationPlan(bool byMajor = false) =>
        global::CertHub.Core.Applications.ApplicationPlan.Create(1, 2021, 8, "2021年第八批证书试点申报", T0, Day(10), byMajor, true, OpenScope.All, []);

    public const string CityBureau = "北京市海淀区教育委员会";

    /// <summary>An application in <paramref name="status"/>; with <paramref name="city"/> under a plan requiring 地市级教育局审批 (passed on the way).</summary>
    public static PilotApplication PilotApplication(PilotApplicationStatus status = PilotApplicationStatus.Draft, bool byMajor = false, bool city = false)
    {
        var plan = city ? CityApplicationPlan(byMajor) : ApplicationPlan(byMajor);
        var application = global::CertHub.Core.Applications.PilotApplication.Create(plan, 1, 1, CertificateLevel.Senior, Day(1));
        application.Edit(0, [new PilotApplicationMajorInput(1, 34, 45, 56)], "<p>师资充足</p>", "<p>场地充足</p>");
        if (status == PilotApplicationStatus.Draft)
        {
            return application;
        }

        application.Submit(Actor, Day(2));
        if (city && status != PilotApplicationStatus.CityReview)
        {
            application.RecordCityDecision(true, CityBureau, "同意上报", "省厅审核员", Day(2));
        }

        switch (status)
        {
            case PilotApplicationStatus.Approved:
                application.Approve(50, "省厅审核员", Day(3));
                break;
            case PilotApplicationStatus.Returned:
                application.Return("人数不符", "省厅审核员", Day(3));
                break;
        }

        return application;
    }

    // ---- Exam sites ----
    public static ExamSite ExamSite(ExamSiteStatus status = ExamSiteStatus.Draft, PilotSchool? school = null, Certificate? certificate = null)
    {
        var site = global::CertHub.Core.ExamSites.ExamSite.Create(
            school ?? School(1), certificate ?? Certificate(1), [CertificateLevel.Junior, CertificateLevel.Intermediate, CertificateLevel.Senior],
            "北京市海淀区上园村3号", 60, "李老师", "010-51688888", T0);
        switch (status)
        {
            case ExamSiteStatus.Pending:
                site.Submit(Actor, Day(1));
                break;
            case ExamSiteStatus.Approved:
                site.Submit(Actor, Day(1));
                site.Approve("组织审核员", Day(2));
                break;
            case ExamSiteStatus.Returned:
                site.Submit(Actor, Day(1));
                site.Return("考位不足", "组织审核员", Day(2));
                break;
        }

        return site;
    }

    // ---- Exams: registration [1,10), scheduling [10,15), exam day 16 09:00-11:00, score entry [17,20), notice [20,25) ----
    public static ExamPlanWindows Windows() => new(Day(1), Day(10), Day(10), Day(15), Day(17), Day(20), Day(20), Day(25));

    public static ExamSubject Subject(int id = 1, int certificateId = 1, CertificateLevel level = CertificateLevel.Junior, ExamMode mode = ExamMode.Computer, CandidateScope scope = CandidateScope.All) =>
        ExamSubject.Create(1, certificateId, level, $"KM{id:D3}", "理论知识", mode, scope, 100, 60, 120).WithId(id);

    public static ExamPlan ExamPlan(
        RegistrationMode mode = RegistrationMode.ByCertificate,
        bool publish = true,
        ExamSubject? subject = null,
        IEnumerable<int>? schoolIds = null,
        int certificateId = 1,
        CertificateLevel level = CertificateLevel.Junior)
    {
        subject ??= Subject(certificateId: certificateId, level: level);
        var plan = global::CertHub.Core.Exams.ExamPlan.Create(1, 2021, "2021年9月信息化应用初级考试", mode, Windows(), T0);
        plan.SetCertificate(certificateId, level, 180m);
        plan.SetSchools(schoolIds ?? [1]);
        plan.SetSubject(subject, Day(16, 9), Day(16, 11), mode == RegistrationMode.BySubject ? 90m : null);
        if (publish)
        {
            plan.Publish("组织管理员", T0);
        }

        return plan;
    }

    // ---- Candidates ----
    public static CandidateDetails Details(string idNumber = ValidIdNumber, string name = "王小二") =>
        new(name, "wang xiao er", IdType.ResidentIdCard, idNumber, Phone: "18300000551", EnrollmentYear: 2020);

    public static Candidate Candidate(CandidateInfoStatus status = CandidateInfoStatus.NoPhoto, string idNumber = ValidIdNumber, int schoolId = 1, string? candidateNo = null, CandidateType type = CandidateType.SchoolCandidate)
    {
        var no = candidateNo ?? CandidateNoGenerator.Generate(CandidateNoGenerator.RegionCodeOf(IdType.ResidentIdCard, idNumber), 2021, T0, 1);
        var candidate = global::CertHub.Core.Candidates.Candidate.Create(schoolId, type, no, Details(idNumber), T0);
        switch (status)
        {
            case CandidateInfoStatus.PendingVerification:
                candidate.AttachPhoto("photos/1.jpg", Actor, Day(1));
                break;
            case CandidateInfoStatus.NeedsManualCheck:
                candidate.AttachPhoto("photos/1.jpg", Actor, Day(1));
                candidate.ApplyVerification(IdentityVerificationResult.Doubtful("照片像素不符"), Actor, Day(2));
                break;
            case CandidateInfoStatus.Accurate:
                candidate.AttachPhoto("photos/1.jpg", Actor, Day(1));
                candidate.ApplyVerification(IdentityVerificationResult.Accurate, Actor, Day(2));
                break;
        }

        return candidate;
    }

    // ---- Registrations and payments ----
    public static Registration Registration(int id = 1, ExamPlan? plan = null, Candidate? candidate = null) =>
        global::CertHub.Core.Registrations.Registration.Create(plan ?? ExamPlan(), candidate ?? Candidate(), 1, CertificateLevel.Junior, null, "计算机应用技术", Day(2)).WithId(id);

    public static PaymentRequest PaymentRequest(PaymentStatus status = PaymentStatus.Unconfirmed, int count = 3, decimal unitFee = 180m)
    {
        var registrations = Enumerable.Range(1, count).Select(i => Registration(i)).ToList();
        var request = global::CertHub.Core.Payments.PaymentRequest.Create(global::CertHub.Core.Payments.PaymentRequest.NewRequestNo(Day(3), 1), 1, registrations, unitFee, Actor, Day(3));
        if (status == PaymentStatus.Confirmed)
        {
            request.Confirm("组织财务", Day(4));
        }

        return request;
    }

    // ---- Invigilators ----
    private static int _teacherSequence;

    /// <summary>An invigilator with a fresh 教师编号 (unique within the test run).</summary>
    public static Invigilator Invigilator(int schoolId = 1) =>
        global::CertHub.Core.Invigilators.Invigilator.Create(schoolId, global::CertHub.Core.Invigilators.Invigilator.TeacherNoOf(900_000 + Interlocked.Increment(ref _teacherSequence) % 99_999),
            "王伟", ValidIdNumber, "18300000544", "北京市北京市丰台区", "讲师", "信息工程学院", T0);

    public static InvigilatorCertification Certification(CertificationStatus status = CertificationStatus.Draft, int invigilatorId = 1, int certificateId = 1, int organizationId = 1)
    {
        var certification = InvigilatorCertification.Create(invigilatorId, certificateId, organizationId, CertificateLevel.Junior, T0);
        switch (status)
        {
            case CertificationStatus.Pending:
                certification.Submit(Actor, Day(1));
                break;
            case CertificationStatus.Certified:
                certification.Submit(Actor, Day(1));
                certification.Certify("组织审核员", Day(2));
                break;
            case CertificationStatus.Returned:
                certification.Submit(Actor, Day(1));
                certification.Return("未参加考评员培训", "组织审核员", Day(2));
                break;
        }

        return certification;
    }
}
