using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;

namespace CertHub.Tests.Support.Builders;

/// <summary>Saved catalogue rows the feature aggregates refer to (detached after seeding).</summary>
public sealed record ACatalog(Province Province, Organization Organization, PilotSchool School, PilotSchool OtherSchool, Certificate Certificate, Major Major);

/// <summary>Seeds the catalogue and the common chain (subject, published plan, approved site, candidate) into a <see cref="SqliteTestDb"/>.</summary>
public static class ACatalogSeed
{
    public static async Task<ACatalog> SeedAsync(SqliteTestDb db)
    {
        await using var ctx = db.OpenAsSystem();
        var province = Province.Create("11", "北京市", "北京市教育委员会");
        var organization = Organization.Create("中物联物流", "91110000MA01ABCD1X");
        ctx.AddRange(province, organization);
        await ctx.SaveChangesAsync();

        var school = PilotSchool.Create("北京交通大学", "4111010004", province.Id, SchoolType.Undergraduate);
        var other = PilotSchool.Create("北方工业大学", "4111010009", province.Id, SchoolType.Undergraduate);
        var certificate = Certificate.Create("信息化应用职业技能等级证书", "1+X-XXH", organization.Id, [CertificateLevel.Junior, CertificateLevel.Intermediate, CertificateLevel.Senior], ADomain.T0);
        var major = Major.Create("510201", "计算机应用技术", MajorLevel.HigherVocational, "电子与信息大类");
        ctx.AddRange(school, other, certificate, major);
        await ctx.SaveChangesAsync();
        return new ACatalog(province, organization, school, other, certificate, major);
    }

    public static async Task<ExamSubject> SeedSubjectAsync(SqliteTestDb db, ACatalog catalog, string code = "KM001")
    {
        await using var ctx = db.OpenAsSystem();
        var subject = ExamSubject.Create(catalog.Organization.Id, catalog.Certificate.Id, CertificateLevel.Junior, code, "理论知识", ExamMode.Computer, CandidateScope.All, 100, 60, 120);
        ctx.Add(subject);
        await ctx.SaveChangesAsync();
        return subject;
    }

    public static async Task<ExamPlan> SeedPlanAsync(SqliteTestDb db, ACatalog catalog, ExamSubject subject, RegistrationMode mode = RegistrationMode.ByCertificate)
    {
        await using var ctx = db.OpenAsSystem();
        var plan = ExamPlan.Create(catalog.Organization.Id, 2021, "2021年9月信息化应用初级考试", mode, ADomain.Windows(), ADomain.T0);
        plan.SetCertificate(catalog.Certificate.Id, CertificateLevel.Junior, 180m);
        plan.SetSchools([catalog.School.Id, catalog.OtherSchool.Id]);
        plan.SetSubject(subject, ADomain.Day(16, 9), ADomain.Day(16, 11), mode == RegistrationMode.BySubject ? 90m : null);
        plan.Publish("组织管理员", ADomain.T0);
        ctx.Add(plan);
        await ctx.SaveChangesAsync();
        return plan;
    }

    public static async Task<ExamSite> SeedApprovedSiteAsync(SqliteTestDb db, ACatalog catalog)
    {
        await using var ctx = db.OpenAsSystem();
        var site = ExamSite.Create(catalog.School, catalog.Certificate, [CertificateLevel.Junior, CertificateLevel.Intermediate], "北京市海淀区上园村3号", 60, "李老师", "010-51688888", ADomain.T0);
        site.Submit(ADomain.Actor, ADomain.Day(1));
        site.Approve("组织审核员", ADomain.Day(2));
        ctx.Add(site);
        await ctx.SaveChangesAsync();
        return site;
    }

    public static async Task<Candidate> SeedCandidateAsync(SqliteTestDb db, ACatalog catalog, string idNumber = ADomain.ValidIdNumber, int sequence = 1, CandidateType type = CandidateType.SchoolCandidate)
    {
        await using var ctx = db.OpenAsSystem();
        var no = CandidateNoGenerator.Generate(CandidateNoGenerator.RegionCodeOf(IdType.ResidentIdCard, idNumber), 2021, ADomain.T0, sequence);
        var candidate = Candidate.Create(catalog.School.Id, type, no, ADomain.Details(idNumber) with { MajorId = catalog.Major.Id, MajorLevel = MajorLevel.HigherVocational }, ADomain.T0);
        ctx.Add(candidate);
        await ctx.SaveChangesAsync();
        return candidate;
    }
}
