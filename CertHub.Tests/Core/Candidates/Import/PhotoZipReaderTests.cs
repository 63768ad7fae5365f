using System.IO.Compression;
using CertHub.Core.Candidates.Import;
using CertHub.Core.Common;

namespace CertHub.Tests.Core.Candidates.Import;

public sealed class PhotoZipReaderTests
{
    private static MemoryStream Zip(params (string Name, byte[] Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.SmallestSize);
                using var s = entry.Open();
                s.Write(content);
            }
        }

        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void Read_Should_FlagEntry_When_CompressionRatioIsAZipBomb()
    {
        using var zip = Zip(("110101199003074477.jpg", new byte[4 * 1024 * 1024]));

        var entry = Assert.Single(PhotoZipReader.Read(zip, PhotoZipLimits.Default));

        Assert.Null(entry.Content);
        Assert.Contains("压缩炸弹", entry.Problem);
    }

    [Fact]
    public void Read_Should_UseBareName_When_EntryNameTraversesOrIsNested()
    {
        using var zip = Zip(("../../etc/110101199003074477.jpg", [1, 2, 3]), ("照片/子目录/11010519491231002X.png", [4, 5, 6]), ("照片/", []));

        var names = PhotoZipReader.Read(zip, PhotoZipLimits.Default).Select(e => e.FileName).ToList();

        Assert.Equal(["110101199003074477.jpg", "11010519491231002X.png"], names);
    }

    [Fact]
    public void Read_Should_Refuse_When_TenThousandTinyEntries()
    {
        using var zip = Zip([.. Enumerable.Range(0, 10_000).Select(i => ($"{i}.jpg", new byte[] { 1 }))]);

        var ex = Assert.Throws<DomainRuleException>(() => PhotoZipReader.Read(zip, PhotoZipLimits.Default).ToList());

        Assert.Contains("文件过多", ex.Message);
    }

    [Fact]
    public void Read_Should_Refuse_When_DeclaredTotalTooLarge()
    {
        using var zip = Zip(("a.jpg", new byte[2000]), ("b.jpg", new byte[2000]));

        Assert.Throws<DomainRuleException>(() => PhotoZipReader.Read(zip, new PhotoZipLimits(MaxTotalBytes: 3000, MaxCompressionRatio: 10_000)).ToList());
    }

    [Fact]
    public void Read_Should_FlagPhoto_When_LargerThanLimit()
    {
        using var zip = Zip(("a.jpg", new byte[2000]));

        var entry = Assert.Single(PhotoZipReader.Read(zip, new PhotoZipLimits(MaxPhotoBytes: 1000, MaxCompressionRatio: 10_000)));

        Assert.Equal("照片大小不能超过5M", entry.Problem);
    }

    [Fact]
    public void Read_Should_Refuse_When_NotAZip()
    {
        using var stream = new MemoryStream("not a zip"u8.ToArray());

        Assert.Throws<DomainRuleException>(() => PhotoZipReader.Read(stream, PhotoZipLimits.Default).ToList());
    }
}
