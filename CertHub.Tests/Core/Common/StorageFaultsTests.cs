using System.Data.Common;
using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Core.Common;

public sealed class StorageFaultsTests
{
    [Theory]
    [InlineData(28, true)] // ENOSPC
    [InlineData(122, true)] // EDQUOT
    [InlineData(unchecked((int)0x80070070), true)] // ERROR_DISK_FULL
    [InlineData(unchecked((int)0x80070027), true)] // ERROR_HANDLE_DISK_FULL
    [InlineData(13, false)] // EACCES
    [InlineData(unchecked((int)0x80070020), false)] // sharing violation
    public void IsStorageFull_Should_RecogniseOnlyDiskFull(int hresult, bool full) =>
        Assert.Equal(full, StorageFaults.IsStorageFull(new IOException("io", hresult)));

    [Fact]
    public void IsDatabaseFault_Should_FindProviderErrorInChain_Only()
    {
        Assert.True(StorageFaults.IsDatabaseFault(new DbUpdateException("save", new FakeDbException())));
        Assert.False(StorageFaults.IsDatabaseFault(new DbUpdateConcurrencyException("moved")));
        Assert.False(StorageFaults.IsDatabaseFault(new InvalidOperationException()));
    }

    [Fact]
    public async Task SaveUploadAsync_Should_RefuseInChinese_When_DiskFull_AndRethrowOtherIoErrors()
    {
        using var content = new MemoryStream([1, 2, 3]);
        var full = await Assert.ThrowsAsync<DomainRuleException>(() => new ThrowingStore(new IOException("No space left on device", 28)).SaveUploadAsync("a", "b", content, default));
        Assert.Equal("存储空间不足，上传失败", full.Message);
        await Assert.ThrowsAsync<IOException>(() => new ThrowingStore(new IOException("denied", 13)).SaveUploadAsync("a", "b", content, default));
    }

    private sealed class FakeDbException() : DbException("gone");

    private sealed class ThrowingStore(Exception error) : IFileStore
    {
        public Task<string> SaveAsync(string relativeFolder, string fileName, Stream content, CancellationToken ct = default) => throw error;

        public Task<Stream?> OpenReadAsync(string relativePath, CancellationToken ct = default) => Task.FromResult<Stream?>(null);
    }
}
