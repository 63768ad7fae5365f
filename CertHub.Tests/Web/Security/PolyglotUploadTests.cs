using System.Text;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Reports;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Components.Shared;
using CertHub.Web.Imaging;
using CertHub.Web.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SkiaSharp;

namespace CertHub.Tests.Web.Security;

/// <summary>
/// Polyglot and hostile uploads: a PNG/JPEG carrying a script or HTML (appended, or in a PNG text chunk / JPEG comment) is decoded
/// and re-encoded before it is stored (考生照片, 照片压缩包, 电子签章, 签名), so only pixels reach the file store; stored images are
/// served with the type their bytes prove and never as HTML; a PDF that is also a zip is refused as 扫描件; upload names cannot
/// climb out of their folder; oversized uploads get a Chinese message.
/// </summary>
public sealed class PolyglotUploadTests : IDisposable
{
    private const string Script = "<html><script>alert(document.cookie)</script></html>";
    private readonly SqliteTestDb _db = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly MemoryFileStore _files = new();
    private readonly SkiaImageInspector _images = new();

    public void Dispose() => _db.Dispose();

    public static TheoryData<string> Polyglots => ["png-appended", "png-text-chunk", "jpeg-appended", "jpeg-comment"];

    [Theory]
    [MemberData(nameof(Polyglots))]
    public void Reencode_Should_KeepOnlyThePixels_When_AnImageCarriesAScript(string kind)
    {
        var polyglot = Polyglot(kind, 295, 413);
        Assert.Contains("<script>", Encoding.Latin1.GetString(polyglot), StringComparison.Ordinal);
        var before = _images.Inspect(polyglot);
        Assert.NotNull(before); // the decoder accepts the polyglot: validating by decoding alone would let it through

        var clean = _images.Reencode(polyglot);

        Assert.NotNull(clean);
        AssertNoMarkup(clean);
        Assert.Equal(before, _images.Inspect(clean));
    }

    [Fact]
    public void Reencode_Should_RefuseBytesThatAreNotAReadableImage()
    {
        Assert.Null(_images.Reencode(Encoding.UTF8.GetBytes(Script)));
        Assert.Null(_images.Reencode([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]));
    }

    [Theory]
    [MemberData(nameof(Polyglots))]
    public async Task UploadPhoto_Should_StoreTheReencodedImage_When_ThePhotoIsAPolyglot(string kind)
    {
        var catalog = await ACatalogSeed.SeedAsync(_db);
        var user = new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");
        var service = new CandidateService(_db.FactoryFor(user), user, _files, _images, new BuiltInIdentityVerifier(_clock), new RecordingChangeFeed(), _clock);
        var id = await service.CreateAsync(CandidateType.SchoolCandidate, new CandidateDetails("张三", "zhang san", IdType.ResidentIdCard, "110101199003070011"), default);

        await service.UploadPhotoAsync(id, Polyglot(kind, 295, 413), default);

        var stored = _files.Files[(await service.GetPhotoPathAsync(id, default))!];
        AssertNoMarkup(stored);
        Assert.Equal(new ImageInfo(kind.StartsWith("png", StringComparison.Ordinal) ? ImageFormatKind.Png : ImageFormatKind.Jpeg, 295, 413), _images.Inspect(stored));
    }

    [Theory]
    [MemberData(nameof(Polyglots))]
    public void SealAndSignature_Should_KeepOnlyThePixels_When_TheUploadIsAPolyglot(string kind)
    {
        var polyglot = Polyglot(kind, 200, 200);

        SealImageRules.Check(polyglot, _images);
        AssertNoMarkup(SealImageRules.Clean(polyglot, _images));
        if (kind.StartsWith("png", StringComparison.Ordinal))
        {
            var signature = SignatureImage.FromDataUrl(SignatureImage.ToDataUrl(polyglot));
            Assert.NotNull(signature);
            AssertNoMarkup(signature);
            Assert.Equal(ImageFormatKind.Png, ImageSignature.Detect(signature));
        }
    }

    [Fact]
    public async Task ServedImage_Should_CarryTheTypeItsBytesProve_AndNeverServeMarkup()
    {
        var jpeg = Encode(SKEncodedImageFormat.Jpeg, 20, 20);
        _files.Files["photos/1/named-png.png"] = jpeg;
        _files.Files["photos/1/page.png"] = Encoding.UTF8.GetBytes(Script);
        _files.Files["photos/1/real.png"] = GreyPng.Create(20, 20, 90);

        var (status, type, body) = await ServeAsync("photos/1/named-png.png");
        Assert.Equal((StatusCodes.Status200OK, "image/jpeg"), (status, type));
        Assert.Equal(jpeg, body);
        var real = await ServeAsync("photos/1/real.png");
        Assert.Equal((StatusCodes.Status200OK, "image/png"), (real.Status, real.Type));
        Assert.Equal(StatusCodes.Status404NotFound, (await ServeAsync("photos/1/page.png")).Status);
        Assert.Equal(StatusCodes.Status404NotFound, (await ServeAsync("photos/1/absent.png")).Status);
        Assert.Equal(StatusCodes.Status404NotFound, (await ServeAsync(null)).Status);
    }

