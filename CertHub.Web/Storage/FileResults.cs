using CertHub.Core.Common;

namespace CertHub.Web.Storage;

/// <summary>Serving stored files from the endpoints: 404 when the service found no path (not allowed or absent) or no file.</summary>
public static class FileResults
{
    /// <summary>The largest stored image served (photos are at most 5 MB, seals 1 MB, signatures 2 MB).</summary>
    public const long MaxImageBytes = 8L * 1024 * 1024;

    /// <summary>
    /// A stored PNG or JPEG (seal, photo, signature) served with the content type its bytes prove (never the name, never text/html;
    /// <c>nosniff</c> is on every response, see SecurityHeaders); a stored file that is not a PNG/JPEG is not served (404).
    /// </summary>
    public static async Task<IResult> ImageAsync(IFileStore files, string? path, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        await using var stream = path is null ? null : await files.OpenReadAsync(path, ct);
        if (stream is null)
        {
            return Results.NotFound();
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxImageBytes)
        {
            return Results.NotFound();
        }

        var bytes = buffer.ToArray();
        return ImageSignature.Detect(bytes) switch
        {
            ImageFormatKind.Png => Results.Bytes(bytes, "image/png"),
            ImageFormatKind.Jpeg => Results.Bytes(bytes, "image/jpeg"),
            _ => Results.NotFound(),
        };
    }
}
