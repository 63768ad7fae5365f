using CertHub.Core.Audit;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Issuance;
using CertHub.Core.Registrations;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Payments;

/// <summary>
/// 5.2.7 缴费管理: a school generates 缴费申请单 (按证书 / 按科目) for its unpaid registrations not yet billed, views, exports and
/// deletes (未确认) them; the plan's organisation lists them across schools and confirms them (确认缴费 / 批量确认缴费), which marks
/// the registrations 已缴费 in one transaction. A registration is in at most one request (unique index on the items, checked
/// again inside the generating transaction). A school sees only its own requests, an organisation only those of its plans.
/// </summary>
public sealed class PaymentService(ICertHubDbFactory dbFactory, ICurrentUser currentUser, IChangeFeed changes, IAuditLog audit, TimeProvider clock)
{
    public const string NotFound = "缴费申请单不存在";
    public const int ExportLimit = 10_000;
    private const int GenerateAttempts = 3;

    public bool IsSchool => currentUser.IsSchool() && currentUser.SchoolId is not null;

    public bool IsOrganization => currentUser.IsOrganization() && currentUser.OrganizationId is not null;

    public async Task<PagedResult<PaymentListItem>> ListAsync(PaymentFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await Project(db, Filtered(db, filter)).ToPagedAsync(page, ct);
    }

    /// <summary>状态 tab counts (全部 = their sum) under the other filters.</summary>
    public async Task<IReadOnlyDictionary<PaymentStatus, int>> CountsAsync(PaymentFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var counts = await Filtered(db, filter with { Status = null }).GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<PaymentStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    /// <summary>批量导出缴费申请单 when nothing is selected: every request matching the filter (at most <see cref="ExportLimit"/>).</summary>
    public async Task<IReadOnlyList<PaymentListItem>> ExportRowsAsync(PaymentFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await Project(db, Filtered(db, filter)).Take(ExportLimit).ToListAsync(ct);
    }

    /// <summary>查看: the request and its registrations; null when not visible to the user.</summary>
    public async Task<PaymentDetail?> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var item = await Project(db, Own(db).Where(p => p.Id == id)).FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return null;
        }