    [Fact]
    public void ScanPdf_Should_RefuseAPdfThatIsAlsoAZip_AndAcceptAPlainPdfHoldingTheZipMarker()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\nstream PK\u0005\u0006 not a zip endstream\n%%EOF\n");
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("payload.html").Open());
            entry.Write(Script);
        }

        var polyglot = pdf[..^7].Concat(zip.ToArray()).Concat(Encoding.ASCII.GetBytes("\n%%EOF\n")).ToArray();

        Assert.True(ScanPdfRules.IsPdf(pdf));
        Assert.True(ScanPdfRules.IsAlsoZip(polyglot));
        Assert.False(ScanPdfRules.IsPdf(polyglot));
        Assert.Equal(ScanPdfRules.NotPdfMessage, Assert.Throws<DomainRuleException>(() => ScanPdfRules.Check(polyglot)).Message);
    }

    [Fact]
    public async Task DiskFileStore_Should_KeepUploadNamesInsideTheirFolder()
    {
        var root = Path.Combine(Path.GetTempPath(), "certhub-store-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new DiskFileStore(new ConfigurationBuilder()
                .AddInMemoryCollection([KeyValuePair.Create<string, string?>("Storage:Root", root)]).Build(), new FakeHostEnvironment(root));

            var stored = await store.SaveAsync("reports/1", "../../../../evil.html", new MemoryStream([1]), default);
            var windows = await store.SaveAsync("reports/1", @"..\..\evil2.html", new MemoryStream([2]), default);

            Assert.Equal("reports/1/evil.html", stored);
            Assert.Equal("reports/1/evil2.html", windows);
            await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveAsync("reports/1", "..", new MemoryStream([1]), default));
            Assert.True(File.Exists(Path.Combine(root, "reports", "1", "evil.html")));
            await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveAsync("../outside", "a.png", new MemoryStream([1]), default));
            await Assert.ThrowsAsync<InvalidOperationException>(() => store.OpenReadAsync("../../etc/passwd", default));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void OversizedImages_Should_BeRefusedWithAChineseMessage()
    {
        var big = new byte[CandidatePhoto.MaxBytes + 1];
        GreyPng.Create(295, 413, 90).CopyTo(big, 0);

        Assert.Equal("照片大小不能超过5M", Assert.Throws<DomainRuleException>(() => CandidatePhoto.Check(big, _images)).Message);
        Assert.Equal("电子签章图片不能超过1MB", Assert.Throws<DomainRuleException>(() => SealImageRules.Check(big, _images)).Message);
        Assert.Null(SignatureImage.FromDataUrl(SignatureImage.ToDataUrl(big)));
    }

    private async Task<(int Status, string? Type, byte[] Body)> ServeAsync(string? path)
    {
        var result = await FileResults.ImageAsync(_files, path, default);
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, context.Response.ContentType, body.ToArray());
    }

    private static void AssertNoMarkup(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<html", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("PK\u0003\u0004", text, StringComparison.Ordinal);
    }

    /// <summary>A real image with a script: appended after the image's end, or inside it (PNG tEXt chunk, JPEG COM segment).</summary>
    private static byte[] Polyglot(string kind, int width, int height)
    {
        var script = Encoding.ASCII.GetBytes(Script);
        switch (kind)
        {
            case "png-appended":
                return [.. GreyPng.Create(width, height, 90), .. script, .. Encoding.ASCII.GetBytes("PK\u0003\u0004")];
            case "png-text-chunk":
                var png = GreyPng.Create(width, height, 90);
                var iend = png.Length - 12;
                return [.. png[..iend], .. Chunk("tEXt", [.. Encoding.ASCII.GetBytes("Comment"), 0, .. script]), .. png[iend..]];
            case "jpeg-appended":
                return [.. Encode(SKEncodedImageFormat.Jpeg, width, height), .. script];
            default:
                var jpeg = Encode(SKEncodedImageFormat.Jpeg, width, height);
                var length = script.Length + 2;
                return [.. jpeg[..2], 0xFF, 0xFE, (byte)(length >> 8), (byte)length, .. script, .. jpeg[2..]];
        }
    }

    private static byte[] Encode(SKEncodedImageFormat format, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Red);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        var crc = Crc32(typed);
        return [(byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length, .. typed,
            (byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc];
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private sealed class FakeHostEnvironment(string root) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "CertHub.Web";

        public string ContentRootPath { get; set; } = root;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
