using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using CertHub.Core.Audit;
using CertHub.Core.Candidates;
using CertHub.Core.Candidates.Import;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Imports;
using CertHub.Data;
using CertHub.Web.Documents.Excel;
using CertHub.Web.Imaging;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SkiaSharp;

namespace CertHub.Bench;

/// <summary>
/// candidates: on a temporary SQLite database, (a) 批量导入考生信息 of N template rows end to end through
/// CandidateImportService as the school user (read, validate, insert, 导入记录), with wall time and sampled peak memory;
/// (b) in the same run the reference: MiniExcel reading the same file plus a raw prepared INSERT of the same rows into
/// the Candidates table of a second fresh database; (c) 批量导入考生照片 of a zip of M photos (295×413 JPEG) through PhotoZipImport.
/// </summary>
public static class CandidatesBench
{
    private const double TargetSeconds = 15;
    private const double TargetPeakMb = 600;
    private const double TargetRatio = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var total = Arg(args, 0, 50_000);
        var photoCount = Math.Min(total, Arg(args, 1, 2_000));
        var folder = Directory.CreateTempSubdirectory("certhub-bench-candidates-");
        try
        {
            Console.WriteLine($"CertHub candidates bench — {Environment.ProcessorCount} cores (shared: wall times are noisy), {total:N0} rows, {photoCount:N0} photos");
            var builder = new CertHubContextBuilder(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder.FullName, "bench.db")}"), []);
            var refFile = Path.Combine(folder.FullName, "reference.db");
            var refBuilder = new CertHubContextBuilder(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={refFile}"), []);
            var files = new FolderFileStore(Path.Combine(folder.FullName, "files"));
            var catalog = await SeedAsync(builder);
            var refCatalog = await SeedAsync(refBuilder);

            var xlsx = Path.Combine(folder.FullName, "candidates.xlsx");
            var write = Stopwatch.StartNew();
            await using (var target = File.Create(xlsx))
            {
                await CandidateSheet.WriteRowsAsync(target, Rows(total, catalog.MajorNames));
            }

            Console.WriteLine($"setup: wrote {Path.GetFileName(xlsx)} ({total:N0} rows, {new FileInfo(xlsx).Length / 1024d / 1024d:F1} MB) with CandidateSheet.WriteRowsAsync in {write.Elapsed.TotalSeconds:F1} s");

            await WarmUpAsync(folder.FullName, files);
            var (import, importPeak) = await ImportAsync(builder, files, catalog, xlsx, total);
            var reference = Reference(refFile, refCatalog, xlsx, total);
            var (photoSeconds, photoPeak) = await PhotosAsync(builder, files, catalog, photoCount);

            var ratio = import.TotalSeconds / reference.TotalSeconds;
            Console.WriteLine();
            Console.WriteLine($"(a) import {total:N0} rows (CandidateImportService: read, validate, insert + audit, 导入记录): {import.TotalSeconds:F2} s = {total / import.TotalSeconds:N0} rows/s   target < {TargetSeconds:F0} s   {Verdict(import.TotalSeconds < TargetSeconds)}");
            Console.WriteLine($"    peak memory during import: working set {importPeak.WorkingSetMb:F0} MB, managed heap {importPeak.ManagedMb:F0} MB   target < {TargetPeakMb:F0} MB   {Verdict(importPeak.WorkingSetMb < TargetPeakMb)}");
            Console.WriteLine($"(b) reference: MiniExcel Query of the same file + raw prepared INSERT of the same rows: {reference.TotalSeconds:F2} s");
            Console.WriteLine($"    import / reference = {ratio:F2}×   target ≤ {TargetRatio:F0}×   {Verdict(ratio <= TargetRatio)}");
            Console.WriteLine($"(c) photo zip of {photoCount:N0} photos (PhotoZipImport): {photoSeconds:F2} s = {photoCount / photoSeconds:F0} photos/s; peak working set {photoPeak.WorkingSetMb:F0} MB");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Runs both measured paths once on 1,000 rows and throwaway databases, so neither measurement pays for JIT compilation.</summary>
    private static async Task WarmUpAsync(string folder, FolderFileStore files)
    {
        const int rows = 1_000;
        var watch = Stopwatch.StartNew();
        var builder = new CertHubContextBuilder(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "warmup.db")}"), []);
        var refFile = Path.Combine(folder, "warmup-reference.db");
        var catalog = await SeedAsync(builder);
        var refCatalog = await SeedAsync(new CertHubContextBuilder(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={refFile}"), []));
        var xlsx = Path.Combine(folder, "warmup.xlsx");
        await using (var target = File.Create(xlsx))
        {
            await CandidateSheet.WriteRowsAsync(target, Rows(rows, catalog.MajorNames));
        }

        var output = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            await ImportAsync(builder, files, catalog, xlsx, rows);
            Reference(refFile, refCatalog, xlsx, rows);
        }
        finally
        {
            Console.SetOut(output);
        }

        await Task.Delay(TimeSpan.FromSeconds(1)); // let tiered JIT finish its background recompilation of the hot paths
        Console.WriteLine($"setup: warm-up of both paths on {rows:N0} rows in {watch.Elapsed.TotalSeconds:F1} s");
    }

    internal sealed record Catalog(int ProvinceId, int SchoolId, IReadOnlyList<string> MajorNames, IReadOnlyDictionary<string, (int Id, MajorLevel Level)> Majors);

    internal static async Task<Catalog> SeedAsync(CertHubContextBuilder builder)
    {
        await using var db = builder.Create(FixedCurrentUser.System);
        await db.Database.MigrateAsync();
        var province = Province.Create("11", "北京市", "北京市教育委员会");
        db.Add(province);
        await db.SaveChangesAsync();
        var school = PilotSchool.Create("北京科技大学", "4111010008", province.Id, SchoolType.Undergraduate);
        var majors = new[]
        {
            Major.Create("510201", "计算机应用技术", MajorLevel.HigherVocational, "电子与信息大类"),
            Major.Create("530802", "现代物流管理", MajorLevel.HigherVocational, "财经商贸大类"),
            Major.Create("080901", "计算机科学与技术", MajorLevel.Undergraduate, "工学"),
            Major.Create("710204", "计算机应用", MajorLevel.SecondaryVocational, "信息技术类"),
            Major.Create("310201", "计算机应用工程", MajorLevel.VocationalUndergraduate, "电子与信息大类"),
        };
        db.Add(school);
        db.AddRange(majors);
        await db.SaveChangesAsync();
        return new Catalog(province.Id, school.Id, [.. majors.Select(m => m.Name)], majors.ToDictionary(m => m.Name, m => (m.Id, m.Level)));
    }

    /// <summary>N valid template rows: distinct 居民身份证 numbers with correct check digits, majors from the catalogue.</summary>
    internal static IEnumerable<IReadOnlyList<string?>> Rows(int total, IReadOnlyList<string> majors)
    {
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
        string[] given = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛", "明"];
        var levels = new[] { "高职专科", "高职专科", "普通本科", "中职", "职业本科" };
        for (var i = 0; i < total; i++)
        {
            yield return [
                surnames[i % surnames.Length] + given[i / 10 % given.Length] + given[i / 120 % given.Length],
                $"bench {i}",
                "居民身份证",
                IdFor(i),
                $"138{i:D8}",
                majors[i % majors.Count],
                levels[i % majors.Count],
                (2018 + i % 6).ToString(CultureInfo.InvariantCulture),
                "院校考生",
            ];
        }
    }

    /// <summary>A valid, distinct 18-digit ID for index <paramref name="i"/> (1,000 sequences per birth day).</summary>
    private static string IdFor(int i)
    {
        var birth = new DateOnly(1998, 1, 1).AddDays(i / 1000);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"110101{birth:yyyyMMdd}{i % 1000:D3}");
        return first17 + IdNumber.CheckCharacter(first17);
    }

