using CertHub.Core.Applications;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Registrations;
using CertHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertHub.Tests.E2E.Infrastructure;

/// <summary>
/// Candidates from the demo data for a 按证书 registration import into a plan: one of the plan's certificate levels with two
/// 信息准确 school candidates not yet registered whose major both the certificate and the school's approved application allow,
/// and a 信息准确 candidate whose major a plan certificate does not cover (the refused row).
/// </summary>
public sealed record ImportCandidates(
    string PlanName, string CertificateName, CertificateLevel Level, IReadOnlyList<Candidate> Good,
    (string Certificate, CertificateLevel Level, Candidate Candidate) Bad)
{
    /// <summary>Picks them for the school in the plan <paramref name="plan"/> chooses (exactly one must match).</summary>
    public static async Task<ImportCandidates> PickAsync(CertHubAppFixture app, int schoolId, Func<ExamPlan, bool> plan)
    {
        await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        var chosen = (await db.Set<ExamPlan>().Include(p => p.Certificates).Include(p => p.Schools).ToListAsync())
            .Single(p => p.IncludesSchool(schoolId) && plan(p));
        var candidates = await db.Set<Candidate>().Where(c => c.SchoolId == schoolId && c.CandidateType == CandidateType.SchoolCandidate
            && c.InfoStatus == CandidateInfoStatus.Accurate && c.MajorId != null).OrderBy(c => c.Id).ToListAsync();
        var registered = await db.Set<Registration>().Where(r => r.ExamPlanId == chosen.Id).Select(r => new { r.CandidateId, r.CertificateId, r.Level }).ToListAsync();
        var approved = await db.Set<PilotApplication>().Include(a => a.Majors).Where(a => a.SchoolId == schoolId && a.Status == PilotApplicationStatus.Approved).ToListAsync();
        List<Candidate>? good = null;
        ExamPlanCertificate? goodLevel = null;
        (string, CertificateLevel, Candidate)? bad = null;
        foreach (var entry in chosen.Certificates)
        {
            var certificate = await db.Set<Certificate>().Include(c => c.Majors).SingleAsync(c => c.Id == entry.CertificateId);
            var declared = approved.Where(a => a.CertificateId == entry.CertificateId && a.Level == entry.Level).ToList();
            var eligible = candidates.Where(c => certificate.AllowsMajor(c.MajorId!.Value)
                && declared.All(a => a.AllowsMajor(c.MajorId!.Value))
                && !registered.Any(r => r.CandidateId == c.Id && r.CertificateId == entry.CertificateId && r.Level == entry.Level)).ToList();
            if (good is null && eligible.Count >= 2)
            {
                (good, goodLevel) = (eligible.Take(2).ToList(), entry);
            }

            var outside = candidates.FirstOrDefault(c => !certificate.AllowsMajor(c.MajorId!.Value));
            bad ??= outside is null ? null : (certificate.Name, entry.Level, outside);
        }

        Assert.True(good is not null && bad is not null, $"The demo data needs, in {chosen.Name}, two eligible candidates and one of a major outside a certificate.");
        var name = await db.Set<Certificate>().Where(c => c.Id == goodLevel!.CertificateId).Select(c => c.Name).SingleAsync();
        return new ImportCandidates(chosen.Name, name, goodLevel!.Level, good!, bad!.Value);
    }
}
