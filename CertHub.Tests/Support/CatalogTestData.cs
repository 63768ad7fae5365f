using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Tests.Support;

/// <summary>A small catalogue: two provinces, three schools (A and B in Beijing, C in Hubei), two organisations, three certificates.</summary>
public sealed record CatalogTestData(int BeijingId, int HubeiId, int SchoolAId, int SchoolBId, int SchoolCId, int OrgWlId, int OrgTeduId, int XxhId, int JavaId, int WebId)
{
    public static CatalogTestData Seed(SqliteTestDb database)
    {
        using var db = database.OpenAsSystem();
        var beijing = Province.Create("11", "北京市", "北京市教育委员会");
        var hubei = Province.Create("42", "湖北省", "湖北省教育厅");
        db.AddRange(beijing, hubei);
        db.SaveChanges();
        var a = PilotSchool.Create("北京科技大学", "4111010008", beijing.Id, SchoolType.Undergraduate);
        var b = PilotSchool.Create("北方工业大学", "4111010009", beijing.Id, SchoolType.Undergraduate);
        var c = PilotSchool.Create("武汉体育学院", "4142010522", hubei.Id, SchoolType.Undergraduate);
        var wl = Organization.Create("中物联物流", "91110000MA01WL001X");
        var tedu = Organization.Create("达内教育", "91110108MA01TD002K");
        var major = Major.Create("510201", "计算机应用技术", MajorLevel.HigherVocational, "电子与信息大类");
        db.AddRange(a, b, c, wl, tedu, major);
        db.SaveChanges();
        var published = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var xxh = Certificate.Create("信息化应用职业技能等级证书", "1+X-XXH", wl.Id, Enum.GetValues<CertificateLevel>(), published);
        xxh.SetMajors([major.Id]);
        var java = Certificate.Create("JAVA应用开发职业技能等级证书", "1+X-JAVA", tedu.Id, [CertificateLevel.Intermediate], published);
        var web = Certificate.Create("Web前端开发职业技能等级证书", "1+X-WEB", tedu.Id, [CertificateLevel.Junior], published);
        db.AddRange(xxh, java, web);
        db.SaveChanges();
        var disabled = SiteStandard.Create(java.Id, CertificateLevel.Intermediate, "JAVA(中级)考核站点建设标准", "1.0", 30, new DateOnly(2021, 4, 1), null, null);
        disabled.Disable();
        db.AddRange(
            SkillStandard.Create(xxh.Id, "信息化应用职业技能等级标准", "STD-XXH", "2.0", new DateOnly(2021, 3, 1), "标准内容"),
            SkillStandard.Create(java.Id, "JAVA应用开发职业技能等级标准", "STD-JAVA", "1.0", new DateOnly(2021, 3, 1), null),
            SiteStandard.Create(xxh.Id, CertificateLevel.Junior, "信息化应用(初级)考核站点建设标准", "1.0", 40, new DateOnly(2021, 4, 1), "场地", "设备"),
            disabled,
            SchoolCertificateContact.Create(a.Id, xxh.Id, "刘洋", "13810010001", null),
            SchoolCertificateContact.Create(a.Id, java.Id, "何军", "13810010002", null),
            SchoolCertificateContact.Create(b.Id, web.Id, "杨帆", "13810020001", null));
        db.SaveChanges();
        Pilot(db, beijing.Id, (a.Id, xxh.Id, CertificateLevel.Intermediate), (a.Id, java.Id, CertificateLevel.Intermediate), (b.Id, web.Id, CertificateLevel.Junior));
        return new CatalogTestData(beijing.Id, hubei.Id, a.Id, b.Id, c.Id, wl.Id, tedu.Id, xxh.Id, java.Id, web.Id);
    }

    /// <summary>已参与试点: approved pilot applications (applied within an open 申报计划 batch, submitted, approved).</summary>
    private static void Pilot(CertHub.Data.CertHubDbContext db, int provinceId, params (int SchoolId, int CertificateId, CertificateLevel Level)[] pilots)
    {
        var applied = new DateTimeOffset(2021, 5, 10, 2, 0, 0, TimeSpan.Zero);
        var plan = ApplicationPlan.Create(provinceId, 2021, 1, "2021年第一批证书试点申报", applied.AddDays(-5), applied.AddDays(20), false, false, OpenScope.All);
        db.Add(plan);
        db.SaveChanges();
        foreach (var (schoolId, certificateId, level) in pilots)
        {
            var application = PilotApplication.Create(plan, schoolId, certificateId, level, applied);
            application.Edit(50, [], "<p>师资</p>", "<p>场地</p>");
            application.Submit("院校管理员", applied);
            application.Approve(40, "北京市教育委员会", applied.AddDays(1));
            db.Add(application);
        }

        db.SaveChanges();
    }

    public FixedCurrentUser SchoolA => new(UserRole.SchoolAdmin, SchoolId: SchoolAId, ProvinceId: BeijingId, UserName: "ustb", DisplayName: "北京科技大学");

    public FixedCurrentUser SchoolB => new(UserRole.SchoolAdmin, SchoolId: SchoolBId, ProvinceId: BeijingId, UserName: "ncut", DisplayName: "北方工业大学");

    public FixedCurrentUser Beijing => new(UserRole.ProvinceAdmin, ProvinceId: BeijingId, UserName: "bj-edu", DisplayName: "北京市教育委员会");

    public FixedCurrentUser Wl => new(UserRole.OrgAdmin, OrganizationId: OrgWlId, UserName: "wl", DisplayName: "中物联物流");
}
