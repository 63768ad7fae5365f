using System.Globalization;
using System.Text.Json;
using CertHub.Core.Candidates;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Core.Ledger;
using CertHub.Core.Scores;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Data.Seed;

public sealed partial class OperationsDemoSeeder
{
    /// <summary>
    /// 发证记录 from the 已通过 results (信息准确 candidates) of the finished plans, spread over all eight statuses in turn,
    /// each reached through the two-party signing and issuing verbs with signatures.
    /// </summary>
    private static async Task SeedIssuanceAsync(CertHubDbContext db, SeedState state, CancellationToken ct)
    {
        var statuses = Enum.GetValues<IssuanceStatus>();
        var numbers = new List<string>();
        var index = 0;
        foreach (var seeded in state.Plans.Where(p => p.Stage == Core.Exams.ExamPlanStage.Ended))
        {
            var plan = seeded.Plan;
            var organization = state.Organizations[plan.OrganizationId];
            var orgSigner = organization.ContactName ?? organization.Name;
            var results = state.Results.Where(r => r.ExamPlanId == plan.Id && r.Status == CertificateResultStatus.Passed).ToList();
            foreach (var result in results)
            {
                var candidate = state.Candidate(result.CandidateId);
                if (candidate.InfoStatus != CandidateInfoStatus.Accurate)
                {
                    continue;
                }

                var certificate = state.Certificate(result.CertificateId);
                var site = state.Sites.First(s => s.Id == result.ExamSiteId);
                var source = new IssuanceSource(candidate.Id, candidate.SchoolId, site.SchoolId, site.Id, plan.Id, organization.Id, certificate.Id,
                    result.Level, result.Id, plan.Year, candidate.CandidateNo, candidate.Name, candidate.IdNumber, candidate.CandidateType.ToDisplayName(),
                    state.School(candidate.SchoolId).Name, certificate.Name, organization.Name, plan.Name, site.Name);
                var at = plan.NoticeEndUtc.AddDays(1).AddMinutes(index);
                var record = IssuanceRecord.Generate(source, orgSigner, at);
                var siteSigner = state.Contacts.GetValueOrDefault(site.SchoolId, "管理员");
                // Last year's plans (证书通过率统计 demo): most certificates issued, a few still 待发放.
                var target = IsHistory(state, plan) ? (index % 9 == 4 ? IssuanceStatus.PendingIssue : IssuanceStatus.Issued) : statuses[index % statuses.Length];
                MoveIssuance(state, record, target, index, orgSigner, siteSigner, at, certificate.Code, numbers);
                db.Add(record);
                index++;
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static void MoveIssuance(SeedState state, IssuanceRecord record, IssuanceStatus target, int index, string orgSigner, string siteSigner,
        DateTimeOffset at, string certificateCode, List<string> numbers)
    {
        if (target == IssuanceStatus.OrgPendingSign)
        {
            return;
        }

        if (target == IssuanceStatus.OrgRejected || index % 5 == 2)
        {
            record.RejectByOrganization(orgSigner, "考生照片与身份证件信息不一致，请核实后再签发", Past(state, at.AddDays(1)));
            if (target == IssuanceStatus.OrgRejected)
            {
                return;
            }

            record.ResignByOrganization(orgSigner, Past(state, at.AddDays(2)));
        }
        else
        {
            record.SignByOrganization(orgSigner, SignaturePath, Past(state, at.AddDays(2)));
        }

        if (target == IssuanceStatus.SitePendingSign)
        {
            return;
        }

        if (target == IssuanceStatus.SiteRejected)
        {
            record.RejectBySite(siteSigner, "考生姓名拼音有误，请更正后再签发", Past(state, at.AddDays(3)));
            return;
        }

        record.SignBySite(siteSigner, SignaturePath, Past(state, at.AddDays(3)));
        if (target == IssuanceStatus.PendingIssue)
        {
            return;
        }

        var method = target == IssuanceStatus.SealFailed ? IssueMethod.Electronic : IssueMethod.Paper;
        record.Issue(method, orgSigner, Past(state, at.AddDays(4)));
        if (target == IssuanceStatus.SealFailed)
        {
            record.FailGeneration("未上传培训评价组织签名章，电子证书盖章失败", Past(state, at.AddDays(4).AddMinutes(1)));
        }
        else if (target == IssuanceStatus.Issued)
        {
            var completed = Past(state, at.AddDays(4).AddMinutes(1));
            var number = CertificateNumberGenerator.Next(certificateCode, record.Year, record.Level, numbers);
            numbers.Add(number);
            var issuedOn = DateOnly.FromDateTime(completed.ToOffset(TimeSpan.FromHours(8)).DateTime);
            record.CompleteGeneration(number, issuedOn, null, completed);
            var payload = JsonSerializer.Serialize(new
            {
                certificateNo = number,
                name = record.CandidateName,
                idNumber = record.IdNumber,
                certificate = record.CertificateNameWithLevel,
                organization = record.OrganizationName,
                issuedOn = issuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            });
            state.IssuedCertificates.Add((number, payload, completed));
        }
    }

    /// <summary>上链: one block publishing every catalogue certificate ("certificate:{id}"), then one holding the issued certificates.</summary>
    private static async Task SeedLedgerAsync(CertHubDbContext db, SeedState state, CancellationToken ct)
    {
        var previous = await db.Set<LedgerBlock>().OrderByDescending(b => b.Height).FirstOrDefaultAsync(ct);
        var published = state.Certificates.Values.OrderBy(c => c.Id)
            .Select(c => new LedgerItem(LedgerEntryKind.CertificatePublished, $"certificate:{c.Id}",
                JsonSerializer.Serialize(new { id = c.Id, code = c.Code, name = c.Name, organizationId = c.OrganizationId, levels = c.Levels.Select(l => l.Level.ToString()) })))
            .ToList();
        var (block, entries) = LedgerBlock.Seal(previous, published, state.Now.AddDays(-360));
        db.Add(block);
        db.AddRange(entries);
        if (state.IssuedCertificates.Count > 0)
        {
            var issued = state.IssuedCertificates.Select(i => new LedgerItem(LedgerEntryKind.CertificateIssued, i.CertificateNo, i.Payload)).ToList();
            var (second, secondEntries) = LedgerBlock.Seal(block, issued, state.IssuedCertificates.Max(i => i.At).AddMinutes(1));
            db.Add(second);
            db.AddRange(secondEntries);
        }

        await db.SaveChangesAsync(ct);
    }
}
