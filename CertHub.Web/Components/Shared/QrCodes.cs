using QRCoder;

namespace CertHub.Web.Components.Shared;

/// <summary>QR codes as PNG data URLs (QRCoder), for &lt;img src&gt;.</summary>
public static class QrCodes
{
    public static string PngDataUrl(string text, int pixelsPerModule = 6)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return SignatureImage.ToDataUrl(png.GetGraphic(pixelsPerModule));
    }
}
