using CertHub.Core.Common;
using CertHub.Web.Imaging;
using SkiaSharp;

namespace CertHub.Tests.Web.Imaging;

/// <summary>
/// A phone photo is stored as the sensor saw it plus an EXIF orientation ("turn 90° clockwise"); re-encoding (which drops every
/// metadata, <see cref="SkiaImageInspector.Reencode"/>) must turn the pixels themselves, or the upright photo would be saved lying.
/// </summary>
public sealed class PhotoOrientationTests
{
    private readonly SkiaImageInspector _images = new();

    /// <summary>A 40×20 JPEG, left half red and right half blue, with an EXIF APP1 segment carrying <paramref name="orientation"/>.</summary>
    private static byte[] JpegWithOrientation(ushort orientation)
    {
        using var bitmap = new SKBitmap(40, 20);
        using (var canvas = new SKCanvas(bitmap))
        using (var red = new SKPaint { Color = SKColors.Red })
        using (var blue = new SKPaint { Color = SKColors.Blue })
        {
            canvas.DrawRect(0, 0, 20, 20, red);
            canvas.DrawRect(20, 0, 20, 20, blue);
        }

        return WithOrientation(bitmap, orientation);
    }

    private static byte[] WithOrientation(SKBitmap stored, ushort orientation)
    {
        using var image = SKImage.FromBitmap(stored);
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, 95);
        var jpeg = encoded.ToArray();
        byte[] tiff =
        [
            (byte)'I', (byte)'I', 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, // little-endian TIFF header, first IFD at 8
            0x01, 0x00, // one entry
            0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, (byte)orientation, (byte)(orientation >> 8), 0x00, 0x00, // 0x0112 Orientation, SHORT, 1
            0x00, 0x00, 0x00, 0x00, // no next IFD
        ];
        byte[] exif = [.. "Exif\0\0"u8, .. tiff];
        var length = exif.Length + 2;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. exif];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    /// <summary>
    /// A 295×413 证件照 on red with the person (white) filling the lower 60% edge to edge, stored as a phone does: turned a
    /// quarter counter-clockwise (413×295) with orientation 6.
    /// </summary>
    private static byte[] RedPhotoFromAPhone(ushort orientation)
    {
        const int width = 295, height = 413;
        using var stored = new SKBitmap(height, width);
        using (var canvas = new SKCanvas(stored))
        using (var red = new SKPaint { Color = SKColors.Red })
        using (var white = new SKPaint { Color = SKColors.White })
        {
            canvas.SetMatrix(new SKMatrix(0, 1, 0, -1, 0, width, 0, 0, 1)); // upright (x, y) → stored (y, width − x)
            canvas.DrawRect(0, 0, width, height, red);
            canvas.DrawRect(0, height * 0.4f, width, height * 0.6f, white);
        }

        return WithOrientation(stored, orientation);
    }

    private static (SKColor Top, SKColor Bottom, SKColor Left, SKColor Right) Probe(byte[] content)
    {
        using var bitmap = SKBitmap.Decode(content);
        return (bitmap.GetPixel(bitmap.Width / 2, 2), bitmap.GetPixel(bitmap.Width / 2, bitmap.Height - 3),
            bitmap.GetPixel(2, bitmap.Height / 2), bitmap.GetPixel(bitmap.Width - 3, bitmap.Height / 2));
    }

    private static bool IsRed(SKColor c) => c.Red > 200 && c.Blue < 60;

    private static bool IsBlue(SKColor c) => c.Blue > 200 && c.Red < 60;

    [Fact]
    public void Reencode_Should_TurnThePixelsUpright_When_TheJpegSaysOrientation6()
    {
        var photo = JpegWithOrientation(6);
        using (var codec = SKCodec.Create(new MemoryStream(photo)))
        {
            Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin); // the generated file really carries orientation 6
        }

        var clean = _images.Reencode(photo);

        Assert.NotNull(clean);
        Assert.Equal(new ImageInfo(ImageFormatKind.Jpeg, 20, 40), _images.Inspect(clean));
        var (top, bottom, _, _) = Probe(clean);
        Assert.True(IsRed(top), $"top {top}"); // turned 90° clockwise: the stored left (red) is now on top
        Assert.True(IsBlue(bottom), $"bottom {bottom}");
        using var codecAfter = SKCodec.Create(new MemoryStream(clean));
        Assert.Equal(SKEncodedOrigin.TopLeft, codecAfter.EncodedOrigin); // no orientation left to apply twice
    }

    [Fact]
    public void Inspect_Should_ReportTheUprightSize_When_TheJpegSaysOrientation6()
    {
        Assert.Equal(new ImageInfo(ImageFormatKind.Jpeg, 20, 40), _images.Inspect(JpegWithOrientation(6)));
        Assert.Equal(new ImageInfo(ImageFormatKind.Jpeg, 40, 20), _images.Inspect(JpegWithOrientation(1)));
    }

    [Theory]
    [InlineData(1, "red-left")]
    [InlineData(2, "red-right")]
    [InlineData(3, "red-right")]
    [InlineData(8, "red-bottom")]
    public void Reencode_Should_ApplyEveryOrientation(ushort orientation, string expected)
    {
        var clean = _images.Reencode(JpegWithOrientation(orientation))!;

        var (top, bottom, left, right) = Probe(clean);
        var seen = expected switch
        {
            "red-left" => IsRed(left) && IsBlue(right),
            "red-right" => IsRed(right) && IsBlue(left),
            _ => IsRed(bottom) && IsBlue(top),
        };
        Assert.True(seen, $"orientation {orientation}: top {top}, bottom {bottom}, left {left}, right {right}");
    }

    [Fact]
    public void BackgroundCheck_Should_SeeTheRedBackground_Of_ThePictureTurnedUpright()
    {
        var check = new SkiaPhotoBackgroundCheck();

        Assert.True(check.HasRedBackground(RedPhotoFromAPhone(6)));
        Assert.False(check.HasRedBackground(RedPhotoFromAPhone(1))); // the same pixels read lying on their side: the white edge counts
    }
}
