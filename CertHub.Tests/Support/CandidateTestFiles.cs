using System.IO.Compression;
using CertHub.Core.Candidates.Import;
using CertHub.Web.Documents.Excel;
using SkiaSharp;

namespace CertHub.Tests.Support;

/// <summary>Photos, sheets and zips for candidate tests.</summary>
public static class CandidateTestFiles
{
    /// <summary>A JPEG (or PNG) of the given size with a red (or white) background.</summary>
    public static byte[] Photo(int width = 295, int height = 413, bool red = true, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(red ? new SKColor(220, 20, 30) : SKColors.White);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>An xlsx in the template's shape.</summary>
    public static MemoryStream Sheet(params IReadOnlyList<string?>[] rows)
    {
        var stream = new MemoryStream();
        CandidateSheet.WriteRowsAsync(stream, rows).GetAwaiter().GetResult();
        stream.Position = 0;
        return stream;
    }

    public static IReadOnlyList<string?> Row(string name, string id, string major = "计算机应用技术", string phone = "13812345678", string type = "院校考生") =>
        [name, "pin yin", "居民身份证", id, phone, major, "高职专科", "2021", type];

    public static MemoryStream Zip(params (string Name, byte[] Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var s = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
                s.Write(content);
            }
        }

        stream.Position = 0;
        return stream;
    }

    public static IReadOnlyList<CandidateImportRow> ReadBack(Stream xlsx) => [.. new CandidateSheet().ReadRows(xlsx)];
}
