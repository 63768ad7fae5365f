using System.IO.Compression;
using System.Text;
using CertHub.Core.Candidates.Import;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Exams.RoomImport;
using CertHub.Core.Invigilators.Import;
using CertHub.Core.Registrations.Import;
using CertHub.Core.Scores.Import;
using CertHub.Tests.Support;
using CertHub.Web.Documents.Excel;
using MiniExcelLibs;
using Xunit.Abstractions;

namespace CertHub.Tests.Web.Security;

/// <summary>
/// Hostile upload files against the shared import reader (<see cref="ImportSheets"/>) behind every xlsx import (考生, 报考, 考场,
/// 监考人员, 科目成绩): wrong templates name their missing columns, 1,000,000 rows are refused by the row limit while memory stays
/// low, truncated files, other formats and PDF/zip polyglots are refused with one clear message, and zip bombs are refused unread.
/// </summary>
public sealed class HostileImportFileTests(ITestOutputHelper output)
{
    public static TheoryData<string> Imports => ["candidates", "registrations", "rooms", "invigilators", "scores"];

    [Theory]
    [MemberData(nameof(Imports))]
    public void ReadRows_Should_NameTheMissingColumns_When_TheFileIsAnotherTemplate(string import)
    {
        using var wrong = Xlsx(new Dictionary<string, object?> { ["姓名"] = "张三", ["随便一列"] = "x" });

        var ex = Assert.Throws<DomainRuleException>(() => Read(import, wrong));

        Assert.StartsWith("导入文件与模板不符，缺少列：", ex.Message);
        var named = ex.Message.Split('：')[1].Split('。')[0].Split('、');
        Assert.Equal(HeadersOf(import).Where(h => h != "姓名"), named);
    }

    [Theory]
    [MemberData(nameof(Imports))]
    public void ReadRows_Should_RefuseWithOneMessage_When_TheFileIsTruncatedOrNotAnXlsx(string import)
    {
        using var template = Xlsx(HeadersOf(import).ToDictionary(h => h, object? (_) => "1"));
        var bytes = template.ToArray();
        byte[][] hostile =
        [
            bytes[..(bytes.Length / 2)],
            Encoding.UTF8.GetBytes("姓名,身份证号\n张三,110101199003077777\n"),
            Encoding.UTF8.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
            [],
        ];

        foreach (var file in hostile)
        {
            using var stream = new MemoryStream(file);
            var ex = Assert.Throws<DomainRuleException>(() => Read(import, stream));
            Assert.Equal(ImportSheets.UnreadableFile, ex.Message);
        }
    }

    [Fact]
    public void ReadRows_Should_ReadOnlyTheWorkbook_When_APdfIsPrependedToIt()
    {
        // A PDF that is also a zip: the PDF part is never interpreted; the zip part is read as any workbook, or refused.
        using var template = CandidateTestFiles.Sheet(CandidateTestFiles.Row("张三", "110101199003077777"));
        var polyglot = Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj<</Type/Catalog>>endobj\n").Concat(template.ToArray()).ToArray();
        using var stream = new MemoryStream(polyglot);

        try
        {
            var rows = CandidateTestFiles.ReadBack(stream);
            Assert.Equal("张三", Assert.Single(rows).Name);
        }
        catch (DomainRuleException ex)
        {
            Assert.Equal(ImportSheets.UnreadableFile, ex.Message);
        }
    }

    [Fact]
    public void ReadRows_Should_RefuseAZipBomb_BeforeReadingIt()
    {
        using var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteWorkbookParts(zip);
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var block = new byte[1 << 20];
            Array.Fill(block, (byte)' ');
            for (var i = 0; i < (ImportSheets.MaxUncompressedBytes >> 20) + 1; i++)
            {
                sheet.Write(block);
            }
        }

        output.WriteLine($"zip bomb: {bomb.Length:N0} bytes expanding to more than {ImportSheets.MaxUncompressedBytes:N0}");
        bomb.Position = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<DomainRuleException>(() => CandidateTestFiles.ReadBack(bomb));

