using System.Globalization;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Invigilators;

namespace CertHub.Data.Seed;

public sealed partial class OperationsDemoSeeder
{
    private const int CandidatesPerSchool = 30;
    private const int SchoolCandidatesPerSchool = 22;

    private static readonly (string Hanzi, string Pinyin)[] Surnames =
    [
        ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("赵", "Zhao"), ("黄", "Huang"),
        ("周", "Zhou"), ("吴", "Wu"), ("徐", "Xu"), ("孙", "Sun"), ("胡", "Hu"), ("朱", "Zhu"), ("高", "Gao"), ("林", "Lin"),
        ("何", "He"), ("郭", "Guo"), ("马", "Ma"), ("罗", "Luo"), ("梁", "Liang"), ("宋", "Song"), ("郑", "Zheng"), ("谢", "Xie"),
        ("韩", "Han"), ("唐", "Tang"), ("冯", "Feng"), ("于", "Yu"), ("董", "Dong"), ("萧", "Xiao"), ("程", "Cheng"),
    ];

    private static readonly (string Hanzi, string Pinyin)[] GivenNames =
    [
        ("子涵", "Zihan"), ("浩然", "Haoran"), ("雨萱", "Yuxuan"), ("梓轩", "Zixuan"), ("欣怡", "Xinyi"), ("宇航", "Yuhang"),
        ("思远", "Siyuan"), ("佳怡", "Jiayi"), ("俊杰", "Junjie"), ("诗涵", "Shihan"), ("一鸣", "Yiming"), ("晓彤", "Xiaotong"),
        ("明轩", "Mingxuan"), ("雅琪", "Yaqi"), ("博文", "Bowen"), ("婉清", "Wanqing"), ("天宇", "Tianyu"), ("静怡", "Jingyi"),
        ("志强", "Zhiqiang"), ("梦瑶", "Mengyao"), ("嘉豪", "Jiahao"), ("若曦", "Ruoxi"), ("文博", "Wenbo"), ("慧敏", "Huimin"),
        ("建国", "Jianguo"), ("秀英", "Xiuying"), ("伟", "Wei"), ("芳", "Fang"), ("磊", "Lei"), ("婷", "Ting"), ("洋", "Yang"),
        ("敏", "Min"), ("静", "Jing"), ("强", "Qiang"), ("丽", "Li"), ("军", "Jun"), ("杰", "Jie"),
    ];

    private static readonly string[] BeijingRegions = ["110101", "110102", "110105", "110106", "110107", "110108"];
    private static readonly string[] WuhanRegions = ["420102", "420103", "420106", "420111"];

    private static readonly string[] ManualCheckReasons =
    [
        "照片像素应为295*413（当前200*260）",
        "公安人像比对相似度较低，需人工核对",
        "照片大小不能超过200KB",
    ];

