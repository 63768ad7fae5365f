using CertHub.Core.Catalog;
using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.ExamSites;

/// <summary>
/// 5.2.4 考核站点: a school declares its sites (申报, 编辑, 删除, 批量删除, 提交, 撤销); the certificate's organisation reviews
/// them (审核通过 / 审核退回) against the 考核站点建设标准. Tenancy filters narrow every query; a school lists only its own sites,
/// an organisation only submitted sites of its certificates.
/// </summary>
public sealed class ExamSiteService(ICertHubDbFactory dbFactory, ICurrentUser currentUser, IChangeFeed changes, TimeProvider clock)
{
    public const string AlreadyDeclared = "已经申报过考核站点，不允许再次提交";
    public const string NotFound = "考核站点不存在";

    public bool CanManage => currentUser.IsSchool() && currentUser.SchoolId is not null;

    public bool CanReview => currentUser.IsOrganization() && currentUser.OrganizationId is not null;

    public async Task<PagedResult<ExamSiteListItem>> ListAsync(ExamSiteFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = await Project(db, Filtered(db, filter)).ToPagedAsync(page, ct);
        return new PagedResult<ExamSiteListItem>([.. rows.Items.Select(Map)], rows.TotalCount, rows.Page, rows.PageSize);
    }

    public async Task<IReadOnlyDictionary<ExamSiteStatus, int>> CountsAsync(ExamSiteFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var counts = await Filtered(db, filter with { Status = null }).GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Statuses.ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    /// <summary>The statuses the user's tabs show (an organisation never sees 未提交).</summary>
    public IReadOnlyList<ExamSiteStatus> Statuses =>
        CanReview ? [ExamSiteStatus.Pending, ExamSiteStatus.Approved, ExamSiteStatus.Returned] : Enum.GetValues<ExamSiteStatus>();

    /// <summary>查看, with 审核记录 and the matching 考核站点建设标准; null when not visible.</summary>
    public async Task<ExamSiteDetail?> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var row = await Project(db, Own(db).Where(s => s.Id == id)).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var site = await db.Set<ExamSite>().AsNoTracking().Include(s => s.Reviews).FirstAsync(s => s.Id == id, ct);
        var levels = row.Levels;
        var standards = await db.Set<SiteStandard>().AsNoTracking()
            .Where(s => s.CertificateId == site.CertificateId && levels.Contains(s.Level) && s.Status == EnablementStatus.Enabled)
            .OrderBy(s => s.Level)
            .Select(s => new SiteStandardRow(s.Level, s.Name, s.Version, s.MinimumSeats, s.VenueRequirements, s.EquipmentRequirements))
            .ToListAsync(ct);
        return new ExamSiteDetail(Map(row), site.CertificateId, site.Equipment,
            [.. site.Reviews.OrderBy(r => r.OccurredUtc).Select(r => new ExamSiteReviewRow(r.Action, r.ToStatus, r.Opinion, r.ActorName, r.OccurredUtc))],
            standards)
        {
            Version = site.RowVersion,
        };
    }

