using System.Globalization;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Signatures;

namespace CertHub.Web.Documents.Pdf;

/// <summary>
/// 电子证书 PDF (PDFsharp): A4 landscape, a decorative border, the title, the holder's photo top right, the holder and
/// certificate fields, the organisation's seal and signature stamp and the site school's 电子签章 at the bottom, a QR code
/// to /verify/{证书编号}, and a PDF digital signature with the platform certificate. Paper certificates get the same layout.
/// </summary>
public sealed class CertificatePdfRenderer : ICertificateDocumentRenderer
{
    private const double PageWidth = 842;
    private const double PageHeight = 595;
    private static readonly XColor Crimson = XColor.FromArgb(0x9E, 0x1B, 0x20);
    private static readonly XColor Gold = XColor.FromArgb(0xB8, 0x86, 0x2B);
    private static readonly XColor Ink = XColor.FromArgb(0x22, 0x22, 0x22);
    private static readonly XColor Muted = XColor.FromArgb(0x66, 0x66, 0x66);
    private static readonly XColor Paper = XColor.FromArgb(0xFF, 0xFC, 0xF5);
    private readonly PdfSigningCertificate _signing;
    private readonly Fonts _fonts;

    public CertificatePdfRenderer(PdfSigningCertificate signing)
    {
        _signing = signing;
        NotoSansFontResolver.EnsureRegistered();
        _fonts = new Fonts();
    }

    /// <summary>Renders one throw-away certificate so that fonts and the signing key are loaded before the first real one.</summary>
    public void WarmUp() => Render(Sample);

    public byte[] Render(CertificateDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"{document.CertificateName}({document.Level.ToDisplayName()}) {document.CertificateNo}";
        pdf.Info.Author = document.OrganizationName;
        pdf.Info.Creator = "CertHub";
        var page = pdf.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Landscape;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            DrawFrame(gfx);
            DrawTitle(gfx, document);
            DrawFields(gfx, document);
            DrawImage(gfx, document.Photo, 652, 118, 100, 140);
            DrawQrCode(gfx, document.VerifyUrl, 88, 404, 96);
            DrawSeals(gfx, document);
            DrawFooter(gfx, document);
        }

        if (_signing.Certificate is { } certificate)
        {
            var signer = new PdfSharpDefaultSigner(certificate, PdfMessageDigestType.SHA256, null);
            DigitalSignatureHandler.ForDocument(pdf, signer, new DigitalSignatureOptions
            {
                Reason = "职业技能等级证书电子签发",
                Location = "CertHub",
                ContactInfo = document.OrganizationName,
                AppName = "CertHub",
                PageIndex = 0,
            });
        }

        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void DrawFrame(XGraphics gfx)
    {
        gfx.DrawRectangle(new XSolidBrush(Paper), 0, 0, PageWidth, PageHeight);
        gfx.DrawRectangle(new XPen(Crimson, 6), 22, 22, PageWidth - 44, PageHeight - 44);
        gfx.DrawRectangle(new XPen(Gold, 1.5), 32, 32, PageWidth - 64, PageHeight - 64);
        gfx.DrawRectangle(new XPen(Gold, 0.6), 37, 37, PageWidth - 74, PageHeight - 74);
        var corner = new XSolidBrush(Gold);
        foreach (var (x, y) in new[] { (32.0, 32.0), (PageWidth - 32, 32.0), (32.0, PageHeight - 32), (PageWidth - 32, PageHeight - 32) })
        {
            gfx.DrawPolygon(corner, [new XPoint(x, y - 9), new XPoint(x + 9, y), new XPoint(x, y + 9), new XPoint(x - 9, y)], XFillMode.Winding);
        }
    }

    private void DrawTitle(XGraphics gfx, CertificateDocument document)
    {
        gfx.DrawString("职业技能等级证书", _fonts.Title, new XSolidBrush(Crimson), new XRect(0, 62, PageWidth, 44), XStringFormats.TopCenter);
        gfx.DrawString("VOCATIONAL SKILL LEVEL CERTIFICATE", _fonts.Small, new XSolidBrush(Gold), new XRect(0, 110, PageWidth, 16), XStringFormats.TopCenter);
        gfx.DrawLine(new XPen(Gold, 0.8), 300, 132, PageWidth - 300, 132);
        if (document.Method == IssueMethod.Paper)
        {
            gfx.DrawString("纸质证书打印版", _fonts.Small, new XSolidBrush(Muted), new XRect(60, 50, 200, 16), XStringFormats.TopLeft);
        }
    }

