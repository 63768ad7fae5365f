using CertHub.Core.Catalog;
using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Applications;

/// <summary>
/// 申报计划: a province creates and edits its plans per year and batch; schools read the plans of their province
/// (查看申报计划). Status follows from time. Tenancy filters narrow the plans to the user's province.
/// </summary>
public sealed class ApplicationPlanService(ICertHubDbFactory dbFactory, ICurrentUser currentUser, IChangeFeed changes, TimeProvider clock)
{
    public bool CanManage => currentUser.IsProvince() && currentUser.ProvinceId is not null;

    /// <summary>The plans the user may see, newest first.</summary>
    public async Task<IReadOnlyList<ApplicationPlanListItem>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var plans = await Visible(db).OrderByDescending(p => p.Year).ThenByDescending(p => p.Batch).ToListAsync(ct);
        var names = await CertificateNamesAsync(db, ct);
        var now = clock.GetUtcNow();
        return [.. plans.Select(p => ToItem(p, names, now))];
    }

    public async Task<ApplicationPlanDetail?> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var plan = await Visible(db).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return null;
        }

        var names = await CertificateNamesAsync(db, ct);
        return new ApplicationPlanDetail(ToItem(plan, names, clock.GetUtcNow()), [.. plan.OpenCertificates.Select(c => new CertificateLevelKey(c.CertificateId, c.Level))])
        {
            Version = plan.RowVersion,
        };
    }

    /// <summary>开放证书范围 options: every enabled certificate at each of its levels.</summary>
    public async Task<IReadOnlyList<CertificateLevelOption>> CertificateOptionsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await AllCertificateLevelsAsync(db, ct);
    }

    /// <summary>新增申报计划; a province holds one plan per year and batch.</summary>
    public async Task<int> CreateAsync(ApplicationPlanInput input, CancellationToken ct)
    {
        var provinceId = RequireProvince();
        await using var db = await dbFactory.CreateAsync(ct);
        var plan = ApplicationPlan.Create(provinceId, input.Year, input.Batch, input.Title, input.StartUtc, input.EndUtc,
            input.RequiresByMajor, input.RequiresCityApproval, input.OpenScope, Open(input));
        await EnsureUniqueAsync(db, provinceId, input, null, ct);
        db.Set<ApplicationPlan>().Add(plan);
        await db.SaveChangesAsync(ct);
        changes.Publish(new ChangeNotice(ApplicationTopics.Applications, ProvinceId: provinceId));
        return plan.Id;
    }

    /// <summary>编辑申报计划.</summary>
    public async Task UpdateAsync(int id, ApplicationPlanInput input, CancellationToken ct)
    {
        var provinceId = RequireProvince();
        await using var db = await dbFactory.CreateAsync(ct);
        var plan = await db.Set<ApplicationPlan>().AsTracking().Include(p => p.OpenCertificates)
            .FirstOrDefaultAsync(p => p.Id == id && p.ProvinceId == provinceId, ct) ?? throw new DomainRuleException("申报计划不存在");
        plan.EnsureVersion(input.Version);
        plan.Update(input.Year, input.Batch, input.Title, input.StartUtc, input.EndUtc, input.RequiresByMajor, input.RequiresCityApproval, input.OpenScope, Open(input));
        await EnsureUniqueAsync(db, provinceId, input, id, ct);
        await db.SaveChangesAsync(ct);
        changes.Publish(new ChangeNotice(ApplicationTopics.Applications, ProvinceId: provinceId));
    }

    internal static async Task<IReadOnlyList<CertificateLevelOption>> AllCertificateLevelsAsync(ICertHubDb db, CancellationToken ct)
    {
        var certificates = await db.Set<Certificate>().AsNoTracking().Include(c => c.Levels).Include(c => c.Organization)
            .Where(c => c.Status == EnablementStatus.Enabled).OrderBy(c => c.Name).ToListAsync(ct);
        return [.. certificates.SelectMany(c => c.Levels.OrderBy(l => l.Level).Select(l => new CertificateLevelOption(c.Id, l.Level, c.Name, c.Organization?.Name ?? "")))];
    }

    internal static ApplicationPlanListItem ToItem(ApplicationPlan p, IReadOnlyDictionary<int, string> names, DateTimeOffset now) =>
        new(p.Id, p.Year, p.Batch, p.Title, p.StartUtc, p.EndUtc, p.RequiresByMajor, p.RequiresCityApproval, p.OpenScope,
            [.. p.OpenCertificates.Select(c => $"{names.GetValueOrDefault(c.CertificateId, "#" + c.CertificateId)}({c.Level.ToDisplayName()})")],
            p.StatusAt(now));

    internal static async Task<IReadOnlyDictionary<int, string>> CertificateNamesAsync(ICertHubDb db, CancellationToken ct) =>
        await db.Set<Certificate>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);

    private static IEnumerable<(int, CertificateLevel)> Open(ApplicationPlanInput input) =>
        input.OpenCertificates.Select(c => (c.CertificateId, c.Level));

    private static async Task EnsureUniqueAsync(ICertHubDb db, int provinceId, ApplicationPlanInput input, int? id, CancellationToken ct) =>
        DomainRuleException.ThrowIf(
            await db.Set<ApplicationPlan>().AnyAsync(p => p.ProvinceId == provinceId && p.Year == input.Year && p.Batch == input.Batch && p.Id != id, ct),
            $"{input.Year}年度{ApplicationPlan.BatchNameOf(input.Batch)}申报计划已存在");

    private static IQueryable<ApplicationPlan> Visible(ICertHubDb db) =>
        db.Set<ApplicationPlan>().AsNoTracking().Include(p => p.OpenCertificates);

    private int RequireProvince() =>
        CanManage ? currentUser.ProvinceId!.Value : throw new DomainRuleException("只有省级教育行政部门可以维护申报计划");
}
