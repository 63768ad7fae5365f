using System.Linq.Expressions;
using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Exams;

/// <summary>
/// 5.2.2 考试计划: an organisation creates, edits and publishes its plans (certificate levels with fees, 参考院校, 报考方式,
/// windows, subject times) and, once published, can only 延长时间. A school sees only published plans that list it,
/// with the stage each is in. Other roles have no access (DESIGN §6). The stage is computed from the windows and the clock.
/// </summary>
public sealed class ExamPlanService(ICertHubDbFactory dbFactory, ICurrentUser currentUser, IChangeFeed changes, TimeProvider clock)
{
    public const string NotFound = "考试计划不存在";

    /// <summary>新增, 编辑, 发布, 延长时间: the organisation's accounts.</summary>
    public bool CanEdit => currentUser.IsOrganization() && currentUser.OrganizationId is not null;

    /// <summary>查看: the organisation and the schools listed in its published plans.</summary>
    public bool CanRead => CanEdit || (currentUser.IsSchool() && currentUser.SchoolId is not null);

    /// <summary>The stages the user's tabs show (a school never sees unpublished plans).</summary>
    public IReadOnlyList<ExamPlanStage> Stages =>
        CanEdit ? Enum.GetValues<ExamPlanStage>() : [.. Enum.GetValues<ExamPlanStage>().Where(s => s != ExamPlanStage.Unpublished)];

    public async Task<PagedResult<ExamPlanListItem>> ListAsync(ExamPlanFilter filter, PageRequest page, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = await Project(db, Filtered(db, filter, now)).ToPagedAsync(page, ct);
        return new PagedResult<ExamPlanListItem>([.. rows.Items.Select(r => Map(r, now))], rows.TotalCount, rows.Page, rows.PageSize);
    }

    /// <summary>How many plans are in each stage now (for the tabs), under the other filters.</summary>
    public async Task<IReadOnlyDictionary<ExamPlanStage, int>> CountsAsync(ExamPlanFilter filter, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        var counts = new Dictionary<ExamPlanStage, int>();
        foreach (var stage in Stages)
        {
            counts[stage] = await Filtered(db, filter with { Stage = stage }, now).CountAsync(ct);
        }

        return counts;
    }

