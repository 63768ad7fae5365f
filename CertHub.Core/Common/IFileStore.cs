namespace CertHub.Core.Common;

/// <summary>文件存储: uploaded and generated files (seals, photos, certificates), addressed by a relative path.</summary>
public interface IFileStore
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="relativeFolder"/> and returns its relative path.</summary>
    Task<string> SaveAsync(string relativeFolder, string fileName, Stream content, CancellationToken ct = default);

    /// <summary>Opens a stored file for reading; null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(string relativePath, CancellationToken ct = default);
}
