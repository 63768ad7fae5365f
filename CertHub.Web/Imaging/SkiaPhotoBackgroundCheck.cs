using CertHub.Core.Candidates;

namespace CertHub.Web.Imaging;

/// <summary>
/// 照片底色: samples the border (outer 5%; the bottom edge, where the shoulders are, is left out) of the upright picture (EXIF
/// orientation applied, <see cref="SkiaImageInspector.DecodeUpright"/>) and calls the background red when most sampled pixels are red.
/// </summary>
public sealed class SkiaPhotoBackgroundCheck : IPhotoBackgroundCheck
{
    public bool? HasRedBackground(byte[] content)
    {
        using var bitmap = SkiaImageInspector.DecodeUpright(content);
        if (bitmap is null || bitmap.Width < 4 || bitmap.Height < 4)
        {
            return null;
        }

        var margin = Math.Max(1, Math.Min(bitmap.Width, bitmap.Height) / 20);
        var stepX = Math.Max(1, bitmap.Width / 40);
        var stepY = Math.Max(1, bitmap.Height / 40);
        int red = 0, total = 0;
        for (var y = 0; y < bitmap.Height; y += stepY)
        {
            for (var x = 0; x < bitmap.Width; x += stepX)
            {
                if (x >= margin && x < bitmap.Width - margin && y >= margin)
                {
                    continue;
                }

                var c = bitmap.GetPixel(x, y);
                total++;
                if (c.Red > 150 && c.Red > c.Green * 1.6 && c.Red > c.Blue * 1.6)
                {
                    red++;
                }
            }
        }

        return total > 0 && red * 2 > total;
    }
}
