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

    public IReadOnlyList<T> Items { get; private set; } = [];

    public int TotalCount { get; private set; }

    public static PageRequest ToRequest(TableState state) => new(state.Page + 1, state.PageSize);

    public TableData<T> Accept(PagedResult<T> page)
    {
        Items = page.Items;
        TotalCount = page.TotalCount;
        _offset = (page.Page - 1) * page.PageSize;
        return new TableData<T> { Items = page.Items, TotalItems = page.TotalCount };
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
