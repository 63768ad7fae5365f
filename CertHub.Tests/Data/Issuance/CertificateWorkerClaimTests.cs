using System.Globalization;
using CertHub.Core.Candidates;
using CertHub.Core.Issuance;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.Issuance;

/// <summary>
/// 证书生成 on several instances (issue 10): each record in 证书生成中 is claimed by exactly one worker (atomic claim with a
/// lease), so two workers over one database generate every certificate once; a dead worker's claims are taken over after the lease.
/// </summary>
public sealed class CertificateWorkerClaimTests : IDisposable
{
    private readonly IssuingScenario _scenario = new(db: SqliteTestDb.InFile());

    public void Dispose() => _scenario.Dispose();

    /// <summary>A valid, distinct 居民身份证 number for <paramref name="i"/>.</summary>
    private static string IdFor(int i)
    {
        var first17 = string.Create(CultureInfo.InvariantCulture, $"110101{new DateOnly(1995, 1, 1).AddDays(i):yyyyMMdd}{i % 1000:D3}");
        return first17 + IdNumber.CheckCharacter(first17);
    }

    private async Task<int> PendingAsync()
    {
        await using var db = _scenario.Db.OpenAsSystem();
        return await db.Set<IssuanceRecord>().CountAsync(r => r.Status == IssuanceStatus.Generating);
    }

    private int[] SaveRecords(int count) => [.. Enumerable.Range(0, count).Select(i => _scenario.SaveRecord(idNumber: IdFor(i)))];

    [Fact]
    public async Task TwoWorkers_Should_GenerateEachCertificateExactlyOnce()
    {
        const int total = 40;
        var ids = SaveRecords(total);
        var workers = new[] { _scenario.NewIssuing(chunkSize: 5, workerId: "instance-a"), _scenario.NewIssuing(chunkSize: 5, workerId: "instance-b") };

        // Both instances poll until nothing is left, at the same time, as their background workers would.
        var processed = await Task.WhenAll(workers.Select(w => Task.Run(async () =>
        {
            var count = 0;
            for (var round = 0; round < 200 && await PendingAsync() > 0; round++)
            {
                count += await w.ProcessPendingAsync(5, CancellationToken.None);
                await Task.Yield();
            }

            return count;
        })));

        Assert.Equal(total, processed.Sum());
        var records = ids.Select(_scenario.Load).ToList();
        Assert.All(records, r => Assert.Equal(IssuanceStatus.Issued, r.Status));
        Assert.All(records, r => Assert.Single(r.History, h => h.Action == IssuanceAction.GenerationSucceeded));
        Assert.All(records, r => Assert.Null(r.GenerationClaim)); // released when generation ended
        Assert.Equal(total, records.Select(r => r.CertificateNo).Distinct().Count());
        Assert.Equal(total, _scenario.Renderer.Rendered.Count); // rendered once each: no chunk was done twice
        Assert.Equal(total, _scenario.Renderer.Rendered.Select(d => d.CertificateNo).Distinct().Count());
        var ledger = await _scenario.Ledger.VerifyAllAsync(CancellationToken.None);
        Assert.True(ledger.IsValid);
        Assert.Equal(total, ledger.EntryCount);
    }

    [Fact]
    public async Task Worker_Should_LeaveRecordsClaimedByALiveWorker_AndTakeThemOver_WhenTheLeaseExpired()
    {
        var ids = SaveRecords(3);
        await using (var db = _scenario.Db.OpenAsSystem())
        {
            // instance-a claimed them and died before generating anything.
            var until = _scenario.Clock.GetUtcNow().AddMinutes(5);
            await db.Set<IssuanceRecord>().ExecuteUpdateAsync(s => s
                .SetProperty(r => r.GenerationClaim, "instance-a/dead")
                .SetProperty(r => r.GenerationClaimExpiresUtc, until));
        }

        var b = _scenario.NewIssuing(workerId: "instance-b");
        Assert.Equal(0, await b.ProcessPendingAsync(100, CancellationToken.None));
        Assert.All(ids, id => Assert.Equal(IssuanceStatus.Generating, _scenario.Load(id).Status));
        Assert.Empty(_scenario.Renderer.Rendered);

        _scenario.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Assert.Equal(3, await b.ProcessPendingAsync(100, CancellationToken.None));
        Assert.All(ids, id => Assert.Equal(IssuanceStatus.Issued, _scenario.Load(id).Status));
        Assert.Equal(3, _scenario.Renderer.Rendered.Count);
    }

    [Fact]
    public async Task Worker_Should_NotSave_RecordsItLostToAnotherWorker()
    {
        var id = SaveRecords(1)[0];
        var a = _scenario.NewIssuing(workerId: "instance-a");
        // While instance-a renders, its lease runs out and instance-b claims and finishes the record.
        _scenario.Renderer.OnRender = () =>
        {
            _scenario.Renderer.OnRender = null;
            _scenario.Clock.Advance(TimeSpan.FromMinutes(6));
            Assert.Equal(1, _scenario.NewIssuing(workerId: "instance-b").ProcessPendingAsync(10, CancellationToken.None).GetAwaiter().GetResult());
        };

        Assert.Equal(0, await a.ProcessPendingAsync(10, CancellationToken.None));

        var record = _scenario.Load(id);
        Assert.Equal(IssuanceStatus.Issued, record.Status);
        Assert.Single(record.History, h => h.Action == IssuanceAction.GenerationSucceeded); // b's; a's save was refused
        Assert.Equal(1, (await _scenario.Ledger.VerifyAllAsync(CancellationToken.None)).EntryCount);
    }
}
