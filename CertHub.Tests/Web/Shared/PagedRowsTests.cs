using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Web.Components.Shared;
using MudBlazor;

namespace CertHub.Tests.Web.Shared;

/// <summary><see cref="PagedRows{T}"/> carries the total it knows only to the next page of the same filter.</summary>
public sealed class PagedRowsTests
{
    private static readonly TableState SecondPage = new() { Page = 1, PageSize = 10 };

    [Fact]
    public void Request_Should_CarryNoTotal_Before_AnyIsKnown()
    {
        var rows = new PagedRows<int>();

        var request = rows.Request(SecondPage, new IssuanceFilter(Year: 2026));

        Assert.Equal(new PageRequest(2, 10), request);
        Assert.Null(request.KnownTotal);
    }

    [Fact]
    public void Request_Should_CarryTheTotal_When_TheFilterIsEqual()
    {
        var rows = new PagedRows<int>();
        rows.UseTotal(new IssuanceFilter(Year: 2026, Status: IssuanceStatus.OrgPendingSign), 123);

        // A new but equal record: the filter is compared by value.
        Assert.Equal(123, rows.Request(SecondPage, new IssuanceFilter(Year: 2026, Status: IssuanceStatus.OrgPendingSign)).KnownTotal);
    }

    [Fact]
    public void Request_Should_CarryNoTotal_When_TheFilterChanged()
    {
        var rows = new PagedRows<int>();
        rows.UseTotal(new IssuanceFilter(Year: 2026), 123);

        Assert.Null(rows.Request(SecondPage, new IssuanceFilter(Year: 2025)).KnownTotal);
        Assert.Null(rows.Request(SecondPage, new IssuanceFilter(Year: 2026, Status: IssuanceStatus.Issued)).KnownTotal);
    }

    [Fact]
    public void Accept_Should_RememberTheTotal_ForTheNextPage()
    {
        var rows = new PagedRows<int>();
        var filter = new IssuanceFilter(CandidateName: "张");

        var data = rows.Accept(new PagedResult<int>([1, 2], 42, 1, 10), filter);

        Assert.Equal(42, data.TotalItems);
        Assert.Equal(42, rows.Request(SecondPage, filter).KnownTotal);
    }

    private static TableData<int> Rows(params int[] items) => new() { Items = items, TotalItems = items.Length };

    [Fact]
    public async Task LatestAsync_Should_ReturnItsOwnRows_When_NoOtherLoadStarted()
    {
        var rows = new PagedRows<int>();

        var data = await rows.LatestAsync(Task.FromResult(Rows(1, 2)));

        Assert.Equal([1, 2], data.Items);
    }

    [Fact]
    public async Task LatestAsync_Should_HandBackTheNewerRows_When_AnOlderLoadFinishesLast()
    {
        var rows = new PagedRows<int>();
        var older = new TaskCompletionSource<TableData<int>>();
        var newer = new TaskCompletionSource<TableData<int>>();

        var first = rows.LatestAsync(older.Task);
        var second = rows.LatestAsync(newer.Task);
        newer.SetResult(Rows(2));
        older.SetResult(Rows(1));

        Assert.Equal([2], (await first).Items);
        Assert.Equal([2], (await second).Items);
    }

    [Fact]
    public async Task LatestAsync_Should_HandBackTheNewerRows_When_TheOlderLoadWasCancelled()
    {
        var rows = new PagedRows<int>();
        var older = new TaskCompletionSource<TableData<int>>();
        var newer = new TaskCompletionSource<TableData<int>>();

        var first = rows.LatestAsync(older.Task);
        var second = rows.LatestAsync(newer.Task);
        older.SetCanceled();
        newer.SetResult(Rows(3));

        Assert.Equal([3], (await first).Items);
        Assert.Equal([3], (await second).Items);
    }

    [Fact]
    public async Task LatestAsync_Should_Throw_When_TheNewestLoadIsCancelled()
    {
        var rows = new PagedRows<int>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rows.LatestAsync(Task.FromCanceled<TableData<int>>(new CancellationToken(true))));
    }
}
