using System.Diagnostics;
using CertHub.Core.Catalog;
using CertHub.Core.Issuance;
using CertHub.Web.Documents.Pdf;

namespace CertHub.Bench;

/// <summary>render: the renderer alone, signed and unsigned, wall and CPU time per PDF.</summary>
public static class RenderBench
{
    public static int Run(int count)
    {
        var photo = GreyPng.Create(295, 413);
        var seal = GreyPng.Create(240, 240);
        var document = new CertificateDocument("王大三", "110101199003074477", "信息化应用职业技能等级证书", CertificateLevel.Intermediate, "中物联物流",
            "北方工业大学", new DateOnly(2021, 9, 23), "1XXXH2021200000001", 1, IssueMethod.Electronic, "http://localhost:5080/verify/1XXXH2021200000001",
            photo, seal, GreyPng.Create(300, 120), seal);
        foreach (var signed in new[] { false, true })
        {
            var renderer = new CertificatePdfRenderer(PdfSigningCertificate.Fixed(signed ? PdfSigningCertificate.CreateSelfSigned() : null));
            renderer.WarmUp();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                renderer.Render(document);
            }

            watch.Stop();
            var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            Console.WriteLine($"{(signed ? "signed  " : "unsigned")}: {count / watch.Elapsed.TotalSeconds:F1} PDFs/s wall, {cpuMs / count:F1} ms CPU per PDF");
        }

        return 0;
    }
}
