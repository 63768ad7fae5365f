using System.Diagnostics;
using CertHub.Core.Candidates;
using CertHub.Core.Candidates.Import;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Data;
using CertHub.Web.Documents.Excel;
using CertHub.Web.Documents.Pdf;
using CertHub.Web.Imaging;
using CertHub.Web.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CertHub.Bench.Faults;

/// <summary>
/// (c) Disk full on the file store: the product's <see cref="DiskFileStore"/> on a real 2 MB tmpfs (needs root and mount
/// rights; skipped with a message otherwise). 上传照片 (CandidateService) one candidate after the other until the store is
/// full: the upload is refused with 存储空间不足…, the refused candidate keeps no photo and stays 无照片, every stored photo
/// is whole, and no partial file remains. Then 证书生成 (CertificateIssuing) on a second 2 MB tmpfs until full: records whose
/// PDF could not be stored go 盖章失败 with 存储空间不足, every 完成发放 record has its whole PDF, none stays 证书生成中.
/// The databases are SQLite files outside the tmpfs.
/// </summary>
internal static class DiskFullRun
{
    private const string Size = "2m";

    public static async Task RunAsync(Checks checks)
    {
        Console.WriteLine();
        Console.WriteLine($"(c) disk full on the file store (a real {Size} tmpfs)");
        var folder = Directory.CreateTempSubdirectory("certhub-faults-disk-");
        var photosMount = Directory.CreateDirectory(Path.Combine(folder.FullName, "photos-store")).FullName;
        var pdfMount = Directory.CreateDirectory(Path.Combine(folder.FullName, "pdf-store")).FullName;
        try
        {
            if (!await MountAsync(photosMount))
            {
                Console.WriteLine("    SKIPPED: mount -t tmpfs is not permitted here (needs root with mount rights); the simulated test CertHub.Tests/Data/Faults/DiskFullTests covers the rules");
                return;
            }

            await PhotosAsync(folder.FullName, photosMount, checks);
            if (await MountAsync(pdfMount))
            {
                await CertificatesAsync(folder.FullName, pdfMount, checks);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            await UnmountAsync(photosMount);
            await UnmountAsync(pdfMount);
            folder.Delete(recursive: true);
        }
    }

    private static async Task PhotosAsync(string folder, string mount, Checks checks)
    {
        var builder = new CertHubContextBuilder(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "photos.db")}"), []);
        var catalog = await CandidatesBench.SeedAsync(builder);
        var store = Store(mount);
        var school = new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: catalog.SchoolId, UserName: "ustb", DisplayName: "北京科技大学", UserId: "bench-user");
        const int candidates = 400; // ~8 KB photos: more than the 2 MB store holds
        using (var xlsx = new MemoryStream())
        {
            await CandidateSheet.WriteRowsAsync(xlsx, CandidatesBench.Rows(candidates, catalog.MajorNames));
            xlsx.Position = 0;
            await new CandidateImportService(new CertHubDbFactory(builder, school), school, new CandidateSheet(), store, new SilentChangeFeed(), TimeProvider.System)
                .ImportAsync(xlsx, "考生.xlsx", CandidateImportMode.Create, null, CancellationToken.None);
        }

        var service = new CandidateService(new CertHubDbFactory(builder, school), school, store, new SkiaImageInspector(),
            new BuiltInIdentityVerifier(TimeProvider.System), new SilentChangeFeed(), TimeProvider.System);
        List<int> ids;
        await using (var db = builder.Create(FixedCurrentUser.System))
        {
            ids = await db.Set<Candidate>().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        }