    /// <summary>查看; null when the plan is not visible to the user.</summary>
    public async Task<ExamPlanDetail?> GetAsync(int id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        var row = await Project(db, Visible(db).Where(p => p.Id == id)).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var plan = await db.Set<ExamPlan>().AsNoTracking().Include(p => p.Certificates).Include(p => p.Schools).Include(p => p.Subjects)
            .FirstAsync(p => p.Id == id, ct);
        var certificateIds = plan.Certificates.Select(c => c.CertificateId).ToList();
        var names = await db.Set<Certificate>().AsNoTracking().Where(c => certificateIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var schoolIds = plan.Schools.Select(s => s.SchoolId).ToList();
        var schools = await db.Set<PilotSchool>().AsNoTracking().IgnoreQueryFilters().Where(s => schoolIds.Contains(s.Id))
            .OrderBy(s => s.Code).Select(s => new ExamPlanSchoolRow(s.Id, s.Name, s.Code)).ToListAsync(ct);
        var subjectIds = plan.Subjects.Select(s => s.SubjectId).ToList();
        var subjects = await db.Set<ExamSubject>().AsNoTracking().Where(s => subjectIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        string NameOf(int certificateId) => names.GetValueOrDefault(certificateId, "");
        return new ExamPlanDetail(
            Map(row, now),
            plan.PublishedBy,
            [.. plan.Certificates.OrderBy(c => NameOf(c.CertificateId)).ThenBy(c => c.Level)
                .Select(c => new ExamPlanCertificateRow(c.CertificateId, NameOf(c.CertificateId), c.Level, c.Fee))],
            schools,
            [.. plan.Subjects.Where(s => subjects.ContainsKey(s.SubjectId)).OrderBy(s => s.StartUtc).Select(s =>
            {
                var subject = subjects[s.SubjectId];
                return new ExamPlanSubjectRow(s.SubjectId, s.CertificateId, NameOf(s.CertificateId), s.Level, subject.Code, subject.Name,
                    subject.ExamMode, subject.CandidateScope, s.StartUtc, s.EndUtc, s.Fee);
            })])
        {
            Version = plan.RowVersion,
        };
    }

    /// <summary>考核证书 options: the organisation's enabled certificates with their levels.</summary>
    public async Task<IReadOnlyList<OwnCertificateOption>> CertificateOptionsAsync(CancellationToken ct)
    {
        var organizationId = RequireOrganization();
        await using var db = await dbFactory.CreateAsync(ct);
        return await ExamSubjectService.OwnCertificateOptionsAsync(db, organizationId, ct);
    }

    /// <summary>The organisation's subjects (the form offers those of the plan's certificate levels).</summary>
    public async Task<IReadOnlyList<ExamPlanSubjectOption>> SubjectOptionsAsync(CancellationToken ct)
    {
        var organizationId = RequireOrganization();
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<ExamSubject>().AsNoTracking().Where(s => s.OrganizationId == organizationId).OrderBy(s => s.Code)
            .Select(s => new ExamPlanSubjectOption(s.Id, s.CertificateId, s.Level, s.Code, s.Name, s.ExamMode, s.DurationMinutes))
            .ToListAsync(ct);
    }

    /// <summary>参考院校 options: every school, those piloting one of <paramref name="certificateIds"/> (审核通过) first.</summary>
    public async Task<IReadOnlyList<ExamPlanSchoolOption>> SchoolOptionsAsync(IReadOnlyCollection<int> certificateIds, CancellationToken ct)
    {
        var organizationId = RequireOrganization();
        await using var db = await dbFactory.CreateAsync(ct);
        var ids = certificateIds.ToList();
        var piloted = await db.Set<PilotApplication>().AsNoTracking()
            .Where(a => a.Status == PilotApplicationStatus.Approved && ids.Contains(a.CertificateId)
                && db.Set<Certificate>().Any(c => c.Id == a.CertificateId && c.OrganizationId == organizationId))
            .Select(a => a.SchoolId).Distinct().ToListAsync(ct);
        var schools = await db.Set<PilotSchool>().AsNoTracking().OrderBy(s => s.Code).Select(s => new { s.Id, s.Name, s.Code }).ToListAsync(ct);
        return [.. schools.Select(s => new ExamPlanSchoolOption(s.Id, s.Name, s.Code, piloted.Contains(s.Id))).OrderByDescending(s => s.Piloted)];
    }

    /// <summary>新增考试计划 (未发布).</summary>
    public async Task<int> CreateAsync(ExamPlanInput input, CancellationToken ct)
    {
        var organizationId = RequireOrganization();
        await using var db = await dbFactory.CreateAsync(ct);
        var plan = ExamPlan.Create(organizationId, input.Year, input.Name, input.Mode, input.Windows, clock.GetUtcNow());
        await ApplyAsync(db, plan, input, ct);
        db.Set<ExamPlan>().Add(plan);
        await db.SaveChangesAsync(ct);
        Publish(plan);
        return plan.Id;
    }

    /// <summary>编辑: only before publishing.</summary>
    public async Task UpdateAsync(int id, ExamPlanInput input, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var plan = await LoadOwnAsync(db, id, ct);
        plan.EnsureVersion(input.Version);
        plan.Update(input.Year, input.Name, input.Mode, input.Windows);
        await ApplyAsync(db, plan, input, ct);
        await db.SaveChangesAsync(ct);
        Publish(plan);
    }

    /// <summary>发布: the plan must be complete (certificates, schools, subject times, fees) and its registration not over.</summary>
    public Task PublishAsync(int id, CancellationToken ct) => PublishAsync(id, null, ct);

    /// <summary>发布 of the plan as listed (<paramref name="version"/>): refused when another user changed it since.</summary>
    public async Task PublishAsync(int id, long? version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var plan = await LoadOwnAsync(db, id, ct);
        plan.EnsureVersion(version);
        plan.Publish(currentUser.ActorName(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Publish(plan);
    }

    /// <summary>延长时间 of one window of a published plan: only later, never into the past or into the next window.</summary>
    public Task ExtendWindowAsync(int id, ExamPlanWindow window, DateTimeOffset newEndUtc, CancellationToken ct) =>
        ExtendWindowAsync(id, window, newEndUtc, null, ct);

    /// <summary>延长时间 from the dialog that showed the windows of <paramref name="version"/>: refused when they changed since.</summary>
    public async Task ExtendWindowAsync(int id, ExamPlanWindow window, DateTimeOffset newEndUtc, long? version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var plan = await LoadOwnAsync(db, id, ct);
        plan.EnsureVersion(version);
        plan.ExtendWindow(window, newEndUtc, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Publish(plan);
    }

    /// <summary>The filter of one stage at <paramref name="now"/>, the same boundaries as <see cref="ExamPlan.StageAt"/>.</summary>
    public static Expression<Func<ExamPlan, bool>> InStage(ExamPlanStage stage, DateTimeOffset now) => stage switch
    {
        ExamPlanStage.Unpublished => p => !p.IsPublished,
        ExamPlanStage.NotStarted => p => p.IsPublished && now < p.RegistrationStartUtc,
        ExamPlanStage.Registration => p => p.IsPublished && p.RegistrationStartUtc <= now && now < p.RegistrationEndUtc,
        ExamPlanStage.Scheduling => p => p.IsPublished && p.RegistrationEndUtc <= now && now < p.SchedulingEndUtc,
        ExamPlanStage.Examination => p => p.IsPublished && p.SchedulingEndUtc <= now && now < p.ScoreEntryStartUtc,
        ExamPlanStage.ScoreEntry => p => p.IsPublished && p.ScoreEntryStartUtc <= now && now < p.ScoreEntryEndUtc,
        ExamPlanStage.Notice => p => p.IsPublished && p.ScoreEntryEndUtc <= now && now < p.NoticeEndUtc,
        ExamPlanStage.Ended => p => p.IsPublished && p.NoticeEndUtc <= now,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    /// <summary>Sets the certificate levels (the organisation's own), 参考院校 and subject times from the form.</summary>
    private static async Task ApplyAsync(ICertHubDb db, ExamPlan plan, ExamPlanInput input, CancellationToken ct)
    {
        foreach (var certificate in input.Certificates.DistinctBy(c => (c.CertificateId, c.Level)))
        {
            await ExamSubjectService.EnsureOwnLevelAsync(db, plan.OrganizationId, certificate.CertificateId, certificate.Level, ct);
            plan.SetCertificate(certificate.CertificateId, certificate.Level, certificate.Fee);
        }

        foreach (var stale in plan.Certificates.Where(c => !input.Certificates.Any(i => i.CertificateId == c.CertificateId && i.Level == c.Level)).ToList())
        {
            plan.RemoveCertificate(stale.CertificateId, stale.Level);
        }

        var schoolIds = input.SchoolIds.Distinct().ToList();
        var known = await db.Set<PilotSchool>().CountAsync(s => schoolIds.Contains(s.Id), ct);
        DomainRuleException.ThrowIf(known != schoolIds.Count, "参考院校不存在");
        plan.SetSchools(schoolIds);

        var subjectIds = input.Subjects.Select(s => s.SubjectId).Distinct().ToList();
        var subjects = await db.Set<ExamSubject>().AsNoTracking()
            .Where(s => subjectIds.Contains(s.Id) && s.OrganizationId == plan.OrganizationId).ToDictionaryAsync(s => s.Id, ct);
        DomainRuleException.ThrowIf(subjects.Count != subjectIds.Count, "考试科目不存在或不属于本培训评价组织");
        foreach (var stale in plan.Subjects.Where(s => !subjectIds.Contains(s.SubjectId)).Select(s => s.SubjectId).ToList())
        {
            plan.RemoveSubject(stale);
        }

        foreach (var subject in input.Subjects)
        {
            plan.SetSubject(subjects[subject.SubjectId], subject.StartUtc, subject.EndUtc, subject.Fee);
        }
    }

    private async Task<ExamPlan> LoadOwnAsync(ICertHubDb db, int id, CancellationToken ct)
    {
        var organizationId = RequireOrganization();
        return await db.Set<ExamPlan>().AsTracking().Include(p => p.Certificates).Include(p => p.Schools).Include(p => p.Subjects)
            .FirstOrDefaultAsync(p => p.Id == id && p.OrganizationId == organizationId, ct) ?? throw new DomainRuleException(NotFound);
    }

    private int RequireOrganization() =>
        CanEdit ? currentUser.OrganizationId!.Value : throw new DomainRuleException("只有培训评价组织可以维护考试计划");

    /// <summary>An organisation its own plans; a school the published plans listing it; nobody else anything.</summary>
    private IQueryable<ExamPlan> Visible(ICertHubDb db)
    {
        var query = db.Set<ExamPlan>().AsNoTracking();
        if (CanEdit)
        {
            var organizationId = currentUser.OrganizationId!.Value;
            return query.Where(p => p.OrganizationId == organizationId);
        }

        DomainRuleException.ThrowIf(!CanRead, "无权查看考试计划");
        var schoolId = currentUser.SchoolId!.Value;
        return query.Where(p => p.IsPublished && p.Schools.Any(s => s.SchoolId == schoolId));
    }

    private IQueryable<ExamPlan> Filtered(ICertHubDb db, ExamPlanFilter filter, DateTimeOffset now)
    {
        var query = Visible(db);
        if (filter.Year is { } year)
        {
            query = query.Where(p => p.Year == year);
        }

        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            query = query.Where(p => p.Name.Contains(name));
        }

        return filter.Stage is { } stage ? query.Where(InStage(stage, now)) : query;
    }

    private static IQueryable<Row> Project(ICertHubDb db, IQueryable<ExamPlan> query) =>
        query.OrderByDescending(p => p.RegistrationStartUtc).ThenByDescending(p => p.Id).Select(p => new Row(
            p.Id, p.Year, p.Name,
            db.Set<Organization>().Where(o => o.Id == p.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? "",
            p.RegistrationMode,
            p.Certificates.Select(c => new CertificateCell(db.Set<Certificate>().Where(x => x.Id == c.CertificateId).Select(x => x.Name).FirstOrDefault() ?? "", c.Level)).ToList(),
            p.Schools.Count,
            p.RegistrationStartUtc, p.RegistrationEndUtc, p.SchedulingStartUtc, p.SchedulingEndUtc,
            p.ScoreEntryStartUtc, p.ScoreEntryEndUtc, p.NoticeStartUtc, p.NoticeEndUtc,
            p.IsPublished, p.PublishedUtc, p.RowVersion));

    private static ExamPlanListItem Map(Row r, DateTimeOffset now)
    {
        var windows = new ExamPlanWindows(r.RegistrationStartUtc, r.RegistrationEndUtc, r.SchedulingStartUtc, r.SchedulingEndUtc,
            r.ScoreEntryStartUtc, r.ScoreEntryEndUtc, r.NoticeStartUtc, r.NoticeEndUtc);
        return new ExamPlanListItem(r.Id, r.Year, r.Name, r.OrganizationName, r.Mode,
            [.. r.Certificates.OrderBy(c => c.Name).ThenBy(c => c.Level).Select(c => $"{c.Name}({c.Level.ToDisplayName()})")],
            r.SchoolCount, windows, r.IsPublished, r.PublishedUtc, ExamPlan.StageOf(r.IsPublished, windows, now))
        {
            Version = r.Version,
        };
    }

    private void Publish(ExamPlan plan) => changes.Publish(new ChangeNotice(ExamTopics.Plans, OrganizationId: plan.OrganizationId));

    private sealed record CertificateCell(string Name, CertificateLevel Level);

    private sealed record Row(int Id, int Year, string Name, string OrganizationName, RegistrationMode Mode, List<CertificateCell> Certificates, int SchoolCount,
        DateTimeOffset RegistrationStartUtc, DateTimeOffset RegistrationEndUtc, DateTimeOffset SchedulingStartUtc, DateTimeOffset SchedulingEndUtc,
        DateTimeOffset ScoreEntryStartUtc, DateTimeOffset ScoreEntryEndUtc, DateTimeOffset NoticeStartUtc, DateTimeOffset NoticeEndUtc,
        bool IsPublished, DateTimeOffset? PublishedUtc, long Version);
}
