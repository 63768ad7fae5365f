using CertHub.Core.Common;

namespace CertHub.Bench;

/// <summary>Files under a temporary folder (the bench's storage root).</summary>
public sealed class FolderFileStore(string root) : IFileStore
{
    public string Root { get; } = Directory.CreateDirectory(root).FullName;

    public async Task<string> SaveAsync(string relativeFolder, string fileName, Stream content, CancellationToken ct = default)
    {
        var relative = $"{relativeFolder}/{Path.GetFileName(fileName)}";
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await using var file = File.Create(full);
        await content.CopyToAsync(file, ct);
        return relative;
    }

    public Task<Stream?> OpenReadAsync(string relativePath, CancellationToken ct = default)
    {
        var full = Path.Combine(Root, relativePath);
        return Task.FromResult<Stream?>(File.Exists(full) ? File.OpenRead(full) : null);
    }
}