    private void DrawFields(XGraphics gfx, CertificateDocument document)
    {
        var rows = new (string Label, string Value)[]
        {
            ("姓　　名", document.HolderName),
            ("证件号码", document.IdNumber),
            ("证书名称", document.CertificateName),
            ("证书等级", document.Level.ToDisplayName()),
            ("培训评价组织", document.OrganizationName),
            ("发证日期", document.IssuedOn.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)),
            ("证书编号", document.CertificateNo),
        };
        var ink = new XSolidBrush(Ink);
        var muted = new XSolidBrush(Muted);
        var y = 150.0;
        foreach (var (label, value) in rows)
        {
            gfx.DrawString(label + "：", _fonts.Label, muted, new XRect(110, y, 120, 24), XStringFormats.CenterRight);
            gfx.DrawString(value, _fonts.Value, ink, new XRect(236, y, 400, 24), XStringFormats.CenterLeft);
            y += 32;
        }

        var text = $"该考生通过{document.CertificateName}（{document.Level.ToDisplayName()}）考核，特发此证。";
        gfx.DrawString(text, _fonts.Body, ink, new XRect(110, y + 4, 560, 20), XStringFormats.CenterLeft);
    }

    private void DrawSeals(XGraphics gfx, CertificateDocument document)
    {
        var muted = new XSolidBrush(Muted);
        gfx.DrawString("培训评价组织（盖章）", _fonts.Small, muted, new XRect(300, 516, 180, 16), XStringFormats.TopCenter);
        gfx.DrawString(document.OrganizationName, _fonts.Small, muted, new XRect(280, 500, 220, 16), XStringFormats.TopCenter);
        DrawImage(gfx, document.OrganizationSeal, 345, 398, 100, 100);
        gfx.DrawString("负责人签名章", _fonts.Small, muted, new XRect(480, 516, 120, 16), XStringFormats.TopCenter);
        DrawImage(gfx, document.SignatureStamp, 490, 450, 100, 48);
        gfx.DrawString("考核站点（电子签章）", _fonts.Small, muted, new XRect(600, 516, 180, 16), XStringFormats.TopCenter);
        gfx.DrawString(document.SchoolName, _fonts.Small, muted, new XRect(580, 500, 220, 16), XStringFormats.TopCenter);
        DrawImage(gfx, document.SchoolSeal, 640, 398, 100, 100);
    }

    private void DrawFooter(XGraphics gfx, CertificateDocument document)
    {
        var muted = new XSolidBrush(Muted);
        gfx.DrawString("扫码查验", _fonts.Small, muted, new XRect(88, 502, 96, 14), XStringFormats.TopCenter);
        gfx.DrawString($"可通过 /verify 查验证书真伪　{document.VerifyUrl}", _fonts.Tiny, muted,
            new XRect(0, 540, PageWidth, 14), XStringFormats.TopCenter);
    }

    private static void DrawImage(XGraphics gfx, byte[] bytes, double x, double y, double width, double height) =>
        PdfKit.DrawImage(gfx, bytes, x, y, width, height);

    private static void DrawQrCode(XGraphics gfx, string text, double x, double y, double size) => PdfKit.DrawQrCode(gfx, text, x, y, size);

    private static readonly CertificateDocument Sample = new(
        "示例", "110101199001011234", "示例职业技能等级证书", Core.Catalog.CertificateLevel.Junior, "示例培训评价组织", "示例院校",
        new DateOnly(2021, 1, 1), "SAMPLE2021100000001", 1, IssueMethod.Electronic, "http://localhost/verify/SAMPLE",
        SamplePng, SamplePng, SamplePng, SamplePng);

    private static byte[] SamplePng => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    /// <summary>The fonts used on every certificate (created once).</summary>
    private sealed class Fonts
    {
        public XFont Title { get; } = new(NotoSansFontResolver.FamilyName, 34, XFontStyleEx.Bold);

        public XFont Label { get; } = new(NotoSansFontResolver.FamilyName, 13, XFontStyleEx.Regular);

        public XFont Value { get; } = new(NotoSansFontResolver.FamilyName, 15, XFontStyleEx.Bold);

        public XFont Body { get; } = new(NotoSansFontResolver.FamilyName, 12, XFontStyleEx.Regular);

        public XFont Small { get; } = new(NotoSansFontResolver.FamilyName, 9.5, XFontStyleEx.Regular);

        public XFont Tiny { get; } = new(NotoSansFontResolver.FamilyName, 8, XFontStyleEx.Regular);
    }
}
