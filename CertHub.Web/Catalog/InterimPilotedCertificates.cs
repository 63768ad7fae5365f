using CertHub.Core.Catalog;
using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Web.Catalog;

/// <summary>
/// TEMPORARY: a school pilots the certificates it has a 试点证书负责人 for. Replaced after the merge by the
/// approved pilot applications.
/// </summary>
public sealed class InterimPilotedCertificates(ICertHubDbFactory dbFactory) : IPilotedCertificates
{
    public async Task<IReadOnlyList<int>> CertificateIdsForSchoolAsync(int schoolId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<SchoolCertificateContact>().AsNoTracking()
            .Where(c => c.SchoolId == schoolId).Select(c => c.CertificateId).Distinct().ToListAsync(ct);
    }
}
