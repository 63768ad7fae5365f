using CertHub.Core.Audit;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Faults;

/// <summary>
/// Issue 10, 批量确认签发 interrupted: the database fails or the request is cancelled after k of the batch's write commands.
/// Each record is signed or not, never half (a signature row without the status change or the reverse), and signing again
/// signs the rest exactly once.
/// </summary>
public sealed class BatchSignFaultTests : IDisposable
{
    private const int Records = 12;
    private readonly SqliteTestDb _db = SqliteTestDb.InFile();
    private readonly AnIssuanceChain _chain;
    private readonly MemoryFileStore _files = new();
    private readonly FakeTimeProvider _clock = new(IssuanceHarness.Now);
    private readonly DatabaseOutage _outage = new();

    public BatchSignFaultTests() => _chain = AnIssuanceChain.SaveIn(_db);

    public void Dispose() => _db.Dispose();

    private IssuanceService Service(ICurrentUser user, bool faulty = true) =>
        new(faulty ? new FaultyDbFactory(_db, user, _outage) : _db.FactoryFor(user), user, _files, new RecordingChangeFeed(), _clock, new RecordingGenerationQueue());

    private async Task<IReadOnlyList<int>> GenerateAsync()
    {
        _chain.Pass(_chain.AddCandidates(Records));
        await Service(_chain.Organization, faulty: false).GenerateAsync(_chain.Criteria(), default);
        return _chain.RecordIds();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(11)]
    public async Task SignAsync_Should_SignNothing_When_DatabaseFailsAfterKWrites_AndSignAllExactlyOnce_When_Rerun(int k)
    {
        var ids = await GenerateAsync();
        _outage.WritesBeforeOutage = k;

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service(_chain.Organization).SignAsync(ids, IssuanceHarness.Signature(), default));

        Assert.Equal(StorageFaults.DatabaseFailed, ex.Message);
        Assert.True(_outage.Failures >= 1);
        AssertEachWholly(ids, signed: []);

        _outage.Restore();
        var result = await Service(_chain.Organization).SignAsync(ids, IssuanceHarness.Signature(), default);

        Assert.Equal((Records, 0), (result.Succeeded, result.Failures.Count));
        AssertEachWholly(ids, signed: ids);
    }

    [Fact]
    public async Task SignAsync_Should_SignNothing_When_CommitFails_AndSignExactlyOnce_When_Rerun()
    {
        var ids = await GenerateAsync();
        _outage.FailCommit = true;

        await Assert.ThrowsAsync<DomainRuleException>(() => Service(_chain.Organization).SignAsync(ids, IssuanceHarness.Signature(), default));
        AssertEachWholly(ids, signed: []);

        _outage.Restore();
        Assert.Equal(Records, (await Service(_chain.Organization).SignAsync(ids, IssuanceHarness.Signature(), default)).Succeeded);
        AssertEachWholly(ids, signed: ids);
    }

    [Fact]
    public async Task SignAsync_Should_SignNothing_When_RequestIsCancelledMidSave_AndSignOnlyTheRestExactlyOnce_When_Rerun()
    {
        var ids = await GenerateAsync();
        var first = ids.Take(4).ToList();
        Assert.Equal(4, (await Service(_chain.Organization).SignAsync(first, IssuanceHarness.Signature(), default)).Succeeded);
        _outage.WritesBeforeOutage = _outage.Writes + 3;
        _outage.CancelInstead = true;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Service(_chain.Organization).SignAsync(ids, IssuanceHarness.Signature(), default));
        AssertEachWholly(ids, signed: first);

        _outage.Restore();
        var rerun = await Service(_chain.Organization).SignAsync(ids, IssuanceHarness.Signature(), default);

        Assert.Equal(Records - first.Count, rerun.Succeeded);
        Assert.Equal(first.Count, rerun.Failures.Count); // already signed: refused, not signed twice
        AssertEachWholly(ids, signed: ids);
    }

    [Fact]
    public async Task SignAsync_Should_ObserveCancellation_BeforeWriting()
    {
        var ids = await GenerateAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Service(_chain.Organization).SignAsync(ids, IssuanceHarness.Signature(), cancelled.Token));

        AssertEachWholly(ids, signed: []);
    }

    /// <summary>Signed records: status moved, one 签名, one 签发 history row and one audit row each; the others: none of these.</summary>
    private void AssertEachWholly(IReadOnlyList<int> ids, IReadOnlyCollection<int> signed)
    {
        using var db = _db.OpenAsSystem();
        var status = IssuanceStatus.SitePendingSign.ToDisplayName();
        var records = db.Set<IssuanceRecord>().Include(r => r.Signatures).Include(r => r.History).AsNoTracking().Where(r => ids.Contains(r.Id)).ToList();
        var audited = db.Set<AuditEntry>().AsNoTracking().Where(a => a.EntityType == nameof(IssuanceRecord) && a.ToStatus == status)
            .Select(a => a.EntityId).ToList();
        Assert.Equal(ids.Count, records.Count);
        foreach (var record in records)
        {
            var isSigned = signed.Contains(record.Id);
            Assert.Equal(isSigned ? IssuanceStatus.SitePendingSign : IssuanceStatus.OrgPendingSign, record.Status);
            Assert.Equal(isSigned ? 1 : 0, record.Signatures.Count);
            Assert.Equal(isSigned ? 1 : 0, record.History.Count(h => h.Action == IssuanceAction.Sign));
            Assert.Equal(isSigned ? 1 : 0, audited.Count(e => e == record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
