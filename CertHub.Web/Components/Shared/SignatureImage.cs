namespace CertHub.Web.Components.Shared;

/// <summary>Signature PNGs between the browser (data URLs) and .NET (bytes).</summary>
public static class SignatureImage
{
    private const string Prefix = "data:image/png;base64,";

    /// <summary>The largest signature accepted (a drawn signature is a few dozen KB).</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>PNG bytes of a <c>data:image/png;base64,...</c> URL; null when empty, not a PNG or too large.</summary>
    public static byte[]? FromDataUrl(string? dataUrl)
    {
        if (string.IsNullOrEmpty(dataUrl) || !dataUrl.StartsWith(Prefix, StringComparison.Ordinal) || dataUrl.Length > MaxBytes * 4 / 3 + Prefix.Length + 4)
        {
            return null;
        }

        try
        {
            var bytes = Convert.FromBase64String(dataUrl[Prefix.Length..]);
            return bytes.AsSpan().StartsWith(PngMagic) ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string ToDataUrl(byte[] png) => Prefix + Convert.ToBase64String(png);
}