    private static async Task SeedCandidatesAsync(CertHubDbContext db, SeedState state, CancellationToken ct)
    {
        var global = 0;
        foreach (var (code, school) in state.Schools.OrderBy(s => s.Value.Id))
        {
            var created = state.Now.AddDays(-160);
            var regions = code == Wipe ? WuhanRegions : BeijingRegions;
            var list = new List<Candidate>();
            for (var i = 0; i < CandidatesPerSchool; i++, global++)
            {
                var isSchool = i < SchoolCandidatesPerSchool;
                var (name, pinyin) = PersonName(global);
                var birth = isSchool ? new DateOnly(2001 + i % 4, 1 + i % 12, 1 + global % 28) : new DateOnly(1985 + i % 12, 1 + global % 12, 3 + i % 25);
                var id = ResidentId(regions[global % regions.Length], birth, 100 + global);
                var major = isSchool ? state.Majors.GetValueOrDefault(SchoolMajors[code][i % SchoolMajors[code].Length]) : null;
                var details = new CandidateDetails(name, pinyin, IdType.ResidentIdCard, id, Phone: $"13{5 + global % 5}{20000000 + global * 7919 % 9999999:D8}",
                    MajorId: major?.Id, MajorLevel: major?.Level, EnrollmentYear: isSchool ? state.Year - 1 - i % 3 : null);
                var at = created.AddMinutes(global);
                var candidateNo = CandidateNoGenerator.Generate(id[..6], state.Year, at, global + 1);
                var candidate = Candidate.Create(school.Id, isSchool ? CandidateType.SchoolCandidate : CandidateType.PublicCandidate, candidateNo, details, at);
                MoveCandidate(candidate, i, state.Contacts.GetValueOrDefault(school.Id, "管理员"), at);
                list.Add(candidate);
            }

            state.CandidatesBySchool[school.Id] = list;
            db.AddRange(list);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Moves a candidate to its information status: 无照片, 信息待认证, 需人工确认 or 信息准确 (some after 人工确认).</summary>
    private static void MoveCandidate(Candidate candidate, int index, string actor, DateTimeOffset created)
    {
        var step = index % 10;
        if (step == 7)
        {
            return;
        }

        candidate.AttachPhoto(PhotoPath, actor, created.AddDays(1));
        if (step == 8)
        {
            return;
        }

        if (step is 9 or 6)
        {
            candidate.ApplyVerification(IdentityVerificationResult.Doubtful(ManualCheckReasons[index % ManualCheckReasons.Length]), actor, created.AddDays(2));
            if (step == 6)
            {
                candidate.ConfirmManually(actor, created.AddDays(3));
            }

            return;
        }

        candidate.ApplyVerification(IdentityVerificationResult.Accurate, actor, created.AddDays(2));
    }

    private static async Task SeedInvigilatorsAsync(CertHubDbContext db, SeedState state, CancellationToken ct)
    {
        string[] titles = ["讲师", "副教授", "教授", "助教", "高级实验师"];
        string[] departments = ["信息工程学院", "经济管理学院", "计算机学院", "教务处"];
        var created = state.Now.AddDays(-140);
        var global = 500;
        foreach (var school in state.Schools.Values.OrderBy(s => s.Id))
        {
            var regions = school.ProvinceId == state.Provinces["42"].Id ? WuhanRegions : BeijingRegions;
            var list = new List<Invigilator>();
            for (var i = 0; i < 7; i++, global++)
            {
                var (name, _) = PersonName(global);
                var id = ResidentId(regions[i % regions.Length], new DateOnly(1975 + i * 2, 1 + i, 10 + i), 200 + global);
                list.Add(Invigilator.Create(school.Id, Invigilator.TeacherNoOf(global - 499), name, id, $"139{10000000 + global * 3571 % 9999999:D8}",
                    school.ProvinceId == state.Provinces["42"].Id ? "湖北省武汉市洪山区" : i % 2 == 0 ? "北京市北京市海淀区" : "北京市北京市丰台区", titles[i % titles.Length], departments[i % departments.Length], created));
            }

            state.InvigilatorsBySchool[school.Id] = list;
            db.AddRange(list);
        }

        await db.SaveChangesAsync(ct);
        SeedCertifications(state, created);
        db.AddRange(state.Certifications);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>考评员认证: the first four of a school are 已认证 for every level its approved sites examine; then 待认证, 认证退回, 未提交.</summary>
    private static void SeedCertifications(SeedState state, DateTimeOffset created)
    {
        foreach (var (schoolId, invigilators) in state.InvigilatorsBySchool)
        {
            var levels = state.Sites.Where(s => s.SchoolId == schoolId && s.Status == Core.ExamSites.ExamSiteStatus.Approved)
                .SelectMany(s => s.Levels.Select(l => (s.CertificateId, l.Level))).ToList();
            if (levels.Count == 0)
            {
                levels.Add((state.Certificates[Web].Id, CertificateLevel.Intermediate));
            }

            for (var i = 0; i < invigilators.Count; i++)
            {
                var targets = i < 4 ? levels : levels.Take(1).ToList();
                foreach (var (certificateId, level) in targets)
                {
                    var certification = InvigilatorCertification.Create(invigilators[i].Id, certificateId, state.Certificate(certificateId).OrganizationId, level, created.AddDays(1));
                    var school = state.Contacts.GetValueOrDefault(schoolId, "管理员");
                    if (i < 6)
                    {
                        certification.Submit(school, created.AddDays(2));
                    }

                    if (i < 4)
                    {
                        certification.Certify("审核员", created.AddDays(4));
                    }
                    else if (i == 5)
                    {
                        certification.Return("缺少考评员培训合格证明，请补充后重新提交", "审核员", created.AddDays(4));
                    }

                    state.Certifications.Add(certification);
                }
            }
        }
    }

    private static (string Name, string Pinyin) PersonName(int index)
    {
        var surname = Surnames[index % Surnames.Length];
        var given = GivenNames[(index * 7 + index / Surnames.Length) % GivenNames.Length];
        return (surname.Hanzi + given.Hanzi, $"{surname.Pinyin} {given.Pinyin}");
    }

    /// <summary>A valid 18-digit 居民身份证号码 (GB 11643 MOD 11-2 check character).</summary>
    private static string ResidentId(string region, DateOnly birth, int sequence)
    {
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{region}{birth:yyyyMMdd}{sequence % 1000:D3}");
        return first17 + IdNumber.CheckCharacter(first17);
    }
}
