using CertHub.Web.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CertHub.Tests.Web.Storage;

/// <summary>The disk file store writes a temporary file and moves it into place: a failed write (a full disk) leaves nothing behind.</summary>
public sealed class DiskFileStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("certhub-store-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private DiskFileStore Store() =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Root"] = _root }).Build(), new Host(_root));

    [Fact]
    public async Task SaveAsync_Should_StoreWholeFile_AndLeaveNoTemporaryFile_When_WriteSucceeds()
    {
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();
        using var content = new MemoryStream(bytes);

        var path = await Store().SaveAsync("photos/1", "a.jpg", content);

        Assert.Equal("photos/1/a.jpg", path);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(_root, path)));
        Assert.Equal([Path.Combine(_root, "photos", "1", "a.jpg")], Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task SaveAsync_Should_LeaveNoPartialFile_When_DiskFillsUpMidWrite()
    {
        using var content = new FailingStream(bytesBeforeFailure: 50_000);

        var ex = await Assert.ThrowsAsync<IOException>(() => Store().SaveAsync("photos/1", "a.jpg", content));

        Assert.Equal(28, ex.HResult);
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task SaveAsync_Should_KeepThePreviousFile_When_OverwriteFails()
    {
        using (var first = new MemoryStream([1, 2, 3]))
        {
            await Store().SaveAsync("photos/1", "a.jpg", first);
        }

        using var content = new FailingStream(bytesBeforeFailure: 10);
        await Assert.ThrowsAsync<IOException>(() => Store().SaveAsync("photos/1", "a.jpg", content));

        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(Path.Combine(_root, "photos", "1", "a.jpg")));
    }

    /// <summary>Gives <paramref name="bytesBeforeFailure"/> bytes, then fails as a full disk does (ENOSPC).</summary>
    private sealed class FailingStream(int bytesBeforeFailure) : Stream
    {
        private int _given;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _given; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_given >= bytesBeforeFailure)
            {
                throw new IOException("No space left on device", 28);
            }

            var n = Math.Min(count, bytesBeforeFailure - _given);
            Array.Fill(buffer, (byte)7, offset, n);
            _given += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class Host(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "CertHub.Tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
