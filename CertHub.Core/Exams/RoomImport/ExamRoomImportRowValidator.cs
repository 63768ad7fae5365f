using System.Globalization;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Imports;

namespace CertHub.Core.Exams.RoomImport;

/// <summary>
/// Checks one 考场信息 row at a time (pure: everything it looks up is handed in): the plan is one the school may set rooms
/// on, the site is the school's or allocated to it for that plan, the certificate and level match the site and the plan,
/// the 科目编号 are the plan's subjects of that level, the name is new in the plan + site + certificate (in the database and
/// earlier in the file); then <see cref="ExamRoom.Create"/> applies the room's own rules. All problems of a row are joined.
/// </summary>
public sealed class ExamRoomImportRowValidator(
    IReadOnlyList<ExamPlan> openPlans,
    IReadOnlyDictionary<int, Dictionary<int, AccessibleSite>> sitesByPlan,
    IReadOnlyDictionary<int, string> certificateNames,
    IReadOnlyDictionary<int, ExamSubject> subjects,
    ISet<(int PlanId, int SiteId, int CertificateId, string Name)> takenNames,
    DateTimeOffset now)
{
    private readonly Dictionary<(int, int, int, string), int> _seen = [];

    /// <summary>The room to save, or the reason the row was rejected.</summary>
    public (ExamRoom? Room, string? Reason) Validate(ExamRoomImportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var reasons = new List<string>();
        var planName = Required(row.Plan, ExamRoomImportTemplate.Plan, reasons);
        var siteName = Required(row.Site, ExamRoomImportTemplate.Site, reasons);
        var certificateName = Required(row.Certificate, ExamRoomImportTemplate.Certificate, reasons);
        var levelText = Required(row.Level, ExamRoomImportTemplate.Level, reasons);
        var subjectText = Required(row.Subjects, ExamRoomImportTemplate.Subjects, reasons);
        var name = Required(row.Name, ExamRoomImportTemplate.Name, reasons);
        var address = Required(row.Address, ExamRoomImportTemplate.Address, reasons);
        var seats = SeatCount(row.SeatCount, reasons);

        var plan = planName is null ? null : Plan(planName, reasons);
        var site = plan is null || siteName is null ? null : Site(plan, siteName, reasons);
        if (site is not null && certificateName is not null && certificateNames.GetValueOrDefault(site.Site.CertificateId) != certificateName)
        {
            reasons.Add($"考试证书“{certificateName}”与考核站点的证书不一致");
        }

        var level = levelText is null ? null : EnumDisplay.FromDisplayName<CertificateLevel>(levelText);
        if (levelText is not null && level is null)
        {
            reasons.Add($"证书等级“{levelText}”不正确");
        }
        else if (level is CertificateLevel l && site is not null && !site.Levels.Contains(l))
        {
            reasons.Add($"考试计划或考核站点不包含{l.ToDisplayName()}");
        }

        var roomSubjects = plan is null || site is null || level is null || subjectText is null ? null : Subjects(plan, site, level.Value, subjectText, reasons);
        if (reasons.Count > 0 || plan is null || site is null || level is null || roomSubjects is null || name is null || address is null || seats is null)
        {
            return (null, string.Join("；", reasons.Distinct()));
        }

        var key = (plan.Id, site.Site.Id, site.Site.CertificateId, name);
        if (takenNames.Contains(key))
        {
            return (null, ExamRoomService.DuplicateName);
        }

        if (_seen.TryGetValue(key, out var first))
        {
            return (null, $"与第{first}行的考场名称重复");
        }

        try
        {
            var room = ExamRoom.Create(plan, site.Site, level.Value, roomSubjects, name, address, seats.Value, now);
            _seen[key] = row.RowNumber;
            return (room, null);
        }
        catch (DomainRuleException ex)
        {
            return (null, ex.Message);
        }
    }

    private ExamPlan? Plan(string name, List<string> reasons)
    {
        var matches = openPlans.Where(p => p.Name == name).ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }

        reasons.Add(matches.Count == 0
            ? $"考试计划“{name}”不存在，或未发布、参考院校不包含本校、已开始排考"
            : $"考试计划名称“{name}”不唯一，请联系培训评价组织");
        return null;
    }

    private AccessibleSite? Site(ExamPlan plan, string name, List<string> reasons)
    {
        var site = sitesByPlan.GetValueOrDefault(plan.Id)?.Values.FirstOrDefault(s => s.Site.Name == name);
        if (site is null)
        {
            reasons.Add($"考核站点“{name}”不是本校或分配给本校的考核站点，或不包含该考试计划的证书");
        }

        return site;
    }

    private List<ExamSubject>? Subjects(ExamPlan plan, AccessibleSite site, CertificateLevel level, string text, List<string> reasons)
    {
        var codes = text.Split(ExamRoomImportTemplate.SubjectSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var result = new List<ExamSubject>();
        foreach (var code in codes)
        {
            var subject = plan.Subjects.Select(s => subjects.GetValueOrDefault(s.SubjectId))
                .FirstOrDefault(s => s is not null && s.Code == code && s.CertificateId == site.Site.CertificateId && s.Level == level);
            if (subject is null)
            {
                reasons.Add($"科目编号“{code}”不是该考试计划中{level.ToDisplayName()}的考试科目");
            }
            else
            {
                result.Add(subject);
            }
        }

        if (codes.Count == 0)
        {
            reasons.Add("考试科目不能为空");
        }

        return result.Count == codes.Count && codes.Count > 0 ? result : null;
    }

    private static int? SeatCount(string? text, List<string> reasons)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            reasons.Add("考位数不能为空");
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seats) && seats > 0)
        {
            return seats;
        }

        reasons.Add("考位数应为正整数");
        return null;
    }

    private static string? Required(string? value, string field, List<string> reasons) => ImportCells.Required(value, field, reasons);
}
