using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.ExamSites;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Exams;

/// <summary>
/// 5.2.5 考场管理: a school sets the rooms of its sites (and of sites allocated to it) for the exam plans that list it
/// (设置考场 through the cascade 考试计划 → 考核站点 → 考试证书 → 科目, 编辑, 增加考位数, 删除, 沿用); an organisation sees,
/// read-only, the rooms of its plans across schools. What a room allows follows from its time-derived status
/// (<see cref="ExamRoom"/>); this service loads, checks tenancy and the cross-record rules, and saves.
/// </summary>
public sealed class ExamRoomService(ICertHubDbFactory dbFactory, ICurrentUser currentUser, IChangeFeed changes, TimeProvider clock)
{
    public const string NotFound = "考场不存在";
    public const string DuplicateName = "同一考试计划、考核站点、考核证书下考场名称不能重复";
    public const string SchoolOnly = "只有试点院校可以设置考场";

    /// <summary>A school account: sets and changes rooms.</summary>
    public bool CanManage => currentUser.IsSchool() && currentUser.SchoolId is not null;

    /// <summary>An organisation account: sees the rooms of its plans (read-only).</summary>
    public bool IsOrganization => currentUser.IsOrganization() && currentUser.OrganizationId is not null;

    public async Task<PagedResult<ExamRoomListItem>> ListAsync(ExamRoomFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = await Project(db, Filtered(db, filter)).ToPagedAsync(page, ct);
        return new PagedResult<ExamRoomListItem>(await MapAsync(db, rows.Items, ct), rows.TotalCount, rows.Page, rows.PageSize);
    }

    /// <summary>The counts of the status tabs (未排考, 排考中, 已结束) under the other filters.</summary>
    public async Task<IReadOnlyDictionary<ExamRoomStatus, int>> CountsAsync(ExamRoomFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var counts = new Dictionary<ExamRoomStatus, int>();
        foreach (var status in Enum.GetValues<ExamRoomStatus>())
        {
            counts[status] = await Filtered(db, filter with { Status = status }).CountAsync(ct);
        }

        return counts;
    }

    /// <summary>批量导出考场信息: the selected rooms, or every room matching the filter when none is selected.</summary>
    public async Task<IReadOnlyList<ExamRoomListItem>> ExportRowsAsync(ExamRoomFilter filter, IReadOnlyCollection<int> selectedIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var query = selectedIds.Count > 0 ? Visible(db).Where(r => selectedIds.Contains(r.Id)) : Filtered(db, filter);
        return await MapAsync(db, await Project(db, query).ToListAsync(ct), ct);
    }

