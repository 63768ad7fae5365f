using CertHub.Core.Catalog;
using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Exams;

/// <summary>
/// 5.2.1 考试科目: an organisation creates and edits the subjects of its own certificate levels (科目编号 unique per
/// certificate level); a school reads the subjects the organisations published for their certificates (the manual:
/// "查看到各培训评价组织发布的证书需要考试的科目信息"), with the 参考对象 it must respect when registering.
/// Other roles have no access (DESIGN §6).
/// </summary>
public sealed class ExamSubjectService(ICertHubDbFactory dbFactory, ICurrentUser currentUser, IChangeFeed changes)
{
    public const string NotFound = "考试科目不存在";
    public const string DuplicateCode = "该证书等级下已存在相同的科目编号";

    /// <summary>新增/编辑: the organisation's accounts.</summary>
    public bool CanEdit => currentUser.IsOrganization() && currentUser.OrganizationId is not null;

    /// <summary>查看 only: a school's accounts.</summary>
    public bool CanRead => CanEdit || (currentUser.IsSchool() && currentUser.SchoolId is not null);

    public async Task<PagedResult<ExamSubjectListItem>> ListAsync(ExamSubjectFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await Project(db, Filtered(db, filter)).ToPagedAsync(page, ct);
    }

    /// <summary>查看; null when the subject is not visible to the user.</summary>
    public async Task<ExamSubjectListItem?> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await Project(db, Visible(db).Where(s => s.Id == id)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The organisation's enabled certificates with their levels (新增考试科目).</summary>
    public async Task<IReadOnlyList<OwnCertificateOption>> CertificateOptionsAsync(CancellationToken ct)
    {
        var organizationId = RequireOrganization();
        await using var db = await dbFactory.CreateAsync(ct);
        return await OwnCertificateOptionsAsync(db, organizationId, ct);
    }

    /// <summary>新增考试科目 for one of the organisation's certificate levels.</summary>
    public async Task<int> CreateAsync(ExamSubjectInput input, CancellationToken ct)
    {
        var organizationId = RequireOrganization();
        await using var db = await dbFactory.CreateAsync(ct);
        await EnsureOwnLevelAsync(db, organizationId, input.CertificateId, input.Level, ct);
        await EnsureCodeFreeAsync(db, input, null, ct);
        var subject = ExamSubject.Create(organizationId, input.CertificateId, input.Level, input.Code, input.Name, input.ExamMode,
            input.CandidateScope, input.FullMark, input.PassMark, input.DurationMinutes);
        db.Set<ExamSubject>().Add(subject);
        await db.SaveChangesAsync(ct);
        Publish(organizationId);
        return subject.Id;
    }

    /// <summary>编辑: the certificate level stays; once in a published plan only the name may change.</summary>
    public async Task UpdateAsync(int id, ExamSubjectInput input, CancellationToken ct)
    {
        var organizationId = RequireOrganization();
        await using var db = await dbFactory.CreateAsync(ct);
        var subject = await db.Set<ExamSubject>().AsTracking().FirstOrDefaultAsync(s => s.Id == id && s.OrganizationId == organizationId, ct)
            ?? throw new DomainRuleException(NotFound);
        subject.EnsureVersion(input.Version);
        DomainRuleException.ThrowIf(input.CertificateId != subject.CertificateId || input.Level != subject.Level, "考试科目的证书和等级不能修改");
        await EnsureCodeFreeAsync(db, input, id, ct);
        var inPublishedPlan = await db.Set<ExamPlan>().AnyAsync(p => p.IsPublished && p.Subjects.Any(s => s.SubjectId == id), ct);
        subject.Update(input.Code, input.Name, input.ExamMode, input.CandidateScope, input.FullMark, input.PassMark, input.DurationMinutes, inPublishedPlan);
        await db.SaveChangesAsync(ct);
        Publish(organizationId);
    }

    internal static async Task<IReadOnlyList<OwnCertificateOption>> OwnCertificateOptionsAsync(ICertHubDb db, int organizationId, CancellationToken ct)
    {
        var certificates = await db.Set<Certificate>().AsNoTracking().Include(c => c.Levels)
            .Where(c => c.OrganizationId == organizationId && c.Status == EnablementStatus.Enabled)
            .OrderBy(c => c.Name).ToListAsync(ct);
        return [.. certificates.Select(c => new OwnCertificateOption(c.Id, c.Name, [.. c.Levels.Select(l => l.Level).Order()]))];
    }

    internal static async Task EnsureOwnLevelAsync(ICertHubDb db, int organizationId, int certificateId, CertificateLevel level, CancellationToken ct)
    {
        var certificate = await db.Set<Certificate>().AsNoTracking().Include(c => c.Levels).FirstOrDefaultAsync(c => c.Id == certificateId, ct);
        DomainRuleException.ThrowIf(certificate is null || certificate.OrganizationId != organizationId, "该证书不属于本培训评价组织");
        DomainRuleException.ThrowIf(certificate!.Levels.All(l => l.Level != level), $"该证书没有{level.ToDisplayName()}等级");
    }

    private static async Task EnsureCodeFreeAsync(ICertHubDb db, ExamSubjectInput input, int? exceptId, CancellationToken ct)
    {
        var code = input.Code?.Trim() ?? "";
        DomainRuleException.ThrowIf(
            await db.Set<ExamSubject>().AnyAsync(s => s.CertificateId == input.CertificateId && s.Level == input.Level && s.Code == code && s.Id != exceptId, ct),
            DuplicateCode);
    }

    private int RequireOrganization() =>
        CanEdit ? currentUser.OrganizationId!.Value : throw new DomainRuleException("只有培训评价组织可以维护考试科目");

    /// <summary>An organisation its own subjects; a school those of enabled certificates; nobody else anything.</summary>
    private IQueryable<ExamSubject> Visible(ICertHubDb db)
    {
        var query = db.Set<ExamSubject>().AsNoTracking();
        if (CanEdit)
        {
            var organizationId = currentUser.OrganizationId!.Value;
            return query.Where(s => s.OrganizationId == organizationId);
        }

        DomainRuleException.ThrowIf(!CanRead, "无权查看考试科目");
        return query.Where(s => db.Set<Certificate>().Any(c => c.Id == s.CertificateId && c.Status == EnablementStatus.Enabled));
    }

    private IQueryable<ExamSubject> Filtered(ICertHubDb db, ExamSubjectFilter filter)
    {
        var query = Visible(db);
        if (!string.IsNullOrWhiteSpace(filter.CertificateName))
        {
            var name = filter.CertificateName.Trim();
            query = query.Where(s => db.Set<Certificate>().Any(c => c.Id == s.CertificateId && c.Name.Contains(name)));
        }

        if (filter.Level is { } level)
        {
            query = query.Where(s => s.Level == level);
        }

        if (filter.ExamMode is { } mode)
        {
            query = query.Where(s => s.ExamMode == mode);
        }

        if (filter.CandidateScope is { } scope)
        {
            query = query.Where(s => s.CandidateScope == scope);
        }

        return query;
    }

    private static IQueryable<ExamSubjectListItem> Project(ICertHubDb db, IQueryable<ExamSubject> query) =>
        query.OrderBy(s => s.CertificateId).ThenBy(s => s.Code).Select(s => new ExamSubjectListItem(
            s.Id, s.CertificateId,
            db.Set<Certificate>().Where(c => c.Id == s.CertificateId).Select(c => c.Name).FirstOrDefault() ?? "",
            db.Set<Organization>().Where(o => o.Id == s.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? "",
            s.Level, s.Code, s.Name, s.ExamMode, s.RoomType, s.CandidateScope, s.FullMark, s.PassMark, s.DurationMinutes)
        {
            Version = s.RowVersion,
        });

    private void Publish(int organizationId) => changes.Publish(new ChangeNotice(ExamTopics.Subjects, OrganizationId: organizationId));
}