        var registrations = await db.Set<Registration>().AsNoTracking()
            .Where(r => db.Set<PaymentRequestItem>().Any(i => i.PaymentRequestId == id && i.RegistrationId == r.Id))
            .OrderBy(r => r.CandidateNo)
            .Select(r => new { r.Name, r.IdNumber, r.CandidateNo, r.IsPaid })
            .ToListAsync(ct);
        return new PaymentDetail(item, [.. registrations.Select(r => new PaymentRegistrationRow(
            r.Name, Candidates.IdNumber.Mask(r.IdNumber), r.CandidateNo, item.CertificateName, item.Level, item.SubjectName, item.UnitFee, r.IsPaid))]);
    }

    /// <summary>
    /// The plans the school can bill in <paramref name="mode"/>: published, 报考中, listing the school and registering in that mode,
    /// with their certificate levels (and subjects, 按科目).
    /// </summary>
    public async Task<IReadOnlyList<PaymentPlanOption>> PlanOptionsAsync(RegistrationMode mode, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        var plans = (await db.Set<ExamPlan>().AsNoTracking().Include(p => p.Certificates).Include(p => p.Subjects)
                .Where(p => p.IsPublished && p.RegistrationMode == mode && p.Schools.Any(s => s.SchoolId == schoolId))
                .OrderByDescending(p => p.Id).ToListAsync(ct))
            .Where(p => p.IsRegistrationOpen(now)).ToList();
        var certificateIds = plans.SelectMany(p => p.Certificates.Select(c => c.CertificateId)).Distinct().ToList();
        var subjectIds = plans.SelectMany(p => p.Subjects.Select(s => s.SubjectId)).Distinct().ToList();
        var certificates = await db.Set<Certificate>().AsNoTracking().Where(c => certificateIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var subjects = await db.Set<ExamSubject>().AsNoTracking().Where(s => subjectIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return [.. plans.Select(p => new PaymentPlanOption(p.Id, p.Name, [.. p.Certificates.OrderBy(c => c.CertificateId).ThenBy(c => c.Level).Select(c =>
            new PaymentCertificateOption(c.CertificateId, c.Level, certificates.GetValueOrDefault(c.CertificateId, ""),
                mode == RegistrationMode.BySubject
                    ? [.. p.Subjects.Where(s => s.CertificateId == c.CertificateId && s.Level == c.Level)
                        .Select(s => new PaymentSubjectOption(s.SubjectId, subjects.GetValueOrDefault(s.SubjectId, "")))]
                    : []))]))];
    }

    /// <summary>What generating would bill now (人数, 考试费用, 金额), shown in the dialog before 确定.</summary>
    public async Task<PaymentPreview> PreviewAsync(PaymentGenerationInput input, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        await using var db = await dbFactory.CreateAsync(ct);
        var plan = await db.Set<ExamPlan>().AsNoTracking().Include(p => p.Certificates).Include(p => p.Subjects)
            .FirstOrDefaultAsync(p => p.Id == input.ExamPlanId && p.Schools.Any(s => s.SchoolId == schoolId), ct) ?? throw new DomainRuleException("请选择考试计划");
        var count = await Unbilled(db, schoolId, input).CountAsync(ct);
        var fee = Money.Of(plan.FeeFor(input.CertificateId, input.Level, input.SubjectId), "考试费用");
        return new PaymentPreview(count, fee.Yuan, fee.Times(count).Yuan);
    }

    /// <summary>
    /// 按证书/按科目报考生成缴费申请单 for every unpaid registration of the school in the plan, certificate level (and subject)
    /// that is in no request yet; refused when there is none. Runs in a transaction; a concurrent generation that took the same
    /// registrations (unique index) makes it start over, and then usually find nothing left to bill.
    /// </summary>
    public async Task<PaymentListItem> GenerateAsync(PaymentGenerationInput input, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var request = await BuildRequestAsync(db, schoolId, input, ct);
            db.Set<PaymentRequest>().Add(request);
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateException) when (attempt < GenerateAttempts)
            {
                continue;
            }
            catch (DbUpdateException)
            {
                throw new DomainRuleException("生成缴费申请单失败，请刷新后重试");
            }

            Publish(request.SchoolId, request.OrganizationId);
            return await Project(db, Own(db).Where(p => p.Id == request.Id)).FirstAsync(ct);
        }
    }

    /// <summary>删除 (school, 未确认 only): the request goes and its registrations can be billed again.</summary>
    public async Task DeleteAsync(int id, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        await using var db = await dbFactory.CreateAsync(ct);
        var request = await db.Set<PaymentRequest>().AsTracking().Include(p => p.Items)
            .FirstOrDefaultAsync(p => p.Id == id && p.SchoolId == schoolId, ct) ?? throw new DomainRuleException(NotFound);
        request.EnsureDeletable();
        db.Set<PaymentRequest>().Remove(request);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(nameof(PaymentRequest), id.ToString(System.Globalization.CultureInfo.InvariantCulture), "删除",
            $"缴费单号{request.RequestNo}，{request.Count}人，{Money.Of(request.Amount)}元", ct);
        Publish(request.SchoolId, request.OrganizationId);
    }

    /// <summary>确认缴费 (organisation of the plan): 未确认 → 已确认 and its registrations 已缴费.</summary>
    public async Task ConfirmAsync(int id, CancellationToken ct)
    {
        var result = await ConfirmManyAsync([id], ct);
        if (result.Failures.Count > 0)
        {
            throw new DomainRuleException(result.Failures[0].Reason);
        }
    }

    /// <summary>
    /// 批量确认缴费: every request the organisation may confirm is confirmed and its registrations marked 已缴费, all in one
    /// transaction; the result says, per request, why the others were not (already confirmed, not found).
    /// </summary>
    public async Task<BatchResult> ConfirmManyAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var organizationId = IsOrganization ? currentUser.OrganizationId!.Value : throw new DomainRuleException("只有培训评价组织可以确认缴费");
        DomainRuleException.ThrowIf(ids.Count == 0, "请选择缴费申请单");
        await using var db = await dbFactory.CreateAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var requests = await db.Set<PaymentRequest>().AsTracking().Include(p => p.Items)
            .Where(p => ids.Contains(p.Id) && p.OrganizationId == organizationId).OrderBy(p => p.Id).ToListAsync(ct);
        var registrationIds = requests.SelectMany(p => p.Items.Select(i => i.RegistrationId)).ToList();
        var registrations = await db.Set<Registration>().AsTracking().Where(r => registrationIds.Contains(r.Id)).ToListAsync(ct);
        var actor = currentUser.ActorName();
        var now = clock.GetUtcNow();
        var confirmed = BatchResult.Run(requests, p => p.Id, p =>
        {
            try
            {
                p.Confirm([.. registrations.Where(r => p.Contains(r.Id))], actor, now);
            }
            catch (DomainRuleException ex)
            {
                throw new DomainRuleException($"{p.RequestNo}：{ex.Message}");
            }
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var schoolId in requests.Select(p => p.SchoolId).Distinct())
        {
            Publish(schoolId, organizationId);
        }

        var missing = ids.Distinct().Except(requests.Select(p => p.Id)).Select(id => new BatchFailure(id, $"#{id}：{NotFound}"));
        return new BatchResult(confirmed.Succeeded, [.. confirmed.Failures, .. missing]);
    }

    private async Task<PaymentRequest> BuildRequestAsync(ICertHubDb db, int schoolId, PaymentGenerationInput input, CancellationToken ct)
    {
        var plan = await db.Set<ExamPlan>().AsNoTracking().Include(p => p.Certificates).Include(p => p.Schools).Include(p => p.Subjects)
            .FirstOrDefaultAsync(p => p.Id == input.ExamPlanId && p.IsPublished, ct) ?? throw new DomainRuleException("请选择考试计划");
        DomainRuleException.ThrowIf(!plan.IncludesSchool(schoolId), "考试计划的参考院校不包含本校");
        DomainRuleException.ThrowIf(!plan.HasCertificate(input.CertificateId, input.Level), "考试计划中没有该考核证书");
        if (input.Mode == RegistrationMode.BySubject)
        {
            var subject = input.SubjectId is { } subjectId ? plan.SubjectTime(subjectId) : null;
            DomainRuleException.ThrowIf(subject is null, "请选择科目");
            DomainRuleException.ThrowIf(subject!.CertificateId != input.CertificateId || subject.Level != input.Level, "科目不属于该考核证书");
        }
        else
        {
            DomainRuleException.ThrowIf(input.SubjectId is not null, "按证书报考生成缴费申请单不能选择科目");
        }

        var registrations = await Unbilled(db, schoolId, input).OrderBy(r => r.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return PaymentRequest.Generate(await NextRequestNoAsync(db, now, ct), plan, input.Mode, registrations, currentUser.ActorName(), now);
    }

    /// <summary>The school's unpaid registrations of the plan, certificate level and subject (null 按证书) that are in no request.</summary>
    private static IQueryable<Registration> Unbilled(ICertHubDb db, int schoolId, PaymentGenerationInput input) =>
        db.Set<Registration>().AsNoTracking()
            .Where(r => r.SchoolId == schoolId && r.ExamPlanId == input.ExamPlanId && r.CertificateId == input.CertificateId && r.Level == input.Level
                && r.SubjectId == input.SubjectId && !r.IsPaid
                && !db.Set<PaymentRequestItem>().Any(i => i.RegistrationId == r.Id));

    /// <summary>
    /// 缴费单号 JF + time + the next 4-digit sequence in that second. Counted across all schools (only the numbers are read),
    /// since the number is unique platform-wide.
    /// </summary>
    private static async Task<string> NextRequestNoAsync(ICertHubDb db, DateTimeOffset now, CancellationToken ct)
    {
        var prefix = PaymentRequest.NewRequestNo(now, 0)[..^4];
        var last = await db.Set<PaymentRequest>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.RequestNo.StartsWith(prefix)).Select(p => p.RequestNo).OrderByDescending(n => n).FirstOrDefaultAsync(ct);
        var sequence = last is null ? 1 : int.Parse(last[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture) + 1;
        return PaymentRequest.NewRequestNo(now, sequence);
    }

    private int RequireSchool() =>
        IsSchool ? currentUser.SchoolId!.Value : throw new DomainRuleException("只有试点院校可以生成和删除缴费申请单");

    /// <summary>A school's own requests; an organisation's requests of its plans; nobody else uses 缴费管理.</summary>
    private IQueryable<PaymentRequest> Own(ICertHubDb db)
    {
        var query = db.Set<PaymentRequest>().AsNoTracking();
        if (currentUser.OwnedCertificatesOnly() is { } owned)
        {
            // 证书负责人: only the requests of its 负责证书.
            query = query.Where(r => owned.Contains(r.CertificateId));
        }

        if (IsSchool)
        {
            var schoolId = currentUser.SchoolId!.Value;
            return query.Where(p => p.SchoolId == schoolId);
        }

        if (IsOrganization)
        {
            var organizationId = currentUser.OrganizationId!.Value;
            return query.Where(p => p.OrganizationId == organizationId);
        }

        throw new DomainRuleException("只有试点院校和培训评价组织可以使用缴费管理");
    }

    private IQueryable<PaymentRequest> Filtered(ICertHubDb db, PaymentFilter filter)
    {
        var query = Own(db);
        if (!string.IsNullOrWhiteSpace(filter.PlanName))
        {
            var name = filter.PlanName.Trim();
            query = query.Where(p => db.Set<ExamPlan>().Any(x => x.Id == p.ExamPlanId && x.Name.Contains(name)));
        }

        if (!string.IsNullOrWhiteSpace(filter.CertificateName))
        {
            var name = filter.CertificateName.Trim();
            query = query.Where(p => db.Set<Certificate>().Any(c => c.Id == p.CertificateId && c.Name.Contains(name)));
        }

        if (!string.IsNullOrWhiteSpace(filter.RequestNo))
        {
            var no = filter.RequestNo.Trim();
            query = query.Where(p => p.RequestNo.Contains(no));
        }

        if (!string.IsNullOrWhiteSpace(filter.SchoolName))
        {
            var name = filter.SchoolName.Trim();
            query = query.Where(p => db.Set<PilotSchool>().Any(s => s.Id == p.SchoolId && s.Name.Contains(name)));
        }

        if (filter.Status is PaymentStatus status)
        {
            query = query.Where(p => p.Status == status);
        }

        return query;
    }

    /// <summary>Newest first: the 缴费单号 starts with its time.</summary>
    private static IQueryable<PaymentListItem> Project(ICertHubDb db, IQueryable<PaymentRequest> query) =>
        query.OrderByDescending(p => p.RequestNo).ThenByDescending(p => p.Id).Select(p => new PaymentListItem(
            p.Id,
            p.RequestNo,
            db.Set<ExamPlan>().Where(x => x.Id == p.ExamPlanId).Select(x => x.Name).FirstOrDefault() ?? "",
            db.Set<PilotSchool>().Where(s => s.Id == p.SchoolId).Select(s => s.Name).FirstOrDefault() ?? "",
            db.Set<Certificate>().Where(c => c.Id == p.CertificateId).Select(c => c.Name).FirstOrDefault() ?? "",
            p.Level,
            db.Set<ExamSubject>().Where(s => s.Id == p.SubjectId).Select(s => s.Name).FirstOrDefault(),
            p.Count,
            p.UnitFee,
            p.Amount,
            p.Status,
            p.CreatedBy,
            p.CreatedUtc,
            p.ConfirmedBy,
            p.ConfirmedUtc));

    private void Publish(int schoolId, int organizationId) =>
        changes.Publish(new ChangeNotice(PaymentTopics.Payments, SchoolId: schoolId, OrganizationId: organizationId));
}