        var uploaded = new Dictionary<int, byte[]>();
        var refused = new List<(int Id, string Message)>();
        var watch = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            var photo = CandidatesBench.Photo(id % 16);
            try
            {
                await service.UploadPhotoAsync(id, photo, CancellationToken.None);
                uploaded[id] = photo;
            }
            catch (DomainRuleException ex)
            {
                refused.Add((id, ex.Message));
                if (refused.Count == 3)
                {
                    break;
                }
            }
        }

        Console.WriteLine($"    photos: {uploaded.Count} uploaded ({uploaded.Values.Sum(p => p.Length) / 1024d:F0} KB) before the store was full, then {refused.Count} refused, in {watch.Elapsed.TotalSeconds:F1} s");
        checks.Check("the store filled up during 上传照片", refused.Count > 0 && uploaded.Count > 0, $"{uploaded.Count} stored, {refused.Count} refused");
        checks.Check("the upload is refused with 存储空间不足…", refused.Count > 0 && refused.All(r => r.Message.StartsWith("存储空间不足", StringComparison.Ordinal)),
            refused.Count > 0 ? $"“{refused[0].Message}”" : "none refused");
        await using (var db = builder.Create(FixedCurrentUser.System))
        {
            var refusedIds = refused.Select(r => r.Id).ToList();
            var refusedRows = await db.Set<Candidate>().AsNoTracking().Where(c => refusedIds.Contains(c.Id)).Select(c => new { c.PhotoPath, c.InfoStatus }).ToListAsync();
            checks.Check("a refused candidate keeps no photo and stays 无照片", refusedRows.All(c => c.PhotoPath == null && c.InfoStatus == CandidateInfoStatus.NoPhoto),
                string.Join("; ", refusedRows.Select(c => $"{c.InfoStatus.ToDisplayName()}, photo {(c.PhotoPath ?? "none")}")));
            var stored = await db.Set<Candidate>().AsNoTracking().Where(c => c.PhotoPath != null).Select(c => new { c.Id, c.PhotoPath }).ToListAsync();
            var whole = 0;
            foreach (var candidate in stored)
            {
                await using var file = await store.OpenReadAsync(candidate.PhotoPath!);
                using var bytes = new MemoryStream();
                if (file is not null)
                {
                    await file.CopyToAsync(bytes);
                }

                // Photos are stored re-encoded (polyglot uploads keep only their pixels): whole means the re-encoding of what was sent.
                whole += uploaded.TryGetValue(candidate.Id, out var sent) && SkiaImageInspector.ReencodeImage(sent) is { } expected
                    && bytes.ToArray().AsSpan().SequenceEqual(expected) ? 1 : 0;
            }

            checks.Check("every recorded photo is stored whole", stored.Count == uploaded.Count && whole == stored.Count, $"{whole} of {stored.Count} recorded photos match what was uploaded (re-encoded)");
        }

        var files = Directory.GetFiles(mount, "*", SearchOption.AllDirectories);
        checks.Check("no partial or orphan file on the store", files.Length == uploaded.Count && !files.Any(f => f.EndsWith(".part", StringComparison.Ordinal)),
            $"{files.Length} files for {uploaded.Count} photos; {Used(mount)}");
    }

    private static async Task CertificatesAsync(string folder, string mount, Checks checks)
    {
        var builder = new CertHubContextBuilder(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "pdf.db")};Foreign Keys=False"), []);
        var store = Store(mount);
        var catalog = await IssuanceBench.SeedCatalogAsync(builder, store);
        const int records = 60;
        var t0 = DateTimeOffset.UtcNow.AddHours(-1);
        await using (var db = builder.Create(FixedCurrentUser.System))
        {
            for (var i = 1; i <= records; i++)
            {
                var source = new IssuanceSource(catalog.CandidateId, catalog.SchoolId, catalog.SiteSchoolId, 1, i, catalog.OrganizationId, catalog.CertificateId,
                    CertificateLevel.Intermediate, i, 2021, "37068220211631773601551242", "王小二", "110101199003074477", "院校考生",
                    "北京科技大学", "信息化应用职业技能等级证书", "中物联物流", "2021九月中级信息化考试", "北京科技大学信息化应用职业技能等级证书(中级)考核站点");
                var record = IssuanceRecord.Generate(source, "中物联(wl)", t0);
                record.SignByOrganization("张组织", "seals/stamp.png", t0.AddMinutes(1));
                record.SignBySite("李院校", "seals/stamp.png", t0.AddMinutes(2));
                record.Issue(IssueMethod.Electronic, "中物联(wl)", t0.AddMinutes(3));
                db.Add(record);
            }

            await db.SaveChangesAsync();
        }

        var renderer = new CertificatePdfRenderer(PdfSigningCertificate.Fixed(PdfSigningCertificate.CreateSelfSigned()));
        var issuing = new CertificateIssuing(new CertHubDbFactory(builder, FixedCurrentUser.System), store, renderer, new SilentChangeFeed(), TimeProvider.System,
            new CertificateIssuingOptions());
        var watch = Stopwatch.StartNew();
        var processed = await issuing.ProcessPendingAsync(records, CancellationToken.None);
        await using var check = builder.Create(FixedCurrentUser.System);
        var rows = await check.Set<IssuanceRecord>().AsNoTracking().Select(r => new { r.Status, r.PdfPath, r.FailureReason }).ToListAsync();
        var issued = rows.Where(r => r.Status == IssuanceStatus.Issued).ToList();
        var failed = rows.Where(r => r.Status == IssuanceStatus.SealFailed).ToList();
        Console.WriteLine($"    certificates: {processed} processed in {watch.Elapsed.TotalSeconds:F1} s: {issued.Count} 完成发放, {failed.Count} 盖章失败; {Used(mount)}");
        checks.Check("the store filled up during 证书生成", issued.Count > 0 && failed.Count > 0, $"{issued.Count} PDFs stored, {failed.Count} refused");
        checks.Check("a certificate that could not be stored goes 盖章失败 with 存储空间不足",
            failed.Count > 0 && failed.All(r => r.FailureReason?.Contains(StorageFaults.StorageFullReason, StringComparison.Ordinal) == true && r.PdfPath == null),
            failed.Count > 0 ? $"“{failed[0].FailureReason}”" : "none");
        var wholePdfs = 0;
        foreach (var record in issued)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(mount, record.PdfPath!));
            var text = System.Text.Encoding.ASCII.GetString(bytes);
            wholePdfs += text.StartsWith("%PDF", StringComparison.Ordinal) && text.TrimEnd().EndsWith("%%EOF", StringComparison.Ordinal) ? 1 : 0;
        }

        checks.Check("every 完成发放 record has its whole PDF; none left 证书生成中", wholePdfs == issued.Count && rows.All(r => r.Status != IssuanceStatus.Generating),
            $"{wholePdfs} of {issued.Count} PDFs whole, {rows.Count(r => r.Status == IssuanceStatus.Generating)} 证书生成中");
        var pdfFiles = Directory.GetFiles(Path.Combine(mount, "certificates"), "*", SearchOption.AllDirectories);
        checks.Check("no partial or orphan PDF on the store", pdfFiles.Length == issued.Count, $"{pdfFiles.Length} files for {issued.Count} issued");
    }

    private static DiskFileStore Store(string root) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Root"] = root }).Build(), new BenchHost(root));

    private static string Used(string mount)
    {
        var drive = new DriveInfo(mount);
        return $"store {drive.TotalSize / 1024} KB, {drive.AvailableFreeSpace / 1024} KB free";
    }

    private static async Task<bool> MountAsync(string path)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return false;
        }

        return await RunAsync("mount", ["-t", "tmpfs", "-o", $"size={Size}", "tmpfs", path]) == 0;
    }

    private static async Task UnmountAsync(string path)
    {
        if (File.Exists("/proc/mounts") && (await File.ReadAllTextAsync("/proc/mounts")).Contains($" {path} ", StringComparison.Ordinal))
        {
            await RunAsync("umount", [path]);
        }
    }

    private static async Task<int> RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    private sealed class BenchHost(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "CertHub.Bench";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