    /// <summary>申报考核站点 options: enabled certificates with their levels.</summary>
    public async Task<IReadOnlyList<SiteCertificateOption>> CertificateOptionsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var certificates = await db.Set<Certificate>().AsNoTracking().Include(c => c.Levels).Include(c => c.Organization)
            .Where(c => c.Status == EnablementStatus.Enabled).OrderBy(c => c.Name).ToListAsync(ct);
        return [.. certificates.Select(c => new SiteCertificateOption(c.Id, c.Name, c.Organization?.Name ?? "", [.. c.Levels.Select(l => l.Level).Order()]))];
    }

    /// <summary>The generated 考核站点名称 for the current school (a preview on the form).</summary>
    public async Task<string> PreviewNameAsync(int certificateId, IReadOnlyList<CertificateLevel> levels, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        await using var db = await dbFactory.CreateAsync(ct);
        var school = await db.Set<PilotSchool>().AsNoTracking().FirstAsync(s => s.Id == schoolId, ct);
        var certificate = await db.Set<Certificate>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == certificateId, ct);
        return certificate is null || levels.Count == 0 ? "" : ExamSite.BuildName(school.Name, certificate.Name, levels);
    }

    /// <summary>申报考核站点 (未提交); one site per school and certificate.</summary>
    public async Task<int> CreateAsync(ExamSiteInput input, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        await using var db = await dbFactory.CreateAsync(ct);
        var (school, certificate) = await LoadCatalogAsync(db, schoolId, input.CertificateId, ct);
        DomainRuleException.ThrowIf(await db.Set<ExamSite>().AnyAsync(s => s.SchoolId == schoolId && s.CertificateId == input.CertificateId, ct), AlreadyDeclared);
        var site = ExamSite.Create(school, certificate, input.Levels, input.Address, input.SeatCount, input.ContactName, input.ContactPhone, clock.GetUtcNow(), input.Equipment);
        db.Set<ExamSite>().Add(site);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainRuleException(AlreadyDeclared);
        }

        Publish(site);
        return site.Id;
    }

    /// <summary>编辑 (未提交/审核退回).</summary>
    public async Task UpdateAsync(int id, ExamSiteInput input, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        await using var db = await dbFactory.CreateAsync(ct);
        var site = await LoadOwnAsync(db, id, ct);
        site.EnsureVersion(input.Version);
        var (school, certificate) = await LoadCatalogAsync(db, schoolId, input.CertificateId, ct);
        site.Edit(school, certificate, input.Levels, input.Address, input.SeatCount, input.ContactName, input.ContactPhone, input.Equipment);
        await db.SaveChangesAsync(ct);
        Publish(site);
    }

    /// <summary>删除 / 批量删除: only sites in 未提交/审核退回; the others are reported.</summary>
    public async Task<ExamSiteBatchResult> DeleteManyAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        DomainRuleException.ThrowIf(ids.Count == 0, "请选择考核站点");
        await using var db = await dbFactory.CreateAsync(ct);
        var sites = await db.Set<ExamSite>().AsTracking().Where(s => s.SchoolId == schoolId && ids.Contains(s.Id)).ToListAsync(ct);
        var failures = ids.Except(sites.Select(s => s.Id)).Select(id => $"#{id}：{NotFound}").ToList();
        foreach (var site in sites)
        {
            if (site.CanDelete)
            {
                db.Set<ExamSite>().Remove(site);
            }
            else
            {
                failures.Add($"{site.Name}：状态为“{site.Status.ToDisplayName()}”，不能删除");
            }
        }

        await db.SaveChangesAsync(ct);
        changes.Publish(new ChangeNotice(ExamSiteTopics.Sites, SchoolId: schoolId));
        return new ExamSiteBatchResult(ids.Count - failures.Count, failures);
    }

    /// <summary>提交: 未提交/审核退回 → 待审核.</summary>
    public Task SubmitAsync(int id, CancellationToken ct) => SchoolActAsync(id, (s, actor, now) => s.Submit(actor, now), ct);

    /// <summary>撤销: 待审核 → 未提交.</summary>
    public Task WithdrawAsync(int id, CancellationToken ct) => SchoolActAsync(id, (s, actor, now) => s.Withdraw(actor, now), ct);

    /// <summary>审核通过 (organisation of the certificate).</summary>
    public Task ApproveAsync(int id, string? opinion, CancellationToken ct) => ApproveAsync(id, opinion, null, ct);

    /// <summary>审核通过 of the version the review dialog showed: refused when the school changed the site since.</summary>
    public Task ApproveAsync(int id, string? opinion, long? version, CancellationToken ct) =>
        ReviewAsync(id, version, (s, actor, now) => s.Approve(actor, now, opinion), ct);

    /// <summary>审核退回 with the opinion (required).</summary>
    public Task ReturnAsync(int id, string reason, CancellationToken ct) => ReturnAsync(id, reason, null, ct);

    /// <summary>审核退回 of the version the review dialog showed.</summary>
    public Task ReturnAsync(int id, string reason, long? version, CancellationToken ct) =>
        ReviewAsync(id, version, (s, actor, now) => s.Return(reason, actor, now), ct);

    private async Task SchoolActAsync(int id, Action<ExamSite, string, DateTimeOffset> action, CancellationToken ct)
    {
        RequireSchool();
        await using var db = await dbFactory.CreateAsync(ct);
        var site = await LoadOwnAsync(db, id, ct);
        action(site, currentUser.ActorName(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Publish(site);
    }

    private async Task ReviewAsync(int id, long? version, Action<ExamSite, string, DateTimeOffset> action, CancellationToken ct)
    {
        var organizationId = CanReview ? currentUser.OrganizationId!.Value : throw new DomainRuleException("只有培训评价组织可以审核考核站点");
        await using var db = await dbFactory.CreateAsync(ct);
        var site = await db.Set<ExamSite>().AsTracking().Include(s => s.Reviews)
            .FirstOrDefaultAsync(s => s.Id == id && s.OrganizationId == organizationId, ct) ?? throw new DomainRuleException(NotFound);
        site.EnsureVersion(version);
        action(site, currentUser.ActorName(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Publish(site);
    }

    private async Task<ExamSite> LoadOwnAsync(ICertHubDb db, int id, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        return await db.Set<ExamSite>().AsTracking().Include(s => s.Levels).Include(s => s.Reviews)
            .FirstOrDefaultAsync(s => s.Id == id && s.SchoolId == schoolId, ct) ?? throw new DomainRuleException(NotFound);
    }

    private static async Task<(PilotSchool School, Certificate Certificate)> LoadCatalogAsync(ICertHubDb db, int schoolId, int certificateId, CancellationToken ct)
    {
        var school = await db.Set<PilotSchool>().AsNoTracking().FirstAsync(s => s.Id == schoolId, ct);
        var certificate = await db.Set<Certificate>().AsNoTracking().Include(c => c.Levels).FirstOrDefaultAsync(c => c.Id == certificateId, ct)
            ?? throw new DomainRuleException("请选择考核证书");
        return (school, certificate);
    }

    private int RequireSchool() =>
        CanManage ? currentUser.SchoolId!.Value : throw new DomainRuleException("只有试点院校可以申报考核站点");

    /// <summary>A school's own sites; an organisation's submitted sites of its certificates; others what tenancy allows.</summary>
    private IQueryable<ExamSite> Own(ICertHubDb db)
    {
        var query = db.Set<ExamSite>().AsNoTracking();
        if (CanManage)
        {
            var schoolId = currentUser.SchoolId!.Value;
            return query.Where(s => s.SchoolId == schoolId);
        }

        if (CanReview)
        {
            var organizationId = currentUser.OrganizationId!.Value;
            return query.Where(s => s.OrganizationId == organizationId && s.Status != ExamSiteStatus.Draft);
        }

        return query;
    }

    private IQueryable<ExamSite> Filtered(ICertHubDb db, ExamSiteFilter filter)
    {
        var query = Own(db);
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            query = query.Where(s => s.Name.Contains(name));
        }

        if (!string.IsNullOrWhiteSpace(filter.CertificateName))
        {
            var name = filter.CertificateName.Trim();
            query = query.Where(s => db.Set<Certificate>().Any(c => c.Id == s.CertificateId && c.Name.Contains(name)));
        }

        if (!string.IsNullOrWhiteSpace(filter.SchoolName))
        {
            var name = filter.SchoolName.Trim();
            query = query.Where(s => db.Set<PilotSchool>().Any(x => x.Id == s.SchoolId && x.Name.Contains(name)));
        }

        if (filter.Status is ExamSiteStatus status)
        {
            query = query.Where(s => s.Status == status);
        }

        return query;
    }

    private static IQueryable<Row> Project(ICertHubDb db, IQueryable<ExamSite> query) =>
        query.OrderByDescending(s => s.Id).Select(s => new Row(s.Id, s.Name,
            db.Set<PilotSchool>().Where(x => x.Id == s.SchoolId).Select(x => x.Name).FirstOrDefault() ?? "",
            db.Set<Certificate>().Where(c => c.Id == s.CertificateId).Select(c => c.Name).FirstOrDefault() ?? "",
            db.Set<Organization>().Where(o => o.Id == s.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? "",
            s.Levels.Select(l => l.Level).ToList(), s.Address, s.SeatCount, s.ContactName, s.ContactPhone, s.Status, s.CreatedUtc));

    private static ExamSiteListItem Map(Row r) =>
        new(r.Id, r.Name, r.SchoolName, r.CertificateName, r.OrganizationName, r.Levels, r.Address, r.SeatCount, r.ContactName, r.ContactPhone, r.Status, r.CreatedUtc);

    private void Publish(ExamSite site) =>
        changes.Publish(new ChangeNotice(ExamSiteTopics.Sites, SchoolId: site.SchoolId, OrganizationId: site.OrganizationId));

    private sealed record Row(int Id, string Name, string SchoolName, string CertificateName, string OrganizationName, List<CertificateLevel> Levels,
        string Address, int SeatCount, string ContactName, string ContactPhone, ExamSiteStatus Status, DateTimeOffset CreatedUtc);
}
