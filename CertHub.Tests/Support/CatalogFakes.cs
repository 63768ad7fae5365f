using System.Collections.Concurrent;
using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Tests.Support;

/// <summary>In-memory file store for tests.</summary>
public sealed class MemoryFileStore : IFileStore
{
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    public async Task<string> SaveAsync(string relativeFolder, string fileName, Stream content, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var path = $"{relativeFolder}/{fileName}";
        Files[path] = buffer.ToArray();
        return path;
    }

    public Task<Stream?> OpenReadAsync(string relativePath, CancellationToken ct = default) =>
        Task.FromResult<Stream?>(Files.TryGetValue(relativePath, out var bytes) ? new MemoryStream(bytes) : null);
}

/// <summary>Records published notices.</summary>
public sealed class RecordingChangeFeed : IChangeFeed
{
    public List<ChangeNotice> Published { get; } = [];

    public void Publish(ChangeNotice notice) => Published.Add(notice);

    public IDisposable Subscribe(string topic, Func<ChangeNotice, Task> handler) => new Nothing();

    private sealed class Nothing : IDisposable
    {
        public void Dispose()
        {
        }
    }
}

/// <summary>A ledger reader returning a fixed answer.</summary>
public sealed class FixedLedgerReader(CertificateLedgerInfo? info) : ICertificateLedgerReader
{
    public Task<CertificateLedgerInfo?> GetAsync(int certificateId, CancellationToken ct) => Task.FromResult(info);
}

public static class TestImages
{
    /// <summary>A real 4×4 PNG.</summary>
    public static byte[] Png()
    {
        using var bitmap = new SkiaSharp.SKBitmap(4, 4);
        bitmap.Erase(SkiaSharp.SKColors.Red);
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Text saved as seal.png.</summary>
    public static byte[] TextPretendingToBePng() => System.Text.Encoding.UTF8.GetBytes("this is not an image, just text in a .png file");
}
