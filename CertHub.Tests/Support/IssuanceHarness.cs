using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Support;

/// <summary>Counts the wake-ups of the certificate generation worker.</summary>
public sealed class RecordingGenerationQueue : ICertificateGenerationQueue
{
    private int _wakes;

    public int Wakes => _wakes;

    public void Wake() => Interlocked.Increment(ref _wakes);
}

/// <summary>
/// An <see cref="AnIssuanceChain"/> on a fresh SQLite database with the fakes an <see cref="IssuanceService"/> needs, and
/// shortcuts that move records through the real service (or, for the worker's steps, the real verbs as the system).
/// </summary>
public sealed class IssuanceHarness : IDisposable
{
    public static readonly DateTimeOffset Now = new(2021, 9, 28, 2, 0, 0, TimeSpan.Zero);

    public IssuanceHarness()
    {
        Chain = AnIssuanceChain.SaveIn(Db);
    }

    public SqliteTestDb Db { get; } = new();

    public AnIssuanceChain Chain { get; }

    public MemoryFileStore Files { get; } = new();

    public RecordingChangeFeed Changes { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Now);

    public RecordingGenerationQueue Queue { get; } = new();

    public IssuanceService Service(ICurrentUser user, ICertHubDbFactory? factory = null) =>
        new(factory ?? Db.FactoryFor(user), user, Files, Changes, Clock, Queue);

    public static SignatureInput Signature(string signer = "张签发") => new(signer, TestImages.Png());

    /// <summary>Generates the records of <paramref name="count"/> new eligible candidates (intermediate) and returns their ids.</summary>
    public async Task<IReadOnlyList<int>> GenerateAsync(int count, int? siteId = null)
    {
        var before = Chain.RecordIds().ToHashSet();
        Chain.Pass(Chain.AddCandidates(count), siteId: siteId);
        await Service(Chain.Organization).GenerateAsync(Chain.Criteria(), default);
        return Chain.RecordIds().Where(id => !before.Contains(id)).ToList();
    }

    public async Task OrgSignsAsync(IReadOnlyCollection<int> ids) =>
        AssertAll(await Service(Chain.Organization).SignAsync(ids, Signature("张组织"), default), ids);

    public async Task SiteSignsAsync(IReadOnlyCollection<int> ids, ICurrentUser? site = null) =>
        AssertAll(await Service(site ?? Chain.School).SignAsync(ids, Signature("李院校"), default), ids);

    /// <summary>Drives fresh records to 证书待发放 through both signatures.</summary>
    public async Task<IReadOnlyList<int>> PendingIssueAsync(int count)
    {
        var ids = await GenerateAsync(count);
        await OrgSignsAsync(ids);
        await SiteSignsAsync(ids);
        return ids;
    }

    /// <summary>Issues electronic certificates and completes their generation as the worker would, with a stored PDF each.</summary>
    public async Task<IReadOnlyList<int>> IssuedAsync(int count)
    {
        var ids = await PendingIssueAsync(count);
        AssertAll(await Service(Chain.Organization).IssueAsync(ids, IssueMethod.Electronic, default), ids);
        using var db = Db.OpenAsSystem();
        foreach (var record in db.Set<IssuanceRecord>().Where(r => ids.Contains(r.Id)).ToList())
        {
            var path = $"certificates/{record.Id}.pdf";
            Files.Files[path] = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.7 certificate {record.Id}");
            record.CompleteGeneration($"1XXXH2021200{record.Id:D5}", new DateOnly(2021, 9, 29), path, Now);
        }

        await db.SaveChangesAsync();
        return ids;
    }

    public IssuanceStatus StatusOf(int id)
    {
        using var db = Db.OpenAsSystem();
        return db.Set<IssuanceRecord>().AsNoTracking().Where(r => r.Id == id).Select(r => r.Status).Single();
    }

    public void Dispose() => Db.Dispose();

    private static void AssertAll(BatchResult result, IReadOnlyCollection<int> ids)
    {
        Assert.Empty(result.Failures);
        Assert.Equal(ids.Count, result.Succeeded);
    }
}
