using System.Diagnostics;
using PdfSharp.Pdf.IO;

namespace CertHub.Tests.Support;

/// <summary>Reads generated PDFs back: page count (PDFsharp) and the text of each page (poppler's pdftotext).</summary>
public static class PdfText
{
    public static int PageCount(byte[] pdf) => PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import).PageCount;

    /// <summary>The text of each page, in order. Fails the test when pdftotext is not installed (the CI image has poppler-utils).</summary>
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        var tool = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator).Select(p => Path.Combine(p, "pdftotext")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("pdftotext (poppler-utils) is required to read PDFs back");
        var file = Path.Combine(Path.GetTempPath(), $"certhub-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool)
            {
                ArgumentList = { "-enc", "UTF-8", file, "-" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            var pages = text.Split('\f');
            return pages.Length > 0 && string.IsNullOrWhiteSpace(pages[^1]) ? pages[..^1] : pages;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Keeps a copy of the PDF in $CERTHUB_PDF_OUT (to render and look at it), when that variable is set.</summary>
    public static void Keep(byte[] pdf, string name)
    {
        var folder = Environment.GetEnvironmentVariable("CERTHUB_PDF_OUT");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name + ".pdf"), pdf);
        }
    }
}
