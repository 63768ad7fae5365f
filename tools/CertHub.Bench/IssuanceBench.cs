using System.Diagnostics;
using System.Globalization;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Data;
using CertHub.Web.Documents.Pdf;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Bench;

/// <summary>
/// issuance: on a temporary SQLite database with N issuance records, measures (a) 批量确认签发 of 10,000 records through
/// the real use case (IssuanceService.SignAsync as the organisation: one load, the domain verb per record, one save), (b) as the reference, one raw SQL UPDATE of
/// the same rows, and (c) generation of 1,000 e-certificate PDFs through CertificateIssuing and the real renderer,
/// sampling memory during the run.
/// </summary>
public static class IssuanceBench
{
    private static readonly DateTimeOffset T0 = new(2021, 9, 20, 2, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var total = Arg(args, 0, 50_000);
        var signCount = Arg(args, 1, 10_000);
        var pdfCount = Arg(args, 2, 1_000);
        var folder = Directory.CreateTempSubdirectory("certhub-bench-");
        try
        {
            var file = Path.Combine(folder.FullName, "bench.db");
            // Foreign keys off: the records point at plan/site/result ids that are not created (they play no part here).
            var builder = new CertHubContextBuilder(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file};Foreign Keys=False"), []);
            var files = new FolderFileStore(Path.Combine(folder.FullName, "files"));
            var catalog = await SeedCatalogAsync(builder, files);
            Console.WriteLine($"CertHub issuance bench — {Environment.ProcessorCount} cores, {total:N0} records, sign {signCount:N0}, generate {pdfCount:N0} PDFs");

            var insert = Stopwatch.StartNew();
            await InsertRecordsAsync(builder, catalog, total, pdfCount);
            Console.WriteLine($"setup: inserted {total:N0} records (+ history) through EF in {insert.Elapsed.TotalSeconds:F1} s");

            var sign = await BatchSignAsync(builder, files, catalog, signCount);
            var raw = await RawUpdateAsync(file, signCount);
            var (pdfSeconds, samples) = await GenerateAsync(builder, files, pdfCount);

            Console.WriteLine();
            Console.WriteLine($"(a) 批量确认签发 {signCount:N0} records (IssuanceService.SignAsync): {sign.TotalSeconds:F2} s   target < 3 s   {(sign.TotalSeconds < 3 ? "OK" : "MISSED")}");
            Console.WriteLine($"(b) reference: one raw SQL UPDATE of the same {signCount:N0} rows:      {raw.TotalSeconds:F3} s");
            var rate = pdfCount / pdfSeconds;
            Console.WriteLine($"(c) {pdfCount:N0} e-certificate PDFs (CertificateIssuing + signed PDFsharp renderer): {pdfSeconds:F1} s = {rate:F1} PDFs/s   target ≥ 50 PDFs/s   {(rate >= 50 ? "OK" : "MISSED")}");
            Console.WriteLine($"    memory during generation ({samples.Count} samples): managed {Mb(samples.Min(s => s.Managed))}–{Mb(samples.Max(s => s.Managed))} MB, " +
                $"working set {Mb(samples.Min(s => s.WorkingSet))}–{Mb(samples.Max(s => s.WorkingSet))} MB");
            var quarter = Math.Max(1, samples.Count / 4);
            Console.WriteLine($"    working set first quarter avg {Mb((long)samples.Take(quarter).Average(s => s.WorkingSet))} MB, " +
                $"last quarter avg {Mb((long)samples.TakeLast(quarter).Average(s => s.WorkingSet))} MB (flat = no growth with the number of PDFs)");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    internal sealed record Catalog(int SchoolId, int SiteSchoolId, int OrganizationId, int CertificateId, int CandidateId);

    internal static async Task<Catalog> SeedCatalogAsync(CertHubContextBuilder builder, IFileStore files)
    {
        await using var db = builder.Create(FixedCurrentUser.System);
        await db.Database.EnsureCreatedAsync();
        var province = Province.Create("11", "北京市", "北京市教育委员会");
        db.Add(province);
        await db.SaveChangesAsync();
        var school = PilotSchool.Create("北京科技大学", "4111010008", province.Id, SchoolType.Undergraduate);
        var site = PilotSchool.Create("北方工业大学", "4111010009", province.Id, SchoolType.Undergraduate);
        var organization = Organization.Create("中物联物流", "91110000100000000X");
        organization.SetSeal(await Save(files, "seals", "org.png", 240, 240));
        organization.SetSignatureStamp(await Save(files, "seals", "stamp.png", 300, 120));
        site.SetSeal(await Save(files, "seals", "site.png", 240, 240), T0);
        db.AddRange(school, site, organization);
        await db.SaveChangesAsync();
        var certificate = Certificate.Create("信息化应用职业技能等级证书", "1+X-XXH", organization.Id,
            [CertificateLevel.Junior, CertificateLevel.Intermediate, CertificateLevel.Senior], T0);
        const string idNumber = "110101199003074477";
        var no = CandidateNoGenerator.Generate(CandidateNoGenerator.RegionCodeOf(IdType.ResidentIdCard, idNumber), 2021, T0, 1);
        var candidate = Candidate.Create(school.Id, CandidateType.SchoolCandidate, no,
            new CandidateDetails("王小二", "wang xiao er", IdType.ResidentIdCard, idNumber, Phone: "18300000551", EnrollmentYear: 2020), T0);
        candidate.AttachPhoto(await Save(files, "photos", "1.png", 295, 413), "bench", T0);
        db.AddRange(certificate, candidate);
        await db.SaveChangesAsync();
        return new Catalog(school.Id, site.Id, organization.Id, certificate.Id, candidate.Id);
    }

    private static async Task<string> Save(IFileStore files, string folder, string name, int width, int height)
    {
        using var png = new MemoryStream(GreyPng.Create(width, height));
        return await files.SaveAsync(folder, name, png);
    }

    /// <summary>N records of one candidate in N (phantom) plans: the last <paramref name="generating"/> already issued (证书生成中), the rest 培训评价组织待签发.</summary>
    private static async Task InsertRecordsAsync(CertHubContextBuilder builder, Catalog catalog, int total, int generating)
    {
        const int batch = 5_000;
        for (var start = 1; start <= total; start += batch)
        {
            await using var db = builder.Create(FixedCurrentUser.System);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var records = new List<IssuanceRecord>(batch);
            for (var i = start; i < start + batch && i <= total; i++)
            {
                var source = new IssuanceSource(catalog.CandidateId, catalog.SchoolId, catalog.SiteSchoolId, 1, i, catalog.OrganizationId, catalog.CertificateId,
                    CertificateLevel.Intermediate, i, 2021, "37068220211631773601551242", $"王{i % 97}三", "110101199003074477", "院校考生",
                    "北京科技大学", "信息化应用职业技能等级证书", "中物联物流", "2021九月中级信息化考试", "北京科技大学信息化应用职业技能等级证书(中级)考核站点");
                var record = IssuanceRecord.Generate(source, "中物联(wl)", T0);
                if (i > total - generating)
                {
                    record.SignByOrganization("张组织", "signatures/org.png", T0.AddMinutes(1));
                    record.SignBySite("李院校", "signatures/site.png", T0.AddMinutes(2));
                    record.Issue(IssueMethod.Electronic, "中物联(wl)", T0.AddMinutes(3));
                }

                records.Add(record);
            }

            db.AddRange(records);
            await db.SaveChangesAsync();
        }
    }

    /// <summary>批量确认签发 through the real use case: IssuanceService.SignAsync as the organisation, ids of the first N records.</summary>
    private static async Task<TimeSpan> BatchSignAsync(CertHubContextBuilder builder, FolderFileStore files, Catalog catalog, int count)
    {
        List<int> ids;
        await using (var db = builder.Create(FixedCurrentUser.System))
        {
            ids = await db.Set<IssuanceRecord>().Where(r => r.Status == IssuanceStatus.OrgPendingSign)
                .OrderBy(r => r.Id).Select(r => r.Id).Take(count).ToListAsync();
        }

        var org = new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: catalog.OrganizationId, UserName: "wl", DisplayName: "中物联物流");
        var service = new IssuanceService(new CertHubDbFactory(builder, org), org, files, new NoChangeFeed(), TimeProvider.System,
            new NullCertificateGenerationQueue());
        var signature = new SignatureInput("张组织", GreyPng.Create(300, 120));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = await service.SignAsync(ids, signature, CancellationToken.None);
        watch.Stop();
        Console.WriteLine($"batch sign (IssuanceService.SignAsync): {result.Summary}, CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s");
        if (result.Succeeded != count)
        {
            throw new InvalidOperationException($"Expected {count} signed records, got {result.Summary}: {(result.Failures.Count > 0 ? result.Failures[0].Reason : "")}");
        }

        return watch.Elapsed;
    }

    private sealed class NoChangeFeed : IChangeFeed
    {
        public void Publish(ChangeNotice notice)
        {
        }

        public IDisposable Subscribe(string topic, Func<ChangeNotice, Task> handler) => new Unsubscribe();

        private sealed class Unsubscribe : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }

    /// <summary>The reference: one UPDATE of the same rows (the first <paramref name="count"/> ids).</summary>
    private static async Task<TimeSpan> RawUpdateAsync(string file, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE IssuanceRecords SET Status = 'SitePendingSign' WHERE Id IN (SELECT Id FROM IssuanceRecords ORDER BY Id LIMIT $count)";
        command.Parameters.AddWithValue("$count", count);
        var watch = Stopwatch.StartNew();
        var rows = await command.ExecuteNonQueryAsync();
        watch.Stop();
        if (rows != count)
        {
            throw new InvalidOperationException($"Raw update touched {rows} rows.");
        }

        return watch.Elapsed;
    }

    private sealed record MemorySample(long Managed, long WorkingSet);

    private static async Task<(double Seconds, List<MemorySample> Samples)> GenerateAsync(CertHubContextBuilder builder, FolderFileStore files, int count)
    {
        var renderer = new CertificatePdfRenderer(PdfSigningCertificate.Fixed(PdfSigningCertificate.CreateSelfSigned()));
        renderer.WarmUp();
        var factory = new CertHubDbFactory(builder, FixedCurrentUser.System);
        var issuing = new CertificateIssuing(factory, files, renderer, new NoChanges(), TimeProvider.System, new CertificateIssuingOptions());
        var samples = new List<MemorySample>();
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                lock (samples)
                {
                    samples.Add(new MemorySample(GC.GetTotalMemory(false), Environment.WorkingSet));
                }

                try
                {
                    await Task.Delay(100, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var processed = await issuing.ProcessPendingAsync(count, CancellationToken.None);
        watch.Stop();
        Console.WriteLine($"generation: {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / count:F1} ms CPU per certificate " +
            $"(wall {watch.Elapsed.TotalMilliseconds / count:F1} ms; this machine is shared, so wall time includes waiting for a core)");
        await stop.CancelAsync();
        await sampler;
        if (processed != count)
        {
            throw new InvalidOperationException($"Generated {processed} of {count}.");
        }

        await using var db = builder.Create(FixedCurrentUser.System);
        var issued = await db.Set<IssuanceRecord>().CountAsync(r => r.Status == IssuanceStatus.Issued);
        Console.WriteLine($"generation: {issued:N0} records 完成发放, {Directory.GetFiles(files.Root, "*.pdf", SearchOption.AllDirectories).Length:N0} PDF files, " +
            $"{Directory.GetFiles(files.Root, "*.pdf", SearchOption.AllDirectories).Average(f => new FileInfo(f).Length) / 1024:F0} KB each");
        return (watch.Elapsed.TotalSeconds, samples);
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("F0", CultureInfo.InvariantCulture);

    private sealed class NoChanges : IChangeFeed
    {
        public void Publish(ChangeNotice notice)
        {
        }

        public IDisposable Subscribe(string topic, Func<ChangeNotice, Task> handler) => throw new NotSupportedException();
    }
}