        Assert.Contains("疑似压缩炸弹", ex.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 10 * 1024 * 1024, "the bomb was refused from its directory, not decompressed");
    }

    [Fact]
    public void ReadRows_Should_RefuseAMillionRows_ByTheRowLimit_WithLowMemory()
    {
        var path = Path.Combine(Path.GetTempPath(), "certhub-1m-" + Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            WriteMillionRowSheet(path, CandidateImportTemplate.Headers, 1_000_000);
            output.WriteLine($"1,000,000-row xlsx: {new FileInfo(path).Length:N0} bytes");
            using var file = File.OpenRead(path);
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var peakHeap = heapBefore;
            var read = 0;

            var ex = Assert.Throws<DomainRuleException>(() =>
            {
                foreach (var _ in new CandidateSheet().ReadRows(file))
                {
                    if (++read % 10_000 == 0)
                    {
                        peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                    }
                }
            });

            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            output.WriteLine($"rows read before the refusal: {read:N0}; allocated while reading: {allocated / 1048576:N0} MB; peak managed heap: {peakHeap / 1048576:N0} MB");
            Assert.Equal($"一次最多导入{ImportSheets.MaxRows}行数据，请拆分文件后导入", ex.Message);
            Assert.Equal(ImportSheets.MaxRows, read);
            Assert.True(peakHeap - heapBefore < 300L * 1024 * 1024, $"managed heap grew by {(peakHeap - heapBefore) / 1048576} MB: rows must be streamed, not loaded");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task FailedRows_And_ImportedCells_Should_RoundTripTheFormulaGuard()
    {
        using var sheet = CandidateTestFiles.Sheet(CandidateTestFiles.Row("=HYPERLINK(\"http://evil\",\"x\")", "110101199003077777"));
        var row = Assert.Single(CandidateTestFiles.ReadBack(sheet));

        await using var failed = await new CandidateSheet().WriteFailedRowsAsync([new CandidateImportFailure(row, "身份证号重复")], default);
        var written = failed.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single();
        failed.Position = 0;
        var back = Assert.Single(CandidateTestFiles.ReadBack(failed));

        Assert.Equal("'=HYPERLINK(\"http://evil\",\"x\")", written[CandidateImportTemplate.Name]);
        Assert.Equal("=HYPERLINK(\"http://evil\",\"x\")", back.Name);
    }

    private static IReadOnlyList<string> HeadersOf(string import) => import switch
    {
        "candidates" => CandidateImportTemplate.Headers,
        "registrations" => RegistrationImportTemplate.Headers(RegistrationMode.ByCertificate),
        "rooms" => ExamRoomImportTemplate.Headers,
        "invigilators" => InvigilatorImportTemplate.Headers,
        _ => ScoreImportTemplate.Headers,
    };

    private static int Read(string import, Stream xlsx) => import switch
    {
        "candidates" => new CandidateSheet().ReadRows(xlsx).Count(),
        "registrations" => new RegistrationSheet().ReadRows(xlsx, RegistrationMode.ByCertificate).Count(),
        "rooms" => new ExamRoomSheet().ReadRows(xlsx).Count(),
        "invigilators" => new InvigilatorSheet().ReadRows(xlsx).Count(),
        _ => new ScoreSheet().ReadRows(xlsx).Count(),
    };

    private static MemoryStream Xlsx(Dictionary<string, object?> row)
    {
        var stream = new MemoryStream();
        stream.SaveAs(new[] { row });
        stream.Position = 0;
        return stream;
    }

    /// <summary>A minimal workbook written straight to a zip, one row at a time (never held in memory): the headers, then rows of one cell.</summary>
    private static void WriteMillionRowSheet(string path, IReadOnlyList<string> headers, int rows)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        WriteWorkbookParts(zip);
        using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        sheet.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">");
        for (var c = 0; c < headers.Count; c++)
        {
            sheet.Write($"<c r=\"{(char)('A' + c)}1\" t=\"inlineStr\"><is><t>{headers[c]}</t></is></c>");
        }

        sheet.Write("</row>");
        for (var r = 2; r <= rows + 1; r++)
        {
            sheet.Write($"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>张三</t></is></c></row>");
        }

        sheet.Write("</sheetData></worksheet>");
    }

    private static void WriteWorkbookParts(ZipArchive zip)
    {
        Part(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
        Part(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Part(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"考生信息\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        Part(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }
}