    private sealed record Peak(double WorkingSetMb, double ManagedMb);

    /// <summary>Samples the process working set and the managed heap every 20 ms until disposed; reports the peaks.</summary>
    private sealed class MemorySampler : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Process _process = Process.GetCurrentProcess();
        private readonly Task _loop;
        private long _workingSet;
        private long _managed;

        public MemorySampler() => _loop = Task.Run(LoopAsync);

        public Peak Peak => new(_workingSet / 1024d / 1024d, _managed / 1024d / 1024d);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            Sample();
            _stop.Dispose();
            _process.Dispose();
        }

        private async Task LoopAsync()
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
            try
            {
                do
                {
                    Sample();
                }
                while (await timer.WaitForNextTickAsync(_stop.Token));
            }
            catch (OperationCanceledException)
            {
                // stopped
            }
        }

        private void Sample()
        {
            _process.Refresh();
            _workingSet = Math.Max(_workingSet, _process.WorkingSet64);
            _managed = Math.Max(_managed, GC.GetTotalMemory(false));
        }
    }

    private static async Task<(TimeSpan Elapsed, Peak Peak)> ImportAsync(CertHubContextBuilder builder, FolderFileStore files, Catalog catalog, string xlsx, int total)
    {
        var school = new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: catalog.SchoolId, UserName: "ustb", DisplayName: "北京科技大学", UserId: "bench-user");
        var service = new CandidateImportService(new CertHubDbFactory(builder, school), school, new CandidateSheet(), files, new NoChangeFeed(), TimeProvider.System);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        CandidateImportResult result;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var sampler = new MemorySampler();
        await using (sampler)
        {
            await using var stream = File.OpenRead(xlsx);
            result = await service.ImportAsync(stream, Path.GetFileName(xlsx), CandidateImportMode.Create, null, CancellationToken.None);
            watch.Stop();
        }

        Console.WriteLine($"import: {result.Succeeded:N0} imported, {result.Failed:N0} failed, CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s, wall {watch.Elapsed.TotalSeconds:F2} s");
        if (result.Succeeded != total || result.Failed != 0)
        {
            throw new InvalidOperationException($"Expected {total} imported rows, got {result.Succeeded} (failed {result.Failed}): {(result.Errors.Count > 0 ? result.Errors[0].Reason : "")}");
        }

        await using var db = builder.Create(FixedCurrentUser.System);
        var candidates = await db.Set<Candidate>().CountAsync();
        var audits = await db.Set<AuditEntry>().CountAsync(a => a.EntityType == nameof(Candidate) && a.Action == "创建" && a.ToStatus == "无照片");
        var records = await db.Set<ImportRecord>().CountAsync();
        Console.WriteLine($"import check: {candidates:N0} candidates, {audits:N0} audit rows (创建 → 无照片), {records} 导入记录");
        if (candidates != total || audits != total || records != 1)
        {
            throw new InvalidOperationException("The import did not write what it reported.");
        }

        return (watch.Elapsed, sampler.Peak);
    }

    /// <summary>The reference: one streamed pass of MiniExcel over the file, each row bound to a prepared INSERT (reused parameters) in one transaction.</summary>
    private static TimeSpan Reference(string file, Catalog catalog, string xlsx, int total)
    {
        using var connection = new SqliteConnection($"Data Source={file};Foreign Keys=True");
        connection.Open();
        var nowTicks = DateTimeOffset.UtcNow.UtcTicks;
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO "Candidates" ("SchoolId", "CandidateType", "CandidateNo", "Name", "Pinyin", "IdType", "IdNumber", "Gender", "BirthDate",
                "Phone", "MajorId", "MajorLevel", "EnrollmentYear", "InfoStatus", "CreatedUtc")
            VALUES ($school, 'SchoolCandidate', $no, $name, $pinyin, 'ResidentIdCard', $id, $gender, $birth, $phone, $major, $level, $year, 'NoPhoto', $now)
            """;
        string[] names = ["$no", "$name", "$pinyin", "$id", "$gender", "$birth", "$phone", "$major", "$level", "$year"];
        var p = names.ToDictionary(n => n, n => command.Parameters.Add(n, SqliteType.Text));
        command.Parameters.AddWithValue("$school", catalog.SchoolId);
        command.Parameters.AddWithValue("$now", nowTicks);
        command.Prepare();
        var count = 0;
        using (var stream = File.OpenRead(xlsx))
        {
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: true))
            {
                var id = (string)row[CandidateImportTemplate.IdNumber]!;
                var major = catalog.Majors[(string)row[CandidateImportTemplate.Major]!];
                p["$no"].Value = string.Create(CultureInfo.InvariantCulture, $"{id[..6]}2025{1_700_000_000 + count:D10}{count % 1_000_000:D6}");
                p["$name"].Value = row[CandidateImportTemplate.Name];
                p["$pinyin"].Value = row[CandidateImportTemplate.Pinyin];
                p["$id"].Value = id;
                p["$gender"].Value = (id[16] - '0') % 2 == 1 ? "Male" : "Female";
                p["$birth"].Value = $"{id[6..10]}-{id[10..12]}-{id[12..14]}";
                p["$phone"].Value = Convert.ToString(row[CandidateImportTemplate.Phone], CultureInfo.InvariantCulture);
                p["$major"].Value = major.Id;
                p["$level"].Value = major.Level.ToString();
                p["$year"].Value = Convert.ToInt32(row[CandidateImportTemplate.EnrollmentYear], CultureInfo.InvariantCulture);
                command.ExecuteNonQuery();
                count++;
            }
        }

        transaction.Commit();
        watch.Stop();
        if (count != total)
        {
            throw new InvalidOperationException($"Reference inserted {count} rows.");
        }

        Console.WriteLine($"reference: {count:N0} rows read and inserted, CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s, wall {watch.Elapsed.TotalSeconds:F2} s");
        return watch.Elapsed;
    }

    private static async Task<(double Seconds, Peak Peak)> PhotosAsync(CertHubContextBuilder builder, FolderFileStore files, Catalog catalog, int count)
    {
        List<string> ids;
        await using (var db = builder.Create(FixedCurrentUser.System))
        {
            ids = await db.Set<Candidate>().OrderBy(c => c.Id).Select(c => c.IdNumber).Take(count).ToListAsync();
        }

        var photos = Enumerable.Range(0, 16).Select(Photo).ToArray();
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < ids.Count; i++)
            {
                var entry = archive.CreateEntry($"照片/{ids[i]}.jpg", CompressionLevel.Fastest);
                await using var target = entry.Open();
                await target.WriteAsync(photos[i % photos.Length]);
            }
        }

        Console.WriteLine($"setup: photo zip of {ids.Count:N0} JPEGs 295×413 ({photos.Average(p => p.Length) / 1024:F0} KB each), {zip.Length / 1024d / 1024d:F1} MB");
        zip.Position = 0;
        var school = new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: catalog.SchoolId, UserName: "ustb", DisplayName: "北京科技大学", UserId: "bench-user");
        var import = new PhotoZipImport(new CertHubDbFactory(builder, school), school, files, new SkiaImageInspector(), new SkiaPhotoBackgroundCheck(),
            new NoChangeFeed(), new CandidateSheet(), TimeProvider.System);
        GC.Collect();
        PhotoZipResult result;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var sampler = new MemorySampler();
        await using (sampler)
        {
            result = await import.ImportAsync(zip, "photos.zip", PhotoZipLimits.Default, null, CancellationToken.None);
            watch.Stop();
        }

        Console.WriteLine($"photos: {result.Succeeded:N0} attached, {result.Failures.Count} failed, {result.Warnings.Count} warnings, CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s");
        if (result.Succeeded != ids.Count)
        {
            throw new InvalidOperationException($"Expected {ids.Count} photos, got {result.Succeeded}: {(result.Failures.Count > 0 ? result.Failures[0].Reason : "")}");
        }

        await using (var db = builder.Create(FixedCurrentUser.System))
        {
            var pending = await db.Set<Candidate>().CountAsync(c => c.InfoStatus == CandidateInfoStatus.PendingVerification);
            if (pending != ids.Count)
            {
                throw new InvalidOperationException($"{pending} candidates moved to 信息待认证, expected {ids.Count}.");
            }
        }

        return (watch.Elapsed.TotalSeconds, sampler.Peak);
    }

    /// <summary>A 295×413 JPEG: red background, a head and shoulders in a shade that varies with <paramref name="variant"/>, some noise.</summary>
    internal static byte[] Photo(int variant)
    {
        var random = new Random(variant);
        using var bitmap = new SKBitmap(295, 413);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(220, 20, 30));
            using var paint = new SKPaint { IsAntialias = true, Color = new SKColor((byte)(200 + variant), 170, 140) };
            canvas.DrawOval(147, 160, 70, 90, paint);
            paint.Color = new SKColor(30, 30, (byte)(40 + variant * 5));
            canvas.DrawRect(40, 280, 215, 133, paint);
            for (var i = 0; i < 3_000; i++)
            {
                paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 60);
                canvas.DrawPoint(random.Next(295), random.Next(413), paint);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    private static string Verdict(bool ok) => ok ? "OK" : "MISSED";

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private sealed class NoChangeFeed : IChangeFeed
    {
        public void Publish(ChangeNotice notice)
        {
        }

        public IDisposable Subscribe(string topic, Func<ChangeNotice, Task> handler) => throw new NotSupportedException();
    }
}
