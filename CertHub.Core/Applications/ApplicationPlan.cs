using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.Applications;

/// <summary>
/// 申报计划: a province's call for pilot applications in one year and batch (第一批, 第二批, ...), open for a
/// time window to all certificates or to a listed part of them. Its status follows from time (<see cref="StatusAt"/>).
/// </summary>
public sealed class ApplicationPlan : Entity
{
    public const int TitleMaxLength = 100;

    private readonly List<ApplicationPlanCertificate> _openCertificates = [];

    private ApplicationPlan()
    {
    }

    public int ProvinceId { get; private set; }

    /// <summary>申报年度.</summary>
    public int Year { get; private set; }

    /// <summary>申报批次 (1 = 第一批).</summary>
    public int Batch { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>申报开始时间 (inclusive).</summary>
    public DateTimeOffset StartUtc { get; private set; }

    /// <summary>申报结束时间 (exclusive).</summary>
    public DateTimeOffset EndUtc { get; private set; }

    /// <summary>是否要求按专业填报.</summary>
    public bool RequiresByMajor { get; private set; }

    /// <summary>是否要求地市级教育局审批.</summary>
    public bool RequiresCityApproval { get; private set; }

    /// <summary>开放证书范围.</summary>
    public OpenScope OpenScope { get; private set; }

    /// <summary>The certificates and levels open when <see cref="OpenScope"/> is 部分.</summary>
    public IReadOnlyList<ApplicationPlanCertificate> OpenCertificates => _openCertificates;

    /// <summary>申报批次 as the manual prints it: 第一批, 第七批.</summary>
    public string BatchName => BatchNameOf(Batch);

    public static ApplicationPlan Create(
        int provinceId,
        int year,
        int batch,
        string title,
        DateTimeOffset startUtc,
        DateTimeOffset endUtc,
        bool requiresByMajor,
        bool requiresCityApproval,
        OpenScope openScope,
        IEnumerable<(int CertificateId, CertificateLevel Level)>? openCertificates = null)
    {
        var plan = new ApplicationPlan { ProvinceId = provinceId };
        plan.Update(year, batch, title, startUtc, endUtc, requiresByMajor, requiresCityApproval, openScope, openCertificates);
        return plan;
    }

    public void Update(
        int year,
        int batch,
        string title,
        DateTimeOffset startUtc,
        DateTimeOffset endUtc,
        bool requiresByMajor,
        bool requiresCityApproval,
        OpenScope openScope,
        IEnumerable<(int CertificateId, CertificateLevel Level)>? openCertificates = null)
    {
        DomainRuleException.ThrowIf(year is < 2000 or > 2100, "申报年度不正确");
        DomainRuleException.ThrowIf(batch is < 1 or > 99, "申报批次应在1到99之间");
        DomainRuleException.ThrowIf(endUtc <= startUtc, "申报结束时间必须晚于开始时间");
        var wanted = (openCertificates ?? []).Distinct().ToList();
        DomainRuleException.ThrowIf(openScope == OpenScope.Partial && wanted.Count == 0, "开放证书范围为“部分”时，请至少选择一个证书");

        Year = year;
        Batch = batch;
        Title = Guard.Required(title, "计划名称", TitleMaxLength);
        StartUtc = startUtc;
        EndUtc = endUtc;
        RequiresByMajor = requiresByMajor;
        RequiresCityApproval = requiresCityApproval;
        OpenScope = openScope;

        if (openScope == OpenScope.All)
        {
            wanted.Clear();
        }

        _openCertificates.RemoveAll(c => !wanted.Contains((c.CertificateId, c.Level)));
        foreach (var (certificateId, level) in wanted.Where(w => !_openCertificates.Any(c => c.CertificateId == w.CertificateId && c.Level == w.Level)))
        {
            _openCertificates.Add(new ApplicationPlanCertificate(certificateId, level));
        }
    }

    /// <summary>未开始 before <see cref="StartUtc"/>, 进行中 from it until <see cref="EndUtc"/>, 已结束 from then on.</summary>
    public ApplicationPlanStatus StatusAt(DateTimeOffset now) =>
        now < StartUtc ? ApplicationPlanStatus.NotStarted
        : now < EndUtc ? ApplicationPlanStatus.InProgress
        : ApplicationPlanStatus.Ended;

    /// <summary>True when a school may apply now for this certificate and level (plan 进行中 and the certificate in scope).</summary>
    public bool IsOpenFor(int certificateId, CertificateLevel level, DateTimeOffset now) =>
        StatusAt(now) == ApplicationPlanStatus.InProgress
        && (OpenScope == OpenScope.All || _openCertificates.Any(c => c.CertificateId == certificateId && c.Level == level));

    /// <summary>第一批 ... 第九十九批.</summary>
    public static string BatchNameOf(int batch) => $"第{ChineseNumber(batch)}批";

    private static string ChineseNumber(int n)
    {
        const string digits = "零一二三四五六七八九";
        if (n is < 1 or > 99)
        {
            return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (n < 10)
        {
            return digits[n].ToString();
        }

        var tens = n / 10;
        var ones = n % 10;
        return (tens == 1 ? "" : digits[tens].ToString()) + "十" + (ones == 0 ? "" : digits[ones].ToString());
    }
}

/// <summary>A certificate and level open in a plan whose scope is 部分.</summary>
public sealed class ApplicationPlanCertificate
{
    private ApplicationPlanCertificate()
    {
    }

    internal ApplicationPlanCertificate(int certificateId, CertificateLevel level)
    {
        CertificateId = certificateId;
        Level = level;
    }

    public int ApplicationPlanId { get; private set; }

    public int CertificateId { get; private set; }

    public CertificateLevel Level { get; private set; }
}
