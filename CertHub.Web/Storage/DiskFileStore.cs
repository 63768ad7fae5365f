using CertHub.Core.Common;

namespace CertHub.Web.Storage;

/// <summary>
/// Files on disk under <c>Storage:Root</c> (default <c>data/files</c> under the content root). A file is written to a
/// temporary name and moved into place when complete, so a failed write (a full disk, issue 10) leaves no partial file behind.
/// </summary>
public sealed class DiskFileStore : IFileStore
{
    private readonly string _root;

    public DiskFileStore(IConfiguration configuration, IHostEnvironment environment)
    {
        var root = configuration["Storage:Root"];
        root = string.IsNullOrWhiteSpace(root) ? Path.Combine("data", "files") : root;
        _root = Path.GetFullPath(Path.IsPathRooted(root) ? root : Path.Combine(environment.ContentRootPath, root));
        Directory.CreateDirectory(_root);
    }

    public async Task<string> SaveAsync(string relativeFolder, string fileName, Stream content, CancellationToken ct = default)
    {
        var safeName = SafeName(fileName);
        var relative = Path.Combine(relativeFolder, safeName).Replace('\\', '/');
        var full = Resolve(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Guid.NewGuid():N}.part";
        try
        {
            await using (var file = File.Create(temporary))
            {
                await content.CopyToAsync(file, ct);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return relative;
    }

    public Task<Stream?> OpenReadAsync(string relativePath, CancellationToken ct = default)
    {
        var full = Resolve(relativePath);
        return Task.FromResult<Stream?>(File.Exists(full) ? File.OpenRead(full) : null);
    }

    /// <summary>
    /// The last segment of an uploaded name, whichever separator it uses ('/' or '\\', so "..\\..\\x" is "x" on Linux too);
    /// a name that is empty, "." or ".." after that is refused.
    /// </summary>
    public static string SafeName(string fileName)
    {
        var name = (fileName ?? "").Split('/', '\\').Last().Trim();
        if (name is "" or "." or "..")
        {
            throw new InvalidOperationException("The file name is empty or climbs out of its folder.");
        }

        return name;
    }

    private string Resolve(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relativePath));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Path escapes the storage root.");
        }

        return full;
    }
}
