using CertHub.Core.Common;

namespace CertHub.Web.Components.Shared;

/// <summary>Signature PNGs between the browser (data URLs) and .NET (bytes).</summary>
public static class SignatureImage
{
    private const string Prefix = "data:image/png;base64,";

    /// <summary>The largest signature accepted (a drawn signature is a few dozen KB).</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>PNG bytes (decoded and re-encoded) of a <c>data:image/png;base64,...</c> URL; null when empty, not a readable PNG or too large.</summary>
    public static byte[]? FromDataUrl(string? dataUrl)
    {
        if (string.IsNullOrEmpty(dataUrl) || !dataUrl.StartsWith(Prefix, StringComparison.Ordinal) || dataUrl.Length > MaxBytes * 4 / 3 + Prefix.Length + 4)
        {
            return null;
        }

        try
        {
            var bytes = Convert.FromBase64String(dataUrl[Prefix.Length..]);
            // Re-encoded: only the drawn pixels are kept (a PNG carrying a script or HTML loses it).
            return ImageSignature.Detect(bytes) == ImageFormatKind.Png ? Imaging.SkiaImageInspector.ReencodeImage(bytes) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string ToDataUrl(byte[] png) => Prefix + Convert.ToBase64String(png);
}
