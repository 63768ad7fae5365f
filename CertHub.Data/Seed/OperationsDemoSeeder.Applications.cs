using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using static CertHub.Core.Catalog.CertificateLevel;

namespace CertHub.Data.Seed;

public sealed partial class OperationsDemoSeeder
{
    /// <summary>The majors of each school's students (院校考生), by major code.</summary>
    private static readonly Dictionary<string, string[]> SchoolMajors = new()
    {
        [Ustb] = ["080901", "510203"],
        [Ncut] = ["510201", "520801"],
        [Bjtu] = ["510201", "530802", "530701"],
        [Wipe] = ["510201", "530303", "510205"],
    };

    private static readonly (string School, string Cert, CertificateLevel Level, int Batch, PilotApplicationStatus Status)[] ApplicationRows =
    [
        (Ustb, Xxh, Intermediate, 2, PilotApplicationStatus.Approved),
        (Ustb, Xxh, Senior, 2, PilotApplicationStatus.Approved),
        (Ustb, Java, Junior, 4, PilotApplicationStatus.Approved),
        (Ustb, Java, Intermediate, 4, PilotApplicationStatus.Approved),
        (Ustb, Xxh, Junior, 5, PilotApplicationStatus.Returned),
        (Ustb, Web, Intermediate, 6, PilotApplicationStatus.UnderReview),
        (Ustb, Java, Senior, 6, PilotApplicationStatus.Draft),
        (Ncut, Xxh, Intermediate, 1, PilotApplicationStatus.Approved),
        (Ncut, Jkgl, Junior, 4, PilotApplicationStatus.Approved),
        (Ncut, Jkgl, Intermediate, 5, PilotApplicationStatus.Returned),
        (Ncut, Xxh, Senior, 6, PilotApplicationStatus.UnderReview),
        (Ncut, Web, Intermediate, 6, PilotApplicationStatus.Draft),
        (Bjtu, Xxh, Junior, 1, PilotApplicationStatus.Approved),
        (Bjtu, Xxh, Intermediate, 1, PilotApplicationStatus.Approved),
        (Bjtu, Xxh, Senior, 2, PilotApplicationStatus.Approved),
        (Bjtu, Wlgl, Intermediate, 2, PilotApplicationStatus.Approved),
        (Bjtu, Wlgl, Senior, 3, PilotApplicationStatus.Returned),
        (Bjtu, Java, Intermediate, 6, PilotApplicationStatus.UnderReview),
        (Bjtu, Wlgl, Junior, 6, PilotApplicationStatus.Draft),
        (Ustb, Zngz, Junior, 6, PilotApplicationStatus.CityReview), // issue 5: 待地市审核 (batch 6 requires 地市级教育局审批)
        (Wipe, Xxh, Intermediate, 1, PilotApplicationStatus.Approved),
        (Wipe, Zngz, Junior, 1, PilotApplicationStatus.Approved),
        (Wipe, Xxh, Junior, 1, PilotApplicationStatus.Returned),
        (Wipe, Zngz, Intermediate, 2, PilotApplicationStatus.UnderReview),
        (Wipe, Xxh, Senior, 2, PilotApplicationStatus.Draft),
    ];

    /// <summary>审批单位 of the 地市级教育局审批 recorded in the demo (issue 5).</summary>
    private static readonly Dictionary<string, string> CityBureaus = new()
    {
        [Ustb] = "北京市海淀区教育委员会",
        [Ncut] = "北京市石景山区教育委员会",
        [Bjtu] = "北京市海淀区教育委员会",
        [Wipe] = "武汉市教育局",
    };

