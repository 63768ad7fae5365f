using System.Security.Cryptography;
using CertHub.Core.Ledger;

namespace CertHub.Tests.Core.Ledger;

public sealed class LedgerHasherTests
{
    private static readonly string A = LedgerHasher.Sha256Hex("a");
    private static readonly string B = LedgerHasher.Sha256Hex("b");
    private static readonly string C = LedgerHasher.Sha256Hex("c");
    private static readonly string D = LedgerHasher.Sha256Hex("d");

    [Fact]
    public void Sha256Hex_Should_MatchKnownVector_When_Abc()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", LedgerHasher.Sha256Hex("abc"));
    }

    [Fact]
    public void ComputeMerkleRoot_Should_BeTheHashItself_When_OneHash()
    {
        Assert.Equal(A, LedgerHasher.ComputeMerkleRoot([A]));
    }

    [Fact]
    public void ComputeMerkleRoot_Should_HashThePair_When_TwoHashes()
    {
        Assert.Equal(Pair(A, B), LedgerHasher.ComputeMerkleRoot([A, B]));
    }

    [Fact]
    public void ComputeMerkleRoot_Should_DuplicateLast_When_ThreeHashes()
    {
        Assert.Equal(Pair(Pair(A, B), Pair(C, C)), LedgerHasher.ComputeMerkleRoot([A, B, C]));
    }

    [Fact]
    public void ComputeMerkleRoot_Should_BuildBalancedTree_When_FourHashes()
    {
        Assert.Equal(Pair(Pair(A, B), Pair(C, D)), LedgerHasher.ComputeMerkleRoot([A, B, C, D]));
    }

    [Fact]
    public void ComputeMerkleRoot_Should_DependOnOrder_When_LeavesSwapped()
    {
        Assert.NotEqual(LedgerHasher.ComputeMerkleRoot([A, B]), LedgerHasher.ComputeMerkleRoot([B, A]));
    }

    [Fact]
    public void ComputeMerkleRoot_Should_BeZeroHash_When_NoHashes()
    {
        Assert.Equal(LedgerHasher.ZeroHash, LedgerHasher.ComputeMerkleRoot([]));
    }

    [Fact]
    public void ComputeTxHash_Should_ChangeWithEveryField_When_OneDiffers()
    {
        var at = new DateTimeOffset(2021, 9, 23, 0, 0, 0, TimeSpan.Zero);
        var baseline = LedgerHasher.ComputeTxHash(LedgerEntryKind.CertificateIssued, "certificate:1", A, at, LedgerHasher.ZeroHash);

        Assert.Equal(64, baseline.Length);
        Assert.NotEqual(baseline, LedgerHasher.ComputeTxHash(LedgerEntryKind.CertificateRevoked, "certificate:1", A, at, LedgerHasher.ZeroHash));
        Assert.NotEqual(baseline, LedgerHasher.ComputeTxHash(LedgerEntryKind.CertificateIssued, "certificate:2", A, at, LedgerHasher.ZeroHash));
        Assert.NotEqual(baseline, LedgerHasher.ComputeTxHash(LedgerEntryKind.CertificateIssued, "certificate:1", B, at, LedgerHasher.ZeroHash));
        Assert.NotEqual(baseline, LedgerHasher.ComputeTxHash(LedgerEntryKind.CertificateIssued, "certificate:1", A, at.AddTicks(1), LedgerHasher.ZeroHash));
        Assert.NotEqual(baseline, LedgerHasher.ComputeTxHash(LedgerEntryKind.CertificateIssued, "certificate:1", A, at, B));
    }

    private static string Pair(string left, string right) =>
        Convert.ToHexStringLower(SHA256.HashData([.. Convert.FromHexString(left), .. Convert.FromHexString(right)]));
}
