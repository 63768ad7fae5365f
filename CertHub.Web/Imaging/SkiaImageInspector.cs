using CertHub.Core.Common;
using SkiaSharp;

namespace CertHub.Web.Imaging;

/// <summary>Decodes PNG/JPEG bytes with SkiaSharp; anything else (or a broken file) is null.</summary>
public sealed class SkiaImageInspector : IImageInspector
{
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
}
