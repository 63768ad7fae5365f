using CertHub.Core.Common;

namespace CertHub.Web.Storage;

/// <summary>Serving stored files from the endpoints: 404 when the service found no path (not allowed or absent) or no file.</summary>
public static class FileResults
{
    /// <summary>A stored PNG or JPEG (seal, photo) with its content type.</summary>
    public static async Task<IResult> ImageAsync(IFileStore files, string? path, CancellationToken ct)
    {
        var stream = path is null ? null : await files.OpenReadAsync(path, ct);
        return stream is null
            ? Results.NotFound()
            : Results.Stream(stream, path!.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "image/jpeg");
    }
}
