using CertHub.Core.Common;
using CertHub.Core.Ledger;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Ledger;

public sealed class LedgerModelTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 9, 23, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task LedgerService_Should_AppendTwoChainedBlocksAndVerify_When_RealDatabase()
    {
        var service = new LedgerService(_db.FactoryFor(FixedCurrentUser.System), _clock);
        var ct = CancellationToken.None;

        var first = await service.AppendAsync(
        [
            (LedgerEntryKind.CertificatePublished, "certificate:1", "{\"code\":\"1+X-XXH\"}"),
            (LedgerEntryKind.CertificateIssued, "1XXXH2021200000001", "{\"no\":\"1XXXH2021200000001\",\"name\":\"王大三\"}"),
        ], ct);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var second = await service.AppendAsync(
        [
            (LedgerEntryKind.CertificateIssued, "1XXXH2021200000002", "{\"no\":\"1XXXH2021200000002\"}"),
            (LedgerEntryKind.CertificateRevoked, "1XXXH2021200000001", "{\"no\":\"1XXXH2021200000001\",\"revoked\":true}"),
            (LedgerEntryKind.CertificateIssued, "1XXXH2021200000003", "{\"no\":\"1XXXH2021200000003\"}"),
        ], ct);

        Assert.All(first, p => Assert.Equal(1, p.BlockHeight));
        Assert.All(second, p => Assert.Equal(2, p.BlockHeight));
        await using (var db = _db.OpenAsSystem())
        {
            var blocks = await db.Set<LedgerBlock>().OrderBy(b => b.Height).ToListAsync(ct);
            Assert.Equal(blocks[0].Hash, blocks[1].PreviousHash);
            Assert.Equal(LedgerHasher.ZeroHash, blocks[0].PreviousHash);
            Assert.Equal([2, 3], blocks.Select(b => b.EntryCount));
        }

        var verification = await service.VerifyAllAsync(ct);
        Assert.True(verification.IsValid, string.Join("; ", verification.Problems));
        Assert.Equal((2, 5), (verification.BlockCount, verification.EntryCount));

        var proof = await service.GetEntryAsync("1XXXH2021200000001", ct);
        Assert.NotNull(proof);
        Assert.Equal(second[1], proof);
        Assert.Equal(_clock.GetUtcNow(), proof.CreatedUtc);
        Assert.Null(await service.GetEntryAsync("nothing:1", ct));
    }

    [Fact]
    public async Task LedgerService_Should_DetectEditedRow_When_PayloadHashChangedInDatabase()
    {
        var service = new LedgerService(_db.FactoryFor(FixedCurrentUser.System), _clock);
        var ct = CancellationToken.None;
        await service.AppendAsync([(LedgerEntryKind.CertificateIssued, "c:1", "a"), (LedgerEntryKind.CertificateIssued, "c:2", "b")], ct);
        await service.AppendAsync([(LedgerEntryKind.CertificateIssued, "c:3", "c")], ct);

        await using (var db = _db.OpenAsSystem())
        {
            var forged = LedgerHasher.Sha256Hex("forged");
            await db.Set<LedgerEntry>().Where(e => e.SubjectKey == "c:2")
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.PayloadHash, forged), ct);
        }

        var verification = await service.VerifyAllAsync(ct);

        var problem = Assert.Single(verification.Problems);
        Assert.Equal((1L, (int?)1), (problem.BlockHeight, problem.IndexInBlock));
    }

    [Fact]
    public void LedgerBlock_Should_RejectDuplicate_When_SameHeight()
    {
        var (block, entries) = LedgerBlock.Seal(null, LedgerTestItems.Items(1), _clock.GetUtcNow());
        var (again, _) = LedgerBlock.Seal(null, LedgerTestItems.Items(1, "other"), _clock.GetUtcNow().AddMinutes(1));
        Save(block, entries[0]);

        Assert.Throws<DbUpdateException>(() => Save(again));
    }

    [Fact]
    public void LedgerEntry_Should_RejectDuplicate_When_SameTxHash()
    {
        var (first, entries) = LedgerBlock.Seal(null, LedgerTestItems.Items(1), _clock.GetUtcNow());
        Save(first, entries[0]);
        var other = new LedgerItem(LedgerEntryKind.CertificatePublished, "certificate:99", "{}");
        var (_, sameTxAtIndexOne) = LedgerBlock.Seal(null, [other, LedgerTestItems.Items(1)[0]], _clock.GetUtcNow());
        Assert.Equal(entries[0].TxHash, sameTxAtIndexOne[1].TxHash);

        Assert.Throws<DbUpdateException>(() => Save(sameTxAtIndexOne[1]));
    }

    [Fact]
    public void LedgerBlock_Should_RoundTripHashes_When_Saved()
    {
        var (block, entries) = LedgerBlock.Seal(null, LedgerTestItems.Items(2), _clock.GetUtcNow());
        Save([block, .. entries]);

        using var db = _db.OpenAsSystem();
        var loaded = db.Set<LedgerBlock>().Single();
        var loadedEntries = db.Set<LedgerEntry>().OrderBy(e => e.IndexInBlock).ToList();
        Assert.Equal((block.Hash, block.MerkleRoot, block.CreatedUtc), (loaded.Hash, loaded.MerkleRoot, loaded.CreatedUtc));
        Assert.Equal(entries.Select(e => (e.TxHash, e.Kind, e.SubjectKey)), loadedEntries.Select(e => (e.TxHash, e.Kind, e.SubjectKey)));
        Assert.True(LedgerVerifier.Verify([loaded], loadedEntries).IsValid);
    }

    private void Save(params object[] entities)
    {
        using var db = _db.OpenAsSystem();
        db.AddRange(entities);
        db.SaveChanges();
    }
}
