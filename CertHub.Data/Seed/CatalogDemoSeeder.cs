using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Data.Seed;

/// <summary>
/// 演示数据 of the catalogue: provinces, schools, organisations, majors, certificates, standards, 试点证书负责人,
/// roles and the ten demo accounts (password <see cref="DemoPassword"/>). One method per area; each one checks
/// by natural key (code or user name) so a second run adds nothing.
/// </summary>
public sealed class CatalogDemoSeeder(
    CertHubContextBuilder contexts,
    UserManager<CertHubUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider clock) : IDemoSeeder
{
    public const string DemoPassword = "Demo@12345";

    /// <summary>The demo accounts: user name, display name, role and the tenant key (province, school or organisation code).</summary>
    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin", "平台管理员", UserRole.PlatformAdmin, null),
        new("bj-edu", "北京市教育委员会", UserRole.ProvinceAdmin, "11"),
        new("hb-edu", "湖北省教育厅", UserRole.ProvinceAdmin, "42"),
        new("ustb", "北京科技大学", UserRole.SchoolAdmin, "4111010008"),
        new("ncut", "北方工业大学", UserRole.SchoolAdmin, "4111010009"),
        new("bjtu", "北京交通大学", UserRole.SchoolAdmin, "4111010004"),
        new("wipe", "武汉体育学院", UserRole.SchoolAdmin, "4142010522"),
        new("wl", "中物联物流", UserRole.OrgAdmin, "91110000MA01WL001X"),
        new("tedu", "达内教育", UserRole.OrgAdmin, "91110108MA01TD002K"),
        new("zl", "中联集团教育科技有限公司", UserRole.OrgAdmin, "91110105MA01ZL003P"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = contexts.Create(FixedCurrentUser.System);
        await SeedProvincesAsync(db, ct);
        await SeedSchoolsAsync(db, ct);
        await SeedOrganizationsAsync(db, ct);
        await SeedMajorsAsync(db, ct);
        await SeedCertificatesAsync(db, ct);
        await SeedStandardsAsync(db, ct);
        await SeedSchoolContactsAsync(db, ct);
        await SeedRolesAsync();
        await SeedAccountsAsync(db, ct);
    }

    private static async Task SeedProvincesAsync(CertHubDbContext db, CancellationToken ct)
    {
        (string Code, string Name, string Authority, ReportingCycle Cycle)[] rows =
        [
            ("11", "北京市", "北京市教育委员会", ReportingCycle.Weekly),
            ("42", "湖北省", "湖北省教育厅", ReportingCycle.HalfMonthly),
        ];
        var existing = await db.Set<Province>().Select(p => p.Code).ToListAsync(ct);
        foreach (var row in rows.Where(r => !existing.Contains(r.Code)))
        {
            var province = Province.Create(row.Code, row.Name, row.Authority);
            province.SetReportingCycle(row.Cycle);
            db.Add(province);
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedSchoolsAsync(CertHubDbContext db, CancellationToken ct)
    {
        (string Code, string Name, string Province, string Address, string Contact, string Phone, string Website)[] rows =
        [
            ("4111010008", "北京科技大学", "11", "北京市海淀区学院路30号", "李明", "010-62332312", "https://www.ustb.edu.cn"),
            ("4111010009", "北方工业大学", "11", "北京市石景山区晋元庄路5号", "王芳", "010-88801234", "https://www.ncut.edu.cn"),
            ("4111010004", "北京交通大学", "11", "北京市海淀区上园村3号", "张伟", "010-51688888", "https://www.bjtu.edu.cn"),
            ("4142010522", "武汉体育学院", "42", "湖北省武汉市洪山区珞喻路461号", "陈静", "027-87191234", "https://www.wipe.edu.cn"),
        ];
        var provinces = await db.Set<Province>().ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        var existing = await db.Set<PilotSchool>().Select(s => s.Code).ToListAsync(ct);
        foreach (var row in rows.Where(r => !existing.Contains(r.Code)))
        {
            var school = PilotSchool.Create(row.Name, row.Code, provinces[row.Province], SchoolType.Undergraduate);
            school.UpdateDetails(row.Address, row.Contact, row.Phone, null, row.Website, $"{row.Name}是1+X证书制度试点院校。");
            db.Add(school);
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedOrganizationsAsync(CertHubDbContext db, CancellationToken ct)
    {
        (string Code, string Name, string Contact, string Phone, string Address)[] rows =
        [
            ("91110000MA01WL001X", "中物联物流", "赵刚", "010-83775678", "北京市丰台区丽泽路16号"),
            ("91110108MA01TD002K", "达内教育", "孙丽", "010-62135687", "北京市海淀区北三环西路甲18号"),
            ("91110105MA01ZL003P", "中联集团教育科技有限公司", "周强", "010-65881234", "北京市朝阳区东三环中路7号"),
        ];
        var existing = await db.Set<Organization>().Select(o => o.CreditCode).ToListAsync(ct);
        foreach (var row in rows.Where(r => !existing.Contains(r.Code)))
        {
            var org = Organization.Create(row.Name, row.Code);
            org.UpdateDetails(row.Contact, row.Phone, row.Address, null, $"{row.Name}是教育部遴选的1+X证书培训评价组织。");
            db.Add(org);
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedMajorsAsync(CertHubDbContext db, CancellationToken ct)
    {
        (string Code, string Name, MajorLevel Level, string Category)[] rows =
        [
            ("510201", "计算机应用技术", MajorLevel.HigherVocational, "电子与信息大类"),
            ("510203", "软件技术", MajorLevel.HigherVocational, "电子与信息大类"),
            ("510205", "大数据技术", MajorLevel.HigherVocational, "电子与信息大类"),
            ("530802", "现代物流管理", MajorLevel.HigherVocational, "财经商贸大类"),
            ("530701", "电子商务", MajorLevel.HigherVocational, "财经商贸大类"),
            ("530303", "资产评估与管理", MajorLevel.HigherVocational, "财经商贸大类"),
            ("520801", "健康管理", MajorLevel.HigherVocational, "医药卫生大类"),
            ("080901", "计算机科学与技术", MajorLevel.Undergraduate, "计算机类"),
        ];
        var existing = await db.Set<Major>().Select(m => m.Code).ToListAsync(ct);
        foreach (var row in rows.Where(r => !existing.Contains(r.Code)))
        {
            db.Add(Major.Create(row.Code, row.Name, row.Level, row.Category));
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task SeedCertificatesAsync(CertHubDbContext db, CancellationToken ct)
    {
        (string Code, string Name, string Org, string Field, string[] Majors)[] rows =
        [
            ("1+X-XXH", "信息化应用职业技能等级证书", "91110000MA01WL001X", "信息技术应用", ["510201", "510203", "530701", "080901"]),
            ("1+X-WLGL", "物流管理职业技能等级证书", "91110000MA01WL001X", "现代物流", ["530802", "530701"]),
            ("1+X-JKGL", "健康管理职业技能等级证书", "91110000MA01WL001X", "健康服务", ["520801"]),
            ("1+X-JAVA", "JAVA应用开发职业技能等级证书", "91110108MA01TD002K", "软件开发", ["510201", "510203", "080901"]),
            ("1+X-WEB", "Web前端开发职业技能等级证书", "91110108MA01TD002K", "软件开发", ["510203", "510201"]),
            ("1+X-ZNGZ", "智能估值数据采集与应用职业技能等级证书", "91110105MA01ZL003P", "资产评估", ["530303", "510205"]),
        ];
        var orgs = await db.Set<Organization>().ToDictionaryAsync(o => o.CreditCode, o => o.Id, ct);
        var majors = await db.Set<Major>().ToDictionaryAsync(m => m.Code, m => m.Id, ct);
        var existing = await db.Set<Certificate>().Select(c => c.Code).ToListAsync(ct);
        var published = clock.GetUtcNow().AddYears(-1);
        foreach (var row in rows.Where(r => !existing.Contains(r.Code)))
        {
            var certificate = Certificate.Create(row.Name, row.Code, orgs[row.Org], Enum.GetValues<CertificateLevel>(), published);
            certificate.Update(row.Name, row.Code, $"{row.Name}面向{row.Field}领域，分为初级、中级、高级三个等级。", row.Field);
            certificate.SetMajors(row.Majors.Select(m => majors[m]));
            db.Add(certificate);
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedStandardsAsync(CertHubDbContext db, CancellationToken ct)
    {
        var certificates = await db.Set<Certificate>().ToListAsync(ct);
        var skill = await db.Set<SkillStandard>().Select(s => s.CertificateId).ToListAsync(ct);
        var sites = await db.Set<SiteStandard>().Select(s => s.CertificateId).ToListAsync(ct);
        foreach (var certificate in certificates)
        {
            var shortName = certificate.Name.Replace("职业技能等级证书", "", StringComparison.Ordinal);
            if (!skill.Contains(certificate.Id))
            {
                db.Add(SkillStandard.Create(certificate.Id, $"{shortName}职业技能等级标准", certificate.Code.Replace("1+X-", "STD-", StringComparison.Ordinal), "2.0",
                    new DateOnly(2021, 3, 1), $"本标准规定了{shortName}职业技能等级对应的工作领域、工作任务及职业技能要求，适用于{shortName}职业技能培训、考核与评价。"));
            }

            if (!sites.Contains(certificate.Id))
            {
                foreach (var level in certificate.Levels.Select(l => l.Level))
                {
                    var standard = SiteStandard.Create(certificate.Id, level, $"{shortName}({level.ToDisplayName()})考核站点建设标准", "1.0",
                        level == CertificateLevel.Senior ? 30 : 40, new DateOnly(2021, 4, 1), "考场面积不少于60平方米，通风照明良好，配备监控设备。",
                        "每个考位配备计算机一台（i5及以上CPU、8GB内存），安装考试客户端。");
                    if (level == CertificateLevel.Senior && certificate.Code is "1+X-WEB" or "1+X-JKGL")
                    {
                        standard.Disable();
                    }

                    db.Add(standard);
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>试点证书负责人 (also the interim source of "which certificates a school pilots").</summary>
    private static async Task SeedSchoolContactsAsync(CertHubDbContext db, CancellationToken ct)
    {
        (string School, string Certificate, string Name, string Phone)[] rows =
        [
            ("4111010008", "1+X-XXH", "刘洋", "13810010001"),
            ("4111010008", "1+X-JAVA", "何军", "13810010002"),
            ("4111010009", "1+X-XXH", "杨帆", "13810020001"),
            ("4111010009", "1+X-JKGL", "吴敏", "13810020002"),
            ("4111010004", "1+X-XXH", "郑华", "13810030001"),
            ("4111010004", "1+X-WLGL", "冯磊", "13810030002"),
            ("4142010522", "1+X-XXH", "黄蓉", "13910040001"),
            ("4142010522", "1+X-ZNGZ", "徐凯", "13910040002"),
        ];
        var schools = await db.Set<PilotSchool>().ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        var certificates = await db.Set<Certificate>().ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        var existing = await db.Set<SchoolCertificateContact>().Select(c => new { c.SchoolId, c.CertificateId }).ToListAsync(ct);
        foreach (var row in rows)
        {
            var schoolId = schools[row.School];
            var certificateId = certificates[row.Certificate];
            if (!existing.Any(e => e.SchoolId == schoolId && e.CertificateId == certificateId))
            {
                db.Add(SchoolCertificateContact.Create(schoolId, certificateId, row.Name, row.Phone, $"{row.Phone}@example.edu.cn"));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task SeedRolesAsync()
    {
        foreach (var role in Enum.GetNames<UserRole>())
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }
    }

    private async Task SeedAccountsAsync(CertHubDbContext db, CancellationToken ct)
    {
        var provinces = await db.Set<Province>().ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        var schools = await db.Set<PilotSchool>().ToDictionaryAsync(s => s.Code, s => (s.Id, s.ProvinceId), ct);
        var orgs = await db.Set<Organization>().ToDictionaryAsync(o => o.CreditCode, o => o.Id, ct);
        foreach (var account in Accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }

            var user = new CertHubUser
            {
                UserName = account.UserName,
                DisplayName = account.DisplayName,
                Role = account.Role,
                CreatedUtc = clock.GetUtcNow(),
                EmailConfirmed = true,
            };
            switch (account.Role)
            {
                case UserRole.ProvinceAdmin:
                    user.ProvinceId = provinces[account.TenantKey!];
                    break;
                case UserRole.SchoolAdmin:
                    (user.SchoolId, user.ProvinceId) = schools[account.TenantKey!];
                    break;
                case UserRole.OrgAdmin:
                    user.OrganizationId = orgs[account.TenantKey!];
                    break;
            }

            Check(await users.CreateAsync(user, DemoPassword), account.UserName);
            Check(await users.AddToRoleAsync(user, account.Role.ToString()), account.UserName);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

/// <summary>A demo account of DESIGN §7.</summary>
public sealed record DemoAccount(string UserName, string DisplayName, UserRole Role, string? TenantKey);
