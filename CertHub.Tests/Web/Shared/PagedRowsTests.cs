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
}
