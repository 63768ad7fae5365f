using CertHub.Core.Common;
using SkiaSharp;

namespace CertHub.Web.Imaging;

/// <summary>
/// Decodes PNG/JPEG bytes with SkiaSharp; anything else (or a broken file) is null. The EXIF orientation a phone camera writes
/// (the sensor's pixels plus "turn me 90°") is applied: sizes are those of the upright picture, and re-encoding turns the pixels
/// themselves (the re-encoded file has no metadata left to say so), so a phone photo stays upright.
/// </summary>
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
        if (bitmap is null)
        {
            return null;
        }

        return SwapsSides(codec.EncodedOrigin)
            ? new ImageInfo(format.Value, bitmap.Height, bitmap.Width)
            : new ImageInfo(format.Value, bitmap.Width, bitmap.Height);
    }

    public byte[]? Reencode(byte[] content) => ReencodeImage(content);

    /// <summary>Decodes PNG/JPEG bytes and encodes the pixels again in the same format; null when they are not a readable image.</summary>
    public static byte[]? ReencodeImage(byte[] content)
    {
        using var upright = DecodeWithFormat(content, out var format);
        if (upright is null || format is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg))
        {
            return null;
        }

        using var image = SKImage.FromBitmap(upright);
        using var encoded = image.Encode(format, format == SKEncodedImageFormat.Png ? 100 : JpegQuality);
        return encoded?.ToArray();
    }

    /// <summary>The pixels of a PNG/JPEG as the picture is meant to be seen (EXIF orientation applied); null when unreadable.</summary>
    public static SKBitmap? DecodeUpright(byte[] content) => DecodeWithFormat(content, out _);

    private static SKBitmap? DecodeWithFormat(byte[] content, out SKEncodedImageFormat format)
    {
        ArgumentNullException.ThrowIfNull(content);
        format = default;
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        format = codec.EncodedFormat;
        var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return null;
        }

        var upright = Upright(decoded, codec.EncodedOrigin);
        if (upright is null)
        {
            return decoded;
        }

        decoded.Dispose();
        return upright;
    }

    /// <summary>Orientations 5–8 turn the picture a quarter: its width is the stored height.</summary>
    private static bool SwapsSides(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>The pixels turned and/or mirrored as the EXIF orientation says; null when they are upright already.</summary>
    private static SKBitmap? Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        float w = bitmap.Width, h = bitmap.Height;

        // x' = ScaleX·x + SkewX·y + TransX, y' = SkewY·x + ScaleY·y + TransY: stored pixel (x, y) → upright pixel (x', y').
        SKMatrix? transform = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1), // mirrored
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1), // 180°
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1), // mirrored upside down
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1), // transposed
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1), // 90° clockwise (phone held upright)
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1), // transverse
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1), // 90° counter-clockwise
            _ => null,
        };
        if (transform is not { } matrix)
        {
            return null;
        }

        var swap = SwapsSides(origin);
        var upright = new SKBitmap(new SKImageInfo(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height,
            bitmap.ColorType, bitmap.AlphaType, bitmap.ColorSpace));
        using var source = SKImage.FromBitmap(bitmap);
        using var canvas = new SKCanvas(upright);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(matrix);
        canvas.DrawImage(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        canvas.Flush();
        return upright;
    }
}