    private static async Task SeedApplicationsAsync(CertHubDbContext db, SeedState state, CancellationToken ct)
    {
        var plans = CreateApplicationPlans(state);
        db.AddRange(plans);
        await db.SaveChangesAsync(ct);

        var index = 0;
        foreach (var row in ApplicationRows)
        {
            var school = state.Schools[row.School];
            var province = state.Provinces.Values.First(p => p.Id == school.ProvinceId);
            var plan = plans.First(p => p.ProvinceId == province.Id && p.Batch == row.Batch);
            var certificate = state.Certificates[row.Cert];
            var created = plan.StartUtc.AddDays(1);
            var application = PilotApplication.Create(plan, school.Id, certificate.Id, row.Level, created);
            var majors = plan.RequiresByMajor ? ApplicationMajors(state, row.School, certificate, index) : [];
            application.Edit(40 + index % 5 * 10, majors,
                $"<p>本专业现有专任教师{12 + index % 6}人，其中{3 + index % 3}人已取得{certificate.Name}培训讲师资格。</p>",
                "<p>学校建有实训室3间，可同时容纳120人开展培训与考核。</p>");
            var signer = state.Contacts.GetValueOrDefault(school.Id, school.ContactName ?? school.Name);
            if (row.Status != PilotApplicationStatus.Draft)
            {
                application.Submit(signer, Past(state, created.AddHours(6)));
            }

            // 地市级教育局审批 (issue 5): recorded by the province for the city bureau before its own review.
            if (application.Status == PilotApplicationStatus.CityReview && row.Status != PilotApplicationStatus.CityReview)
            {
                application.RecordCityDecision(true, CityBureaus[row.School], "同意上报", province.AuthorityName, Past(state, created.AddDays(2)));
            }

            var reviewed = Past(state, created.AddDays(3));
            if (row.Status == PilotApplicationStatus.Approved)
            {
                if (majors.Count > 0)
                {
                    application.Approve(majors.ToDictionary(m => m.MajorId, m => m.RequestedTrainees - 5), province.AuthorityName, reviewed, "同意试点");
                }
                else
                {
                    application.Approve(application.RequestedTotal - index % 3 * 5, province.AuthorityName, reviewed, "同意试点");
                }
            }
            else if (row.Status == PilotApplicationStatus.Returned)
            {
                application.Return("师资情况填写不完整，请补充专任教师取得培训讲师资格的情况后重新提交", province.AuthorityName, reviewed);
            }

            db.Add(application);
            index++;
        }

        await db.SaveChangesAsync(ct);
    }

    private static List<ApplicationPlan> CreateApplicationPlans(SeedState state)
    {
        var now = state.Now;
        int Cert(string code) => state.Certificates[code].Id;
        (int, CertificateLevel)[] AllLevels(params string[] codes) =>
            codes.Where(state.Certificates.ContainsKey).SelectMany(c => Enum.GetValues<CertificateLevel>().Select(l => (Cert(c), l))).ToArray();

        var beijing = state.Provinces["11"].Id;
        var hubei = state.Provinces["42"].Id;
        (int Province, int Batch, int StartDays, int EndDays, bool ByMajor, bool City, (int, CertificateLevel)[] Open)[] rows =
        [
            (beijing, 1, -130, -120, false, false, AllLevels(Xxh, Wlgl)),
            (beijing, 2, -110, -100, false, false, []),
            (beijing, 3, -90, -85, false, true, []),
            (beijing, 4, -70, -60, true, true, AllLevels(Java, Web, Jkgl, Zngz)),
            (beijing, 5, -40, -35, false, false, []),
            (beijing, 6, -5, 20, true, true, []),
            (beijing, 7, 30, 45, false, false, [(Cert(Xxh), Senior)]),
            (hubei, 1, -100, -90, false, false, []),
            (hubei, 2, -3, 25, true, false, AllLevels(Xxh, Zngz)),
        ];
        return rows.Select(r => ApplicationPlan.Create(r.Province, state.Year, r.Batch,
                $"{state.Year}年1+X证书试点申报{ApplicationPlan.BatchNameOf(r.Batch)}",
                now.AddDays(r.StartDays), now.AddDays(r.EndDays), r.ByMajor, r.City,
                r.Open.Length == 0 ? OpenScope.All : OpenScope.Partial, r.Open))
            .ToList();
    }

    private static List<PilotApplicationMajorInput> ApplicationMajors(SeedState state, string schoolCode, Certificate certificate, int index)
    {
        var ids = SchoolMajors[schoolCode].Select(code => state.Majors[code].Id).Where(certificate.AllowsMajor).ToList();
        if (ids.Count == 0)
        {
            ids.Add(certificate.Majors[0].MajorId);
        }

        return ids.Select((id, i) => new PilotApplicationMajorInput(id, 180 + i * 40, 10 + i * 2, 30 + (index + i) % 4 * 5)).ToList();
    }
}
