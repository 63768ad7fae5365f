using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Support.Builders;

/// <summary>
/// 考场管理 test data on real SQLite: the catalogue (北京交通大学 = School, 北方工业大学 = OtherSchool), subjects, published
/// plans whose windows are shifted by a number of days (registration [1,10), scheduling [10,15) at offset 0), sites and the
/// users. The clock starts at Day(2) (未排考 for offset 0).
/// </summary>
public sealed class ARoomScenario : IDisposable
{
    private ARoomScenario(SqliteTestDb db, ACatalog catalog)
    {
        Db = db;
        Catalog = catalog;
    }

    public SqliteTestDb Db { get; }

    public ACatalog Catalog { get; }

    public FakeTimeProvider Clock { get; } = new(ADomain.Day(2));

    public RecordingChangeFeed Changes { get; } = new();

    public FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: Catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");

    public FixedCurrentUser OtherSchool => new(UserRole.SchoolAdmin, SchoolId: Catalog.OtherSchool.Id, UserName: "ncut", DisplayName: "北方工业大学");

    public FixedCurrentUser Org => new(UserRole.OrgAdmin, OrganizationId: Catalog.Organization.Id, UserName: "org", DisplayName: "中物联");

    public static async Task<ARoomScenario> CreateAsync()
    {
        var db = new SqliteTestDb();
        return new ARoomScenario(db, await ACatalogSeed.SeedAsync(db));
    }

    public ExamRoomService Service(ICurrentUser user) => new(Db.FactoryFor(user), user, Changes, Clock);

    public async Task<ExamSubject> SubjectAsync(string code, CertificateLevel level = CertificateLevel.Junior, ExamMode mode = ExamMode.Computer, int? certificateId = null, int? organizationId = null)
    {
        await using var ctx = Db.OpenAsSystem();
        var subject = ExamSubject.Create(organizationId ?? Catalog.Organization.Id, certificateId ?? Catalog.Certificate.Id, level, code, $"科目{code}", mode, CandidateScope.All, 100, 60, 60);
        ctx.Add(subject);
        await ctx.SaveChangesAsync();
        return subject;
    }

    /// <summary>A published plan of the subjects' organisation with the subjects' certificate levels, windows shifted by <paramref name="offsetDays"/>.</summary>
    public async Task<ExamPlan> PlanAsync(string name, int offsetDays, IReadOnlyList<int> schoolIds, params ExamSubject[] subjects)
    {
        await using var ctx = Db.OpenAsSystem();
        DateTimeOffset D(int day, int hour = 0) => ADomain.Day(day + offsetDays, hour);
        var windows = new ExamPlanWindows(D(1), D(10), D(10), D(15), D(17), D(20), D(20), D(25));
        var plan = ExamPlan.Create(subjects[0].OrganizationId, 2021, name, RegistrationMode.ByCertificate, windows, D(-5));
        foreach (var level in subjects.Select(s => (s.CertificateId, s.Level)).Distinct())
        {
            plan.SetCertificate(level.CertificateId, level.Level, 180m);
        }

        plan.SetSchools(schoolIds);
        for (var i = 0; i < subjects.Length; i++)
        {
            plan.SetSubject(subjects[i], D(16, 1 + (2 * i)), D(16, 2 + (2 * i)));
        }

        plan.Publish("组织管理员", D(0));
        ctx.Add(plan);
        await ctx.SaveChangesAsync();
        return plan;
    }

    public Task<ExamPlan> PlanAsync(params ExamSubject[] subjects) =>
        PlanAsync("2021年9月信息化应用考试", 0, [Catalog.School.Id, Catalog.OtherSchool.Id], subjects);

    public async Task<ExamSite> SiteAsync(PilotSchool? school = null, ExamSiteStatus status = ExamSiteStatus.Approved, Certificate? certificate = null, params CertificateLevel[] levels)
    {
        await using var ctx = Db.OpenAsSystem();
        var site = ExamSite.Create(school ?? Catalog.School, certificate ?? Catalog.Certificate, levels.Length == 0 ? [CertificateLevel.Junior, CertificateLevel.Intermediate] : levels,
            "北京市海淀区上园村3号", 60, "李老师", "010-51688888", ADomain.T0);
        if (status != ExamSiteStatus.Draft)
        {
            site.Submit(ADomain.Actor, ADomain.T0);
            if (status == ExamSiteStatus.Approved)
            {
                site.Approve("组织审核员", ADomain.T0);
            }
            else if (status == ExamSiteStatus.Returned)
            {
                site.Return("不符", "组织审核员", ADomain.T0);
            }
        }

        ctx.Add(site);
        await ctx.SaveChangesAsync();
        return site;
    }

    public async Task AllocateAsync(ExamPlan? plan, ExamSite site, int borrowerSchoolId, CertificateLevel level = CertificateLevel.Junior)
    {
        await using var ctx = Db.OpenAsSystem();
        ctx.Add(plan is null ? SiteAllocation.Create(site, borrowerSchoolId, level, "中物联", ADomain.T0) : SiteAllocation.Create(plan, site, borrowerSchoolId, level, "中物联", ADomain.T0));
        await ctx.SaveChangesAsync();
    }

    public static ExamRoomInput Input(ExamPlan plan, ExamSite site, string name = "第一考场", int seats = 40, CertificateLevel level = CertificateLevel.Junior, params ExamSubject[] subjects) =>
        new(plan.Id, site.Id, level, [.. subjects.Select(s => s.Id)], name, "主楼301", seats);

    public void Dispose() => Db.Dispose();
}
