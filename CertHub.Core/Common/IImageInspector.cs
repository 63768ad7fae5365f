namespace CertHub.Core.Common;

/// <summary>Image formats accepted for uploads.</summary>
public enum ImageFormatKind
{
    Png,
    Jpeg,
}

/// <summary>What decoding an image found.</summary>
public sealed record ImageInfo(ImageFormatKind Format, int Width, int Height);

/// <summary>Decodes image bytes (the real decoder lives in Web); null when the bytes are not a PNG or JPEG image.</summary>
public interface IImageInspector
{
    ImageInfo? Inspect(byte[] content);

    /// <summary>
    /// The image decoded and encoded again in its own format (PNG stays PNG, JPEG stays JPEG): only pixels survive, so anything
    /// appended to or hidden in the file (a script, HTML, a zip, metadata) is dropped. Null when the bytes are not a readable image.
    /// </summary>
    byte[]? Reencode(byte[] content);
}

/// <summary>Recognises PNG and JPEG files by their first bytes (magic numbers), never by the file name.</summary>
public static class ImageSignature
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static ImageFormatKind? Detect(ReadOnlySpan<byte> content)
    {
        if (content.Length >= Png.Length && content[..Png.Length].SequenceEqual(Png))
        {
            return ImageFormatKind.Png;
        }

        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return ImageFormatKind.Jpeg;
        }

        return null;
    }
}