    /// <summary>查看: one room, or null when the user may not see it.</summary>
    public async Task<ExamRoomListItem?> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = await Project(db, Visible(db).Where(r => r.Id == id)).ToListAsync(ct);
        var items = await MapAsync(db, rows, ct);
        return items.Count == 0 ? null : items[0];
    }

    /// <summary>The filter panel's choices: the plans, sites and certificates of the rooms the user sees.</summary>
    public async Task<ExamRoomFilterOptions> FilterOptionsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var rooms = Visible(db);
        var plans = await db.Set<ExamPlan>().IgnoreQueryFilters().Where(p => rooms.Any(r => r.ExamPlanId == p.Id))
            .OrderByDescending(p => p.Id).Select(p => new ExamRoomOption(p.Id, p.Name)).ToListAsync(ct);
        var sites = await db.Set<ExamSite>().IgnoreQueryFilters().Where(s => rooms.Any(r => r.ExamSiteId == s.Id))
            .OrderBy(s => s.Name).Select(s => new ExamRoomOption(s.Id, s.Name)).ToListAsync(ct);
        var certificates = await db.Set<Certificate>().Where(c => rooms.Any(r => r.CertificateId == c.Id))
            .OrderBy(c => c.Name).Select(c => new ExamRoomOption(c.Id, c.Name)).ToListAsync(ct);
        return new ExamRoomFilterOptions(plans, sites, certificates);
    }

    /// <summary>设置考场 step 1: published plans that list the school and whose 排考 has not started.</summary>
    public async Task<IReadOnlyList<ExamRoomOption>> PlanOptionsAsync(CancellationToken ct)
    {
        var schoolId = RequireSchool();
        await using var db = await dbFactory.CreateAsync(ct);
        var plans = await ExamRoomAccess.OpenPlansAsync(db, schoolId, clock.GetUtcNow(), ct);
        return [.. plans.Select(p => new ExamRoomOption(p.Id, p.Name))];
    }

    /// <summary>设置考场 step 2: the school's approved sites of the plan's certificates, and the sites allocated to it for the plan.</summary>
    public async Task<IReadOnlyList<ExamRoomSiteOption>> SiteOptionsAsync(int planId, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        await using var db = await dbFactory.CreateAsync(ct);
        var plan = await ExamRoomAccess.LoadOpenPlanAsync(db, schoolId, planId, clock.GetUtcNow(), ct);
        var sites = await ExamRoomAccess.SitesAsync(db, schoolId, plan, ct);
        return [.. sites.Values.Where(s => s.Site.Status == ExamSiteStatus.Approved)
            .OrderBy(s => s.Allocated).ThenBy(s => s.Site.Name)
            .Select(s => new ExamRoomSiteOption(s.Site.Id, s.Allocated ? $"{s.Site.Name}（借考）" : s.Site.Name, s.Allocated))];
    }

    /// <summary>设置考场 step 3: the certificate levels both the plan and the site (or the allocation) hold.</summary>
    public async Task<IReadOnlyList<ExamRoomCertificateOption>> CertificateOptionsAsync(int planId, int siteId, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        await using var db = await dbFactory.CreateAsync(ct);
        var plan = await ExamRoomAccess.LoadOpenPlanAsync(db, schoolId, planId, clock.GetUtcNow(), ct);
        var sites = await ExamRoomAccess.SitesAsync(db, schoolId, plan, ct);
        if (!sites.TryGetValue(siteId, out var site))
        {
            return [];
        }

        var name = await db.Set<Certificate>().Where(c => c.Id == site.Site.CertificateId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        return [.. site.Levels.Order().Select(l => new ExamRoomCertificateOption(site.Site.CertificateId, name, l))];
    }

    /// <summary>设置考场 step 4: the plan's subjects of the certificate level, with their 考场类型.</summary>
    public async Task<IReadOnlyList<ExamRoomSubjectOption>> SubjectOptionsAsync(int planId, int certificateId, CertificateLevel level, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var subjectIds = await db.Set<ExamPlan>().Where(p => p.Id == planId)
            .SelectMany(p => p.Subjects).Where(s => s.CertificateId == certificateId && s.Level == level).Select(s => s.SubjectId).ToListAsync(ct);
        return await db.Set<ExamSubject>().AsNoTracking().Where(s => subjectIds.Contains(s.Id)).OrderBy(s => s.Code)
            .Select(s => new ExamRoomSubjectOption(s.Id, s.Code, s.Name, s.ExamMode, s.RoomType)).ToListAsync(ct);
    }

    /// <summary>设置考场.</summary>
    public async Task<int> CreateAsync(ExamRoomInput input, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        var plan = await ExamRoomAccess.LoadOpenPlanAsync(db, schoolId, input.ExamPlanId, now, ct);
        var sites = await ExamRoomAccess.SitesAsync(db, schoolId, plan, ct);
        var site = sites.GetValueOrDefault(input.ExamSiteId) ?? throw new DomainRuleException(ExamRoomAccess.SiteNotForSchool);
        DomainRuleException.ThrowIf(site.Allocated && !site.Levels.Contains(input.Level), "该证书等级未分配给本校");
        var subjects = await LoadSubjectsAsync(db, input.SubjectIds, ct);
        DomainRuleException.ThrowIf(await ExamRoomAccess.NameTakenAsync(db, plan.Id, site.Site.Id, site.Site.CertificateId, input.Name ?? "", null, ct), DuplicateName);
        var room = ExamRoom.Create(plan, site.Site, input.Level, subjects, input.Name ?? "", input.Address ?? "", input.SeatCount, now);
        db.Set<ExamRoom>().Add(room);
        await SaveAsync(db, ct);
        Publish(room, plan);
        return room.Id;
    }

    /// <summary>编辑 (未排考): subjects, 考场名称, 考场地址, 考位数; the plan, site and certificate level stay.</summary>
    public async Task UpdateAsync(int id, ExamRoomInput input, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var (room, plan) = await LoadManagedAsync(db, id, ct);
        room.EnsureVersion(input.Version);
        DomainRuleException.ThrowIf(
            input.ExamPlanId != room.ExamPlanId || input.ExamSiteId != room.ExamSiteId || input.Level != room.Level,
            "不能更改考场的考试计划、考核站点或证书等级，请删除后重新设置");
        var subjects = await LoadSubjectsAsync(db, input.SubjectIds, ct);
        DomainRuleException.ThrowIf(await ExamRoomAccess.NameTakenAsync(db, room.ExamPlanId, room.ExamSiteId, room.CertificateId, input.Name ?? "", room.Id, ct), DuplicateName);
        room.Edit(plan, subjects, input.Name ?? "", input.Address ?? "", input.SeatCount, clock.GetUtcNow());
        await SaveAsync(db, ct);
        Publish(room, plan);
    }

    /// <summary>增加考位数 (未排考 or 排考中; only upwards).</summary>
    public Task RaiseSeatCountAsync(int id, int seatCount, CancellationToken ct) => RaiseSeatCountAsync(id, seatCount, null, ct);

    /// <summary>增加考位数 from the 编辑 dialog: refused when the room changed since the dialog loaded it (<paramref name="version"/>).</summary>
    public async Task RaiseSeatCountAsync(int id, int seatCount, long? version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var (room, plan) = await LoadManagedAsync(db, id, ct);
        room.EnsureVersion(version);
        room.RaiseSeatCount(plan, seatCount, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Publish(room, plan);
    }

    /// <summary>删除 (未排考 only).</summary>
    public async Task DeleteAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var (room, plan) = await LoadManagedAsync(db, id, ct);
        room.EnsureDeletable(plan, clock.GetUtcNow());
        db.Set<ExamRoom>().Remove(room);
        await db.SaveChangesAsync(ct);
        Publish(room, plan);
    }

    /// <summary>沿用: the plans (other than <paramref name="targetPlanId"/>) in which the school has rooms.</summary>
    public async Task<IReadOnlyList<ExamRoomOption>> CopySourcePlansAsync(int targetPlanId, CancellationToken ct)
    {
        RequireSchool();
        await using var db = await dbFactory.CreateAsync(ct);
        var rooms = Visible(db).Where(r => r.ExamPlanId != targetPlanId);
        return await db.Set<ExamPlan>().IgnoreQueryFilters().Where(p => rooms.Any(r => r.ExamPlanId == p.Id))
            .OrderByDescending(p => p.SchedulingStartUtc).Select(p => new ExamRoomOption(p.Id, p.Name)).ToListAsync(ct);
    }

    /// <summary>
    /// 沿用: copies every room the school has in <paramref name="sourcePlanId"/> into <paramref name="targetPlanId"/> in one
    /// transaction — only those whose site is still the school's (or allocated to it for the new plan), whose certificate level
    /// the new plan holds, with the subjects the new plan examines and a name not yet used; the others are reported with the reason.
    /// </summary>
    public async Task<ExamRoomCopyResult> CopyFromPlanAsync(int sourcePlanId, int targetPlanId, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        DomainRuleException.ThrowIf(sourcePlanId == targetPlanId, "不能沿用到同一个考试计划");
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        var target = await ExamRoomAccess.LoadOpenPlanAsync(db, schoolId, targetPlanId, now, ct);
        var sources = await Visible(db).Include(r => r.Subjects).Where(r => r.ExamPlanId == sourcePlanId).OrderBy(r => r.Id).ToListAsync(ct);
        DomainRuleException.ThrowIf(sources.Count == 0, "所选考试计划中没有本校的考场");
        var sites = await ExamRoomAccess.SitesAsync(db, schoolId, target, ct);
        var targetSubjectIds = target.Subjects.Select(s => s.SubjectId).ToList();
        var planSubjects = await db.Set<ExamSubject>().AsNoTracking().Where(s => targetSubjectIds.Contains(s.Id)).ToListAsync(ct);
        var taken = (await db.Set<ExamRoom>().IgnoreQueryFilters().Where(r => r.ExamPlanId == targetPlanId)
            .Select(r => new { r.ExamSiteId, r.CertificateId, r.Name }).ToListAsync(ct))
            .Select(r => (r.ExamSiteId, r.CertificateId, r.Name)).ToHashSet();
        var copied = new List<string>();
        var skipped = new List<ExamRoomCopySkip>();
        foreach (var room in sources)
        {
            var reason = CopyRefusal(room, sites, taken);
            if (reason is null)
            {
                try
                {
                    var copy = room.CopyTo(target, sites[room.ExamSiteId].Site, planSubjects, now);
                    db.Set<ExamRoom>().Add(copy);
                    taken.Add((copy.ExamSiteId, copy.CertificateId, copy.Name));
                    copied.Add(room.Name);
                    continue;
                }
                catch (DomainRuleException ex)
                {
                    reason = ex.Message;
                }
            }

            skipped.Add(new ExamRoomCopySkip(room.Name, reason));
        }

        await SaveAsync(db, ct);
        changes.Publish(new ChangeNotice(ExamRoomTopics.Rooms, SchoolId: schoolId, OrganizationId: target.OrganizationId));
        return new ExamRoomCopyResult(copied, skipped);
    }

    private static string? CopyRefusal(ExamRoom room, Dictionary<int, AccessibleSite> sites, HashSet<(int, int, string)> taken)
    {
        if (!sites.TryGetValue(room.ExamSiteId, out var site))
        {
            return "新考试计划不包含该考核站点的证书，或该考核站点不再分配给本校";
        }

        if (!site.Levels.Contains(room.Level))
        {
            return "新考试计划不包含该证书等级";
        }

        return taken.Contains((room.ExamSiteId, room.CertificateId, room.Name)) ? "新考试计划中已有同名考场" : null;
    }

    private static async Task<List<ExamSubject>> LoadSubjectsAsync(ICertHubDb db, IReadOnlyList<int> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var subjects = await db.Set<ExamSubject>().AsNoTracking().Where(s => wanted.Contains(s.Id)).ToListAsync(ct);
        DomainRuleException.ThrowIf(subjects.Count != wanted.Count, "考试科目不存在");
        return subjects;
    }

    /// <summary>A room the school may change (its own, or on a site allocated to it for the room's plan), with its plan.</summary>
    private async Task<(ExamRoom Room, ExamPlan Plan)> LoadManagedAsync(ICertHubDb db, int id, CancellationToken ct)
    {
        RequireSchool();
        var room = await Visible(db).AsTracking().Include(r => r.Subjects).FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new DomainRuleException(NotFound);
        var plan = await db.Set<ExamPlan>().AsNoTracking().IgnoreQueryFilters().Include(p => p.Subjects)
            .FirstAsync(p => p.Id == room.ExamPlanId, ct);
        return (room, plan);
    }

    private static async Task SaveAsync(ICertHubDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainRuleException(DuplicateName);
        }
    }

    private int RequireSchool() => CanManage ? currentUser.SchoolId!.Value : throw new DomainRuleException(SchoolOnly);

    /// <summary>
    /// A school: its own rooms and the rooms on sites allocated to it for that plan and level; an organisation: the rooms of
    /// its plans; the tenancy filter narrows everyone else.
    /// </summary>
    private IQueryable<ExamRoom> Visible(ICertHubDb db)
    {
        var query = db.Set<ExamRoom>().AsNoTracking();
        if (currentUser.OwnedCertificatesOnly() is { } owned)
        {
            // 证书负责人: only the rooms of its 负责证书.
            query = query.Where(r => owned.Contains(r.CertificateId));
        }

        if (CanManage)
        {
            var schoolId = currentUser.SchoolId!.Value;
            return query.Where(r => r.SchoolId == schoolId
                || db.Set<SiteAllocation>().Any(a => a.ExamSiteId == r.ExamSiteId && a.BorrowerSchoolId == schoolId && a.Level == r.Level
                    && (a.ExamPlanId == null || a.ExamPlanId == r.ExamPlanId)));
        }

        if (IsOrganization)
        {
            var organizationId = currentUser.OrganizationId!.Value;
            return query.Where(r => db.Set<ExamPlan>().Any(p => p.Id == r.ExamPlanId && p.OrganizationId == organizationId));
        }

        return currentUser.IsPlatform() || currentUser.IsProvince() ? query : query.Where(_ => false);
    }

    private IQueryable<ExamRoom> Filtered(ICertHubDb db, ExamRoomFilter filter)
    {
        var query = Visible(db);
        if (filter.ExamPlanId is int planId)
        {
            query = query.Where(r => r.ExamPlanId == planId);
        }

        if (filter.ExamSiteId is int siteId)
        {
            query = query.Where(r => r.ExamSiteId == siteId);
        }

        if (filter.CertificateId is int certificateId)
        {
            query = query.Where(r => r.CertificateId == certificateId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            query = query.Where(r => r.Name.Contains(name));
        }

        var now = clock.GetUtcNow();
        var plans = db.Set<ExamPlan>().IgnoreQueryFilters();
        return filter.Status switch
        {
            ExamRoomStatus.NotScheduled => query.Where(r => plans.Any(p => p.Id == r.ExamPlanId && now < p.SchedulingStartUtc)),
            ExamRoomStatus.Scheduling => query.Where(r => plans.Any(p => p.Id == r.ExamPlanId && p.SchedulingStartUtc <= now && now < p.SchedulingEndUtc)),
            ExamRoomStatus.Ended => query.Where(r => plans.Any(p => p.Id == r.ExamPlanId && p.SchedulingEndUtc <= now)),
            _ => query,
        };
    }

    private static IQueryable<Row> Project(ICertHubDb db, IQueryable<ExamRoom> query)
    {
        var plans = db.Set<ExamPlan>().IgnoreQueryFilters();
        var sites = db.Set<ExamSite>().IgnoreQueryFilters();
        var schools = db.Set<PilotSchool>().IgnoreQueryFilters();
        return query.OrderByDescending(r => r.Id).Select(r => new Row(
            r.Id,
            r.ExamPlanId,
            plans.Where(p => p.Id == r.ExamPlanId).Select(p => p.Name).FirstOrDefault() ?? "",
            plans.Where(p => p.Id == r.ExamPlanId).Select(p => p.SchedulingStartUtc).FirstOrDefault(),
            plans.Where(p => p.Id == r.ExamPlanId).Select(p => p.SchedulingEndUtc).FirstOrDefault(),
            r.ExamSiteId,
            sites.Where(s => s.Id == r.ExamSiteId).Select(s => s.Name).FirstOrDefault() ?? "",
            schools.Where(s => s.Id == r.SchoolId).Select(s => s.Name).FirstOrDefault() ?? "",
            r.CertificateId,
            db.Set<Certificate>().Where(c => c.Id == r.CertificateId).Select(c => c.Name).FirstOrDefault() ?? "",
            r.Level,
            r.Subjects.Select(s => s.SubjectId).ToList(),
            r.Name,
            r.Address,
            r.SeatCount,
            r.RoomType,
            r.CreatedUtc,
            r.RowVersion));
    }

    private async Task<IReadOnlyList<ExamRoomListItem>> MapAsync(ICertHubDb db, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var ids = rows.SelectMany(r => r.SubjectIds).Distinct().ToList();
        var subjects = await db.Set<ExamSubject>().IgnoreQueryFilters().Where(s => ids.Contains(s.Id))
            .Select(s => new ExamRoomSubjectItem(s.Id, s.Code, s.Name, s.ExamMode)).ToDictionaryAsync(s => s.Id, ct);
        var now = clock.GetUtcNow();
        return [.. rows.Select(r => new ExamRoomListItem(r.Id, r.ExamPlanId, r.PlanName, r.ExamSiteId, r.SiteName, r.SchoolName, r.CertificateId, r.CertificateName,
            r.Level, [.. r.SubjectIds.Where(subjects.ContainsKey).Select(id => subjects[id]).OrderBy(s => s.Code)], r.Name, r.Address, r.SeatCount, r.RoomType,
            ExamRoom.StatusBetween(r.SchedulingStartUtc, r.SchedulingEndUtc, now), r.CreatedUtc) { Version = r.Version })];
    }

    private void Publish(ExamRoom room, ExamPlan plan) =>
        changes.Publish(new ChangeNotice(ExamRoomTopics.Rooms, SchoolId: room.SchoolId, OrganizationId: plan.OrganizationId));

    private sealed record Row(int Id, int ExamPlanId, string PlanName, DateTimeOffset SchedulingStartUtc, DateTimeOffset SchedulingEndUtc,
        int ExamSiteId, string SiteName, string SchoolName, int CertificateId, string CertificateName, CertificateLevel Level, List<int> SubjectIds,
        string Name, string Address, int SeatCount, RoomType RoomType, DateTimeOffset CreatedUtc, long Version);
}
