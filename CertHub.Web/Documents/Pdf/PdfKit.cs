using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace CertHub.Web.Documents.Pdf;

/// <summary>
/// Drawing helpers the generated PDFs share: images fitted into a box (each distinct image embedded once per document),
/// vector QR codes, Chinese text wrapped by character, table cells and the standard fonts (Noto Sans SC).
/// </summary>
public static class PdfKit
{
    public const double A4Width = 595;
    public const double A4Height = 842;

    public static readonly XColor Ink = XColor.FromArgb(0x22, 0x22, 0x22);
    public static readonly XColor Muted = XColor.FromArgb(0x66, 0x66, 0x66);
    public static readonly XColor Line = XColor.FromArgb(0x88, 0x88, 0x88);
    public static readonly XColor Shade = XColor.FromArgb(0xF0, 0xF2, 0xF5);
    public static readonly XColor Accent = XColor.FromArgb(0x1F, 0x4E, 0x8C);

    public static XFont Font(double size, bool bold = false)
    {
        NotoSansFontResolver.EnsureRegistered();
        return new XFont(NotoSansFontResolver.FamilyName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
    }

    /// <summary>A new A4 page (portrait unless asked otherwise).</summary>
    public static PdfPage AddA4(PdfDocument pdf, bool landscape = false)
    {
        var page = pdf.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        page.Orientation = landscape ? PdfSharp.PageOrientation.Landscape : PdfSharp.PageOrientation.Portrait;
        return page;
    }

    public static byte[] Save(PdfDocument pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Draws an image scaled to fit the box and centred in it.</summary>
    public static void DrawImage(XGraphics gfx, XImage image, double x, double y, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(gfx);
        ArgumentNullException.ThrowIfNull(image);
        var scale = Math.Min(width / image.PointWidth, height / image.PointHeight);
        var w = image.PointWidth * scale;
        var h = image.PointHeight * scale;
        gfx.DrawImage(image, x + ((width - w) / 2), y + ((height - h) / 2), w, h);
    }

    /// <summary>Draws image bytes scaled to fit the box (for one-off images).</summary>
    public static void DrawImage(XGraphics gfx, byte[] bytes, double x, double y, double width, double height)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var image = XImage.FromStream(stream);
        DrawImage(gfx, image, x, y, width, height);
    }

    /// <summary>The QR code drawn as vector modules (sharp at any print size).</summary>
    public static void DrawQrCode(XGraphics gfx, string text, double x, double y, double size)
    {
        ArgumentNullException.ThrowIfNull(gfx);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        gfx.DrawRectangle(XBrushes.White, x, y, size, size);
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var column = 0; column < matrix[row].Count; column++)
            {
                if (matrix[row][column])
                {
                    gfx.DrawRectangle(XBrushes.Black, x + (column * module), y + (row * module), module + 0.05, module + 0.05);
                }
            }
        }
    }

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="width"/>: by character (Chinese has no spaces), keeping runs of
    /// Latin letters and digits together when they fit on a line.
    /// </summary>
    public static IReadOnlyList<string> Wrap(XGraphics gfx, string? text, XFont font, double width)
    {
        ArgumentNullException.ThrowIfNull(gfx);
        var lines = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return [""];
        }

        var line = new StringBuilder();
        foreach (var token in Tokens(text))
        {
            if (line.Length > 0 && !IsClosingPunctuation(token) && gfx.MeasureString(line + token, font).Width > width)
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
                if (gfx.MeasureString(token, font).Width > width)
                {
                    foreach (var c in token)
                    {
                        if (line.Length > 0 && gfx.MeasureString(line.ToString() + c, font).Width > width)
                        {
                            lines.Add(line.ToString());
                            line.Clear();
                        }

                        line.Append(c);
                    }

                    continue;
                }

                line.Append(token.TrimStart());
                continue;
            }

            line.Append(token);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>Draws wrapped text in a box, vertically centred; returns the height the lines take.</summary>
    public static double DrawWrapped(XGraphics gfx, string? text, XFont font, XBrush brush, XRect box, XStringFormat? align = null, double lineGap = 1.25)
    {
        ArgumentNullException.ThrowIfNull(gfx);
        ArgumentNullException.ThrowIfNull(font);
        var lines = Wrap(gfx, text, font, box.Width);
        var lineHeight = font.Size * lineGap;
        var total = lines.Count * lineHeight;
        var y = box.Y + Math.Max(0, (box.Height - total) / 2);
        foreach (var line in lines)
        {
            gfx.DrawString(line, font, brush, new XRect(box.X, y, box.Width, lineHeight), align ?? XStringFormats.CenterLeft);
            y += lineHeight;
        }

        return total;
    }

    /// <summary>The height wrapped text needs.</summary>
    public static double WrappedHeight(XGraphics gfx, string? text, XFont font, double width, double lineGap = 1.25) =>
        Wrap(gfx, text, font, width).Count * font.Size * lineGap;

    /// <summary>A grey box with a caption where a photo is missing.</summary>
    public static void DrawPhotoPlaceholder(XGraphics gfx, XFont font, double x, double y, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(gfx);
        gfx.DrawRectangle(new XPen(Line, 0.6), new XSolidBrush(Shade), x, y, width, height);
        gfx.DrawString("无照片", font, new XSolidBrush(Muted), new XRect(x, y, width, height), XStringFormats.Center);
    }

    /// <summary>Closing punctuation stays at the end of the line rather than starting the next one (禁则).</summary>
    private static bool IsClosingPunctuation(string token) => token.Length == 1 && "。，、；：？！）」』”’》".Contains(token[0], StringComparison.Ordinal);

    private static IEnumerable<string> Tokens(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '/' or ':' or '~')
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }

            yield return c.ToString();
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}

/// <summary>The images of one PDF document: each distinct photo (by content reference) is decoded and embedded once.</summary>
public sealed class PdfImageCache : IDisposable
{
    private readonly Dictionary<byte[], XImage?> _images = new(ReferenceEqualityComparer.Instance);

    /// <summary>The image of <paramref name="bytes"/>, or null when there is none or it cannot be read.</summary>
    public XImage? Get(byte[]? bytes)
    {
        if (bytes is null || bytes.Length == 0)
        {
            return null;
        }

        if (!_images.TryGetValue(bytes, out var image))
        {
            try
            {
                image = XImage.FromStream(new MemoryStream(bytes, writable: false));
            }
            catch (InvalidOperationException)
            {
                image = null;
            }

            _images[bytes] = image;
        }

        return image;
    }

    /// <summary>Draws the photo fitted into the box, or a placeholder when there is none.</summary>
    public void DrawPhoto(XGraphics gfx, byte[]? bytes, XFont placeholderFont, double x, double y, double width, double height)
    {
        if (Get(bytes) is { } image)
        {
            PdfKit.DrawImage(gfx, image, x, y, width, height);
        }
        else
        {
            PdfKit.DrawPhotoPlaceholder(gfx, placeholderFont, x, y, width, height);
        }
    }

    public void Dispose()
    {
        foreach (var image in _images.Values)
        {
            image?.Dispose();
        }

        _images.Clear();
    }
}
