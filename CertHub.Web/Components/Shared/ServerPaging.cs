using CertHub.Core.Common;
using MudBlazor;

namespace CertHub.Web.Components.Shared;

/// <summary>
/// The server-paged <c>MudTable ServerData</c> pattern: turns the table state into a <see cref="PageRequest"/>,
/// keeps the loaded rows for 序号 and multi-select, and hands MudBlazor its <see cref="TableData{T}"/>.
/// </summary>
public sealed class PagedRows<T>
{
    private int _offset;
    private object? _totalFilter;
    private int? _knownTotal;
    private Task<TableData<T>>? _latest;

    public IReadOnlyList<T> Items { get; private set; } = [];

    public int TotalCount { get; private set; }

    public static PageRequest ToRequest(TableState state) => new(state.Page + 1, state.PageSize);

    /// <summary>
    /// The request for the table's state under <paramref name="filter"/> (a record: compared by value). When the total of
    /// rows matching that filter is known — given by <see cref="UseTotal"/> (e.g. from the status tabs' counts) or counted
    /// with the previous page of the same filter — it goes with the request, so paging does not count all rows again.
    /// A list page that uses this calls <see cref="UseTotal"/> with fresh counts whenever it reloads (search, tab, live change, action).
    /// </summary>
    public PageRequest Request(TableState state, object filter) =>
        ToRequest(state) with { KnownTotal = _knownTotal is int total && Equals(filter, _totalFilter) ? total : null };

    /// <summary>The rows matching <paramref name="filter"/> number <paramref name="total"/> right now (counted by the caller).</summary>
    public void UseTotal(object filter, int total) => (_totalFilter, _knownTotal) = (filter, total);

    /// <summary><see cref="Accept(PagedResult{T})"/> and remember the total for the next page of the same filter.</summary>
    public TableData<T> Accept(PagedResult<T> page, object filter)
    {
        UseTotal(filter, page.TotalCount);
        return Accept(page);
    }

    public TableData<T> Accept(PagedResult<T> page)
    {
        Items = page.Items;
        TotalCount = page.TotalCount;
        _offset = (page.Page - 1) * page.PageSize;
        return new TableData<T> { Items = page.Items, TotalItems = page.TotalCount };
    }

    /// <summary>
    /// Runs a ServerData load so that reloads started close together (a live notice, a tab click) all end with the newest
    /// load's rows: MudTable shows whichever call finishes last, and a call superseded by a newer one (its token cancelled, or
    /// simply slower) hands back the newer one's result instead of its own rows or an OperationCanceledException.
    /// </summary>
    public async Task<TableData<T>> LatestAsync(Task<TableData<T>> load)
    {
        _latest = load;
        while (true)
        {
            try
            {
                var rows = await load;
                if (ReferenceEquals(load, _latest))
                {
                    return rows;
                }
            }
            catch (OperationCanceledException) when (!ReferenceEquals(load, _latest))
            {
                // Superseded: the newest load's rows follow.
            }

            load = _latest;
        }
    }

    /// <summary>序号 of a row across pages (1-based).</summary>
    public int Number(T item)
    {
        var index = Items.ToList().IndexOf(item);
        return index < 0 ? 0 : _offset + index + 1;
    }
}

public static class ServerPaging
{
    public static readonly int[] PageSizes = [10, 20, 50];

    public const string InfoFormat = "第 {first_item}-{last_item} 条，共 {all_items} 条";
}
