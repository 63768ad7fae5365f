using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Imports;

/// <summary>One row of 导入记录; <paramref name="FailureReason"/> is set when the import failed as a whole (导入失败).</summary>
public sealed record ImportRecordItem(int Id, ImportKind Kind, string FileName, string UserName, DateTimeOffset CreatedUtc, int TotalRows, int SucceededRows, int FailedRows,
    bool HasFailedRowsFile, string? FailureReason = null);

/// <summary>导入记录: the imports of the user's tenant (the tenancy filter narrows them), newest first, and their failed-rows files.</summary>
public sealed class ImportRecordQueries(ICertHubDbFactory dbFactory, ICurrentUser currentUser)
{
    public async Task<PagedResult<ImportRecordItem>> ListAsync(ImportKind? kind, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var query = Visible(db);
        if (kind is ImportKind k)
        {
            query = query.Where(r => r.Kind == k);
        }

        return await query.OrderByDescending(r => r.Id)
            .Select(r => new ImportRecordItem(r.Id, r.Kind, r.FileName, r.UserName, r.CreatedUtc, r.TotalRows, r.SucceededRows, r.FailedRows, r.FailedRowsFilePath != null,
                r.FailureReason))
            .ToPagedAsync(page, ct);
    }

    /// <summary>The failed-rows file of a record the user may see; null otherwise.</summary>
    public async Task<string?> FailedRowsPathAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await Visible(db).Where(r => r.Id == id).Select(r => r.FailedRowsFilePath).FirstOrDefaultAsync(ct);
    }

    private IQueryable<ImportRecord> Visible(ICertHubDb db)
    {
        var query = db.Set<ImportRecord>().AsNoTracking();
        if (currentUser.IsPlatform())
        {
            return query;
        }

        var school = currentUser.IsSchool() ? currentUser.SchoolId ?? -1 : -1;
        var org = currentUser.IsOrganization() ? currentUser.OrganizationId ?? -1 : -1;
        return query.Where(r => r.SchoolId == school || r.OrganizationId == org);
    }
}
