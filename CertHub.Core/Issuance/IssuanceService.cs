using System.Globalization;
using CertHub.Core.Accounts;
using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Issuance;

/// <summary>
/// 证书发放管理 (manual 4.2, DESIGN §3.1): the organisation generates, signs as 培训评价组织, issues, reissues and deletes the
/// records of its certificates; the school owning the exam site signs as 考核站点; the candidate's own school, the province
/// and the platform read. Every write checks the party here as well as through the tenancy filters, applies the record's
/// verbs in one unit of work (<see cref="IssuanceBatch"/>) and publishes a change on <see cref="IssuanceTopics.Records"/>.
/// </summary>
public sealed class IssuanceService(
    ICertHubDbFactory dbFactory,
    ICurrentUser currentUser,
    IFileStore files,
    IChangeFeed changes,
    TimeProvider clock,
    ICertificateGenerationQueue generationQueue) : IIssuanceService
{
    private readonly IssuanceQueries _queries = new(dbFactory, currentUser);

    public Task<PagedResult<IssuanceListItem>> ListAsync(IssuanceFilter filter, PageRequest page, CancellationToken ct) =>
        _queries.ListAsync(filter, page, ct);

    public Task<IReadOnlyDictionary<IssuanceStatus, int>> CountsAsync(IssuanceFilter filter, CancellationToken ct) =>
        _queries.CountsAsync(filter, ct);

    public Task<IssuanceDetail?> GetAsync(int id, CancellationToken ct) => _queries.GetAsync(id, ct);

    public Task<IReadOnlyList<IssuanceListItem>> ExportAsync(IssuanceFilter filter, IReadOnlyCollection<int> selectedIds, CancellationToken ct) =>
        _queries.ExportAsync(filter, selectedIds, ct);

    public Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct) => _queries.YearsAsync(ct);

    public Task<IReadOnlyList<IssuanceOption>> PlansAsync(int? year, CancellationToken ct) => _queries.PlansAsync(year, ct);

    public Task<IReadOnlyList<IssuanceOption>> CertificatesAsync(int? examPlanId, CancellationToken ct) => _queries.CertificatesAsync(examPlanId, ct);

    public Task<IReadOnlyList<IssuanceOption>> SchoolsAsync(string? search, CancellationToken ct) => _queries.SchoolsAsync(search, ct);

    public async Task<GenerationPreview> PreviewGenerationAsync(GenerationCriteria criteria, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var scope = await IssuanceEligibility.ScopeAsync(db, currentUser, criteria, ct);
        await Scores.ResultRefresh.FinalizeEndedAsync(db, [criteria.ExamPlanId], clock.GetUtcNow(), ct); // 考证结果: final once the 公示期 ended
        return IssuanceEligibility.Preview(scope, await IssuanceEligibility.RowsAsync(db, scope, ct));
    }

    public async Task<int> GenerateAsync(GenerationCriteria criteria, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var scope = await IssuanceEligibility.ScopeAsync(db, currentUser, criteria, ct);
        await Scores.ResultRefresh.FinalizeEndedAsync(db, [criteria.ExamPlanId], clock.GetUtcNow(), ct); // 考证结果: final once the 公示期 ended
        var rows = await IssuanceEligibility.RowsAsync(db, scope, ct);
        var now = clock.GetUtcNow();
        var actor = currentUser.ActorName();
        var records = rows.Where(r => IssuanceEligibility.ReasonOf(r) is null)
            .Select(r => IssuanceRecord.Generate(IssuanceEligibility.SourceOf(scope, r), actor, now))
            .ToList();
        if (records.Count == 0)
        {
            return 0;
        }

        db.Set<IssuanceRecord>().AddRange(records);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // The unique index (candidate + plan + certificate + level) refused a record generated meanwhile by someone else.
            throw new DomainRuleException("发证记录已由他人同时生成，请刷新后重试", ex);
        }

        changes.Publish(new ChangeNotice(IssuanceTopics.Records, SchoolId: criteria.SchoolId, OrganizationId: scope.OrganizationId));
        return records.Count;
    }

    public async Task<BatchResult> SignAsync(IReadOnlyCollection<int> ids, SignatureInput signature, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(signature);
        currentUser.Demand(Permissions.IssuanceSign);
        SignatureImageRules.Check(signature.PngBytes);
        var now = clock.GetUtcNow();
        var signer = string.IsNullOrWhiteSpace(signature.SignerName) ? currentUser.ActorName() : signature.SignerName.Trim();
        await using var png = new MemoryStream(signature.PngBytes, writable: false);
        var folder = "signatures/" + now.ToChina().ToString("yyyyMM", CultureInfo.InvariantCulture);
        var path = await files.SaveUploadAsync(folder, $"{Guid.NewGuid():N}.png", png, ct);
        return await RunAsync(ids, (_, record, party) =>
        {
            switch (party)
            {
                case IssuanceParty.Organization:
                    record.SignByOrganization(signer, path, now);
                    break;
                case IssuanceParty.Site:
                    record.SignBySite(signer, path, now);
                    break;
                default:
                    throw new DomainRuleException("无权签发该记录");
            }
        }, ct);
    }

    public Task<BatchResult> RejectAsync(IReadOnlyCollection<int> ids, string reason, CancellationToken ct)
    {
        currentUser.Demand(Permissions.IssuanceSign);
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(reason), "请填写拒绝签发理由");
        var why = reason.Trim();
        var now = clock.GetUtcNow();
        var actor = currentUser.ActorName();
        return RunAsync(ids, (_, record, party) =>
        {
            switch (party)
            {
                case IssuanceParty.Organization:
                    record.RejectByOrganization(actor, why, now);
                    break;
                case IssuanceParty.Site:
                    record.RejectBySite(actor, why, now);
                    break;
                default:
                    throw new DomainRuleException("无权拒绝签发该记录");
            }
        }, ct);
    }

    public Task<BatchResult> ResignAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var actor = currentUser.ActorName();
        return RunAsync(ids, (_, record, party) =>
        {
            switch (party)
            {
                case IssuanceParty.Organization:
                    record.ResignByOrganization(actor, now);
                    break;
                case IssuanceParty.Site:
                    record.ResignBySite(actor, now);
                    break;
                default:
                    throw new DomainRuleException("无权重新签发该记录");
            }
        }, ct);
    }

    public async Task<BatchResult> IssueAsync(IReadOnlyCollection<int> ids, IssueMethod method, CancellationToken ct)
    {
        currentUser.Demand(Permissions.IssuanceIssue);
        DomainRuleException.ThrowIf(!Enum.IsDefined(method), "请选择发证方式");
        var now = clock.GetUtcNow();
        var actor = currentUser.ActorName();
        var result = await RunAsync(ids, (_, record, party) =>
        {
            IssuanceAccess.RequireOrganization(party, "无权发放该记录");
            record.Issue(method, actor, now);
        }, ct);
        WakeGeneration(result);
        return result;
    }

    public async Task<BatchResult> ReissueAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var actor = currentUser.ActorName();
        var result = await RunAsync(ids, (_, record, party) =>
        {
            IssuanceAccess.RequireOrganization(party, "无权重新发放该记录");
            record.Reissue(actor, now);
        }, ct);
        WakeGeneration(result);
        return result;
    }

    public Task<BatchResult> DeleteAsync(IReadOnlyCollection<int> ids, CancellationToken ct) =>
        RunAsync(ids, (db, record, party) =>
        {
            IssuanceAccess.RequireOrganization(party, "无权删除该记录");
            record.EnsureCanDelete();
            db.Set<IssuanceRecord>().Remove(record);
        }, ct);

    public async Task<DownloadFile?> DownloadAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await IssuanceDownloads.BuildAsync(db, files, ids, ct);
    }

    private async Task<BatchResult> RunAsync(IReadOnlyCollection<int> ids, Action<ICertHubDb, IssuanceRecord, IssuanceParty?> apply, CancellationToken ct)
    {
        var (result, changed) = await IssuanceBatch.RunAsync(dbFactory, ids, (db, record) =>
        {
            // 证书负责人: acts only on the records of its 负责证书.
            DomainRuleException.ThrowIf(currentUser.IsSubAccount() && currentUser.OwnedCertificateIds.Count > 0
                && !currentUser.OwnedCertificateIds.Contains(record.CertificateId), "您不是该证书的负责人");
            apply(db, record, IssuanceAccess.PartyOf(currentUser, record));
        }, ct);
        if (changed.Count > 0)
        {
            var organizations = changed.Select(r => r.OrganizationId).Distinct().ToList();
            var schools = changed.Select(r => r.SiteSchoolId).Distinct().ToList();
            changes.Publish(new ChangeNotice(IssuanceTopics.Records,
                SchoolId: schools.Count == 1 ? schools[0] : null,
                OrganizationId: organizations.Count == 1 ? organizations[0] : null));
        }

        return result;
    }

    private void WakeGeneration(BatchResult result)
    {
        if (result.Succeeded > 0)
        {
            generationQueue.Wake();
        }
    }
}
