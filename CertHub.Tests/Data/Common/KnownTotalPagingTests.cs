using System.Globalization;
using CertHub.Core.Candidates;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.Common;

/// <summary>
/// <see cref="PagingExtensions.ToPagedAsync"/> with a <see cref="PageRequest.KnownTotal"/> (load bench, issue 10): the count is
/// skipped while the page read agrees with the total the caller knows, and taken again when the page contradicts it.
/// </summary>
public sealed class KnownTotalPagingTests : IDisposable
{
    private const int Rows = 25;
    private readonly SqliteTestDb _db = new();

    public KnownTotalPagingTests()
    {
        var catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();
        for (var i = 1; i <= Rows; i++)
        {
            var first17 = "11010119900307" + i.ToString("D3", CultureInfo.InvariantCulture);
            ACatalogSeed.SeedCandidateAsync(_db, catalog, first17 + IdNumber.CheckCharacter(first17), sequence: i).GetAwaiter().GetResult();
        }
    }

    public void Dispose() => _db.Dispose();

    private async Task<PagedResult<int>> PageAsync(PageRequest request)
    {
        await using var db = _db.OpenAsSystem();
        return await db.Set<Candidate>().AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToPagedAsync(request, default);
    }

    [Fact]
    public async Task ToPagedAsync_Should_Count_When_NoTotalIsKnown()
    {
        var page = await PageAsync(new PageRequest(2, 10));

        Assert.Equal(Rows, page.TotalCount);
        Assert.Equal(10, page.Items.Count);
    }

    [Fact]
    public async Task ToPagedAsync_Should_TrustTheKnownTotal_When_ThePageAgreesWithIt()
    {
        // 30 is not the real count: that it comes back proves no count ran (a full first page agrees with any total ≥ 10).
        var page = await PageAsync(new PageRequest(1, 10) { KnownTotal = 30 });

        Assert.Equal(30, page.TotalCount);
        Assert.Equal(10, page.Items.Count);
    }

    [Theory]
    [InlineData(3, 30)] // the last page holds 5 rows where 30 would give 10: rows were removed meanwhile
    [InlineData(3, 21)] // 5 rows where 21 would give 1: rows were added meanwhile
    [InlineData(4, 25)] // a page past the end
    [InlineData(1, 0)] // rows where none were expected
    public async Task ToPagedAsync_Should_CountAgain_When_ThePageContradictsTheKnownTotal(int pageNumber, int known)
    {
        var page = await PageAsync(new PageRequest(pageNumber, 10) { KnownTotal = known });

        Assert.Equal(Rows, page.TotalCount);
    }

    [Fact]
    public async Task ToPagedAsync_Should_KeepAnExactKnownTotal_OnTheLastPage()
    {
        var page = await PageAsync(new PageRequest(3, 10) { KnownTotal = Rows });

        Assert.Equal(Rows, page.TotalCount);
        Assert.Equal(5, page.Items.Count);
    }
}
