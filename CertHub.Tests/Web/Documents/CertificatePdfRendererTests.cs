using System.Diagnostics;
using System.Text;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Documents.Pdf;

namespace CertHub.Tests.Web.Documents;

public sealed class CertificatePdfRendererTests
{
    private static readonly Lazy<CertificatePdfRenderer> Signed = new(() =>
        new CertificatePdfRenderer(PdfSigningCertificate.Fixed(PdfSigningCertificate.CreateSelfSigned())));

    [Fact]
    public void Render_Should_ProduceOnePagePdfWithEmbeddedFont_When_DocumentIsComplete()
    {
        var pdf = Signed.Value.Render(ACertificateDocument.Electronic());
        var text = Encoding.Latin1.GetString(pdf);

        Assert.StartsWith("%PDF", text, StringComparison.Ordinal);
        Assert.Contains("/FontFile2", text, StringComparison.Ordinal);
        Assert.Contains("Noto#20Sans#20SC", text, StringComparison.Ordinal);
        Assert.Single(PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import).Pages);
        Assert.InRange(pdf.Length, 10_000, 1_500_000);
    }

    [Fact]
    public void Render_Should_CarryDigitalSignature_When_SigningCertificateIsSet()
    {
        var pdf = Signed.Value.Render(ACertificateDocument.Electronic());
        var text = Encoding.Latin1.GetString(pdf);

        Assert.Contains("/ByteRange", text, StringComparison.Ordinal);
        Assert.Contains("/adbe.pkcs7.detached", text, StringComparison.Ordinal);
        var output = RunTool("pdfsig", pdf, "");
        if (output is not null)
        {
            Assert.Contains("Signature is Valid", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_Should_RenderToImage_When_PdftoppmIsInstalled()
    {
        var pdf = Signed.Value.Render(ACertificateDocument.Electronic());
        var folder = Directory.CreateTempSubdirectory("certhub-pdf-");
        try
        {
            var output = RunTool("pdftoppm", pdf, $"-r 40 -png {{file}} {Path.Combine(folder.FullName, "cert")}");
            if (output is null)
            {
                return;
            }

            Assert.NotEmpty(folder.GetFiles("cert*.png"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Runs a poppler tool on the PDF; null when the tool is not installed.</summary>
    private static string? RunTool(string tool, byte[] pdf, string arguments)
    {
        var path = Environment.GetEnvironmentVariable("PATH")?.Split(':').Select(p => Path.Combine(p, tool)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            return null;
        }

        var file = Path.Combine(Path.GetTempPath(), $"certhub-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var args = arguments.Length == 0 ? file : arguments.Replace("{file}", file, StringComparison.Ordinal);
            using var process = Process.Start(new ProcessStartInfo(path, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
