using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Data;

/// <summary>
/// Several instances (issue 10): the data protection key ring lives in the database (table DataProtectionKeys), so a
/// login cookie or antiforgery token issued by one instance is accepted by every other (see <see cref="DataProtectionSetup"/>).
/// </summary>
public partial class CertHubDbContext : IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
