namespace CertHub.Core.Common;

/// <summary>One page of a server-side paged list, with the total count of matching rows.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize)
{
    public int PageCount => PageSize <= 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;

    public static PagedResult<T> Empty(int pageSize = 10) => new([], 0, 1, pageSize);
}

/// <summary>
/// A page request: 1-based page number and a size of 10, 20 or 50. <see cref="KnownTotal"/> is the number of matching rows
/// the caller counted a moment ago for the same filter (e.g. from the status tabs' counts, or with the previous page): the
/// list then skips counting them again.
/// </summary>
public sealed record PageRequest(int Page = 1, int PageSize = 10)
{
    public int? KnownTotal { get; init; }

    public static readonly int[] AllowedSizes = [10, 20, 50];

    public int Skip => (Math.Max(Page, 1) - 1) * Size;

    public int Size => AllowedSizes.Contains(PageSize) ? PageSize : 10;
}

public static class PagingExtensions
{
    /// <summary>
    /// Counts and pages a query in the database. With a <see cref="PageRequest.KnownTotal"/> the count is skipped unless the
    /// page read contradicts it (fewer or more rows than that total allows: rows were added or removed meanwhile).
    /// </summary>
    public static async Task<PagedResult<T>> ToPagedAsync<T>(this IQueryable<T> query, PageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(page);
        var items = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(query.Skip(page.Skip).Take(page.Size), ct);
        var total = page.KnownTotal is int known && known >= 0 && items.Count == Math.Clamp(known - page.Skip, 0, page.Size)
            && (items.Count > 0 || page.Skip == 0)
            ? known
            : await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(query, ct);
        return new PagedResult<T>(items, total, Math.Max(page.Page, 1), page.Size);
    }
}
