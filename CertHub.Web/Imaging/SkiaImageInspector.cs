using CertHub.Core.Common;
using SkiaSharp;

namespace CertHub.Web.Imaging;

/// <summary>Decodes PNG/JPEG bytes with SkiaSharp; anything else (or a broken file) is null.</summary>
public sealed class SkiaImageInspector : IImageInspector
{
    /// <summary>JPEG quality of re-encoded photos and seals (visually lossless for 295×413 ID photos).</summary>
    public const int JpegQuality = 92;

    public ImageInfo? Inspect(byte[] content)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        ImageFormatKind? format = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Png => ImageFormatKind.Png,
            SKEncodedImageFormat.Jpeg => ImageFormatKind.Jpeg,
            _ => null,
        };
        if (format is null)
        {
            return null;
        }

        using var bitmap = SKBitmap.Decode(codec);
        return bitmap is null ? null : new ImageInfo(format.Value, bitmap.Width, bitmap.Height);
    }

    public byte[]? Reencode(byte[] content) => ReencodeImage(content);

    /// <summary>Decodes PNG/JPEG bytes and encodes the pixels again in the same format; null when they are not a readable image.</summary>
    public static byte[]? ReencodeImage(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        var format = codec?.EncodedFormat;
        if (codec is null || format is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg))
        {
            return null;
        }

        using var bitmap = SKBitmap.Decode(codec);
        if (bitmap is null)
        {
            return null;
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(format.Value, format == SKEncodedImageFormat.Png ? 100 : JpegQuality);
        return encoded?.ToArray();
    }
}
