using CertHub.Core.Catalog;
using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Applications;

/// <summary>已参与试点证书: the certificates of a school's approved (审核通过) pilot applications.</summary>
public sealed class PilotedCertificates(ICertHubDbFactory dbFactory) : IPilotedCertificates
{
    public async Task<IReadOnlyList<int>> CertificateIdsForSchoolAsync(int schoolId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<PilotApplication>().AsNoTracking()
            .Where(a => a.SchoolId == schoolId && a.Status == PilotApplicationStatus.Approved)
            .Select(a => a.CertificateId)
            .Distinct()
            .ToListAsync(ct);
    }
}
