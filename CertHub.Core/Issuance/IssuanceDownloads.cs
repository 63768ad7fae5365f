using System.Globalization;
using System.IO.Compression;
using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Issuance;

/// <summary>下载电子证书 / 批量下载电子证书: one PDF, or one zip of several, of the visible records whose certificate PDF exists.</summary>
internal static class IssuanceDownloads
{
    public const string ZipFileName = "电子证书.zip";

    public static async Task<DownloadFile?> BuildAsync(ICertHubDb db, IFileStore files, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var requested = ids.Distinct().ToList();
        if (requested.Count == 0)
        {
            return null;
        }

        var rows = await db.Set<IssuanceRecord>().AsNoTracking()
            .Where(r => EF.Parameter(requested).Contains(r.Id) && r.Status == IssuanceStatus.Issued && r.PdfPath != null)
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Status, r.CertificateNo, r.PdfPath })
            .ToListAsync(ct);
        var pdfs = new List<(string Name, byte[] Content)>();
        foreach (var row in rows.Where(r => IssuanceRecord.IsDownloadable(r.Status, r.PdfPath is not null)))
        {
            if (await ReadAsync(files, row.PdfPath!, ct) is { } content)
            {
                pdfs.Add(($"{row.CertificateNo ?? row.Id.ToString(CultureInfo.InvariantCulture)}.pdf", content));
            }
        }

        return pdfs.Count switch
        {
            0 => null,
            1 => new DownloadFile(pdfs[0].Name, "application/pdf", pdfs[0].Content),
            _ => new DownloadFile(ZipFileName, "application/zip", await ZipAsync(pdfs, ct)),
        };
    }

    private static async Task<byte[]?> ReadAsync(IFileStore files, string path, CancellationToken ct)
    {
        await using var stream = await files.OpenReadAsync(path, ct);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static async Task<byte[]> ZipAsync(IEnumerable<(string Name, byte[] Content)> pdfs, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in pdfs)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                await using var target = await entry.OpenAsync(ct);
                await target.WriteAsync(content, ct);
            }
        }

        return buffer.ToArray();
    }
}
