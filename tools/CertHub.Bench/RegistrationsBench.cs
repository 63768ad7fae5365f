using System.Diagnostics;
using System.Globalization;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Imports;
using CertHub.Core.Registrations;
using CertHub.Core.Registrations.Import;
using CertHub.Data;
using CertHub.Web.Documents.Excel;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Bench;

/// <summary>
/// registrations: on a temporary SQLite database with a plan 报考中 (按证书, two certificate levels, three subjects), majors
/// and N 信息准确 candidates of one school, 批量导入报考 of an xlsx of N good rows plus a few deliberately bad ones through
/// the real RegistrationImportService as the school user (read, every row check, batched insert, 导入记录); prints the wall
/// time, rows/s and the failed rows with their reasons.
/// </summary>
public static class RegistrationsBench
{
    private const double TargetSeconds = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        var total = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 20_000;
        var folder = Directory.CreateTempSubdirectory("certhub-bench-registrations-");
        try
        {
            Console.WriteLine($"CertHub registrations bench — {Environment.ProcessorCount} cores (shared: wall times are noisy), {total:N0} good rows + 5 bad rows");
            var now = DateTimeOffset.UtcNow;
            var warmup = await SetUpAsync(Path.Combine(folder.FullName, "warmup.db"), 500, now);
            await ImportAsync(warmup, Path.Combine(folder.FullName, "warmup.xlsx"), 500, folder.FullName, quiet: true);
            var world = await SetUpAsync(Path.Combine(folder.FullName, "bench.db"), total, now);
            var (elapsed, result) = await ImportAsync(world, Path.Combine(folder.FullName, "registrations.xlsx"), total, folder.FullName, quiet: false);

            Console.WriteLine();
            Console.WriteLine($"import {total + 5:N0} rows (RegistrationImportService: read, all row checks, batched insert, 导入记录): {elapsed.TotalSeconds:F2} s = {(total + 5) / elapsed.TotalSeconds:N0} rows/s   target < {TargetSeconds:F0} s   {(elapsed.TotalSeconds < TargetSeconds ? "OK" : "MISSED")}");
            Console.WriteLine($"registered {result.Succeeded:N0}, failed {result.Failed} (the 5 deliberately bad rows):");
            foreach (var error in result.Errors)
            {
                Console.WriteLine($"    第{error.RowNumber}行：{error.Reason}");
            }

            return result.Succeeded == total && result.Failed == 5 ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private sealed record World(CertHubContextBuilder Builder, int SchoolId, int PlanId, List<(string Name, string IdNumber)> Candidates, (string Name, string IdNumber) Uncovered);

    /// <summary>Catalogue, plan and <paramref name="total"/> 信息准确 candidates (plus one of a major the certificate does not cover).</summary>
    private static async Task<World> SetUpAsync(string file, int total, DateTimeOffset now)
    {
        var watch = Stopwatch.StartNew();
        var builder = new CertHubContextBuilder(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file}"), []);
        await using var db = builder.Create(FixedCurrentUser.System);
        await db.Database.MigrateAsync();
        var province = Province.Create("11", "北京市", "北京市教育委员会");
        db.Add(province);
        await db.SaveChangesAsync();
        var school = PilotSchool.Create("北京科技大学", "4111010008", province.Id, SchoolType.Undergraduate);
        var organization = Organization.Create("中物联物流", "91110000100000000X");
        var majors = new[]
        {
            Major.Create("510201", "计算机应用技术", MajorLevel.HigherVocational, "电子与信息大类"),
            Major.Create("510203", "软件技术", MajorLevel.HigherVocational, "电子与信息大类"),
            Major.Create("080901", "计算机科学与技术", MajorLevel.Undergraduate, "工学"),
            Major.Create("530302", "会计", MajorLevel.HigherVocational, "财经商贸大类"),
        };
        db.AddRange(school, organization);
        db.AddRange(majors);
        await db.SaveChangesAsync();
        var certificate = Certificate.Create("信息化应用职业技能等级证书", "1+X-XXH", organization.Id, [CertificateLevel.Junior, CertificateLevel.Intermediate], now.AddYears(-1));
        certificate.SetMajors(majors.Take(3).Select(m => m.Id));
        db.Add(certificate);
        await db.SaveChangesAsync();
        var subjects = new[]
        {
            ExamSubject.Create(organization.Id, certificate.Id, CertificateLevel.Junior, "XXH-C-01", "初级理论知识", ExamMode.Computer, CandidateScope.All, 100, 60, 90),
            ExamSubject.Create(organization.Id, certificate.Id, CertificateLevel.Junior, "XXH-C-02", "初级实操技能", ExamMode.Practical, CandidateScope.All, 100, 60, 120),
            ExamSubject.Create(organization.Id, certificate.Id, CertificateLevel.Intermediate, "XXH-Z-01", "中级理论知识", ExamMode.Computer, CandidateScope.All, 100, 60, 90),
        };
        db.AddRange(subjects);
        await db.SaveChangesAsync();
        var exam = now.AddDays(30);
        var plan = ExamPlan.Create(organization.Id, exam.Year, "信息化考试（性能测试）", RegistrationMode.ByCertificate,
            new ExamPlanWindows(now.AddDays(-5), now.AddDays(10), now.AddDays(10), now.AddDays(25), now.AddDays(35), now.AddDays(40), now.AddDays(40), now.AddDays(45)), now.AddDays(-7));
        plan.SetCertificate(certificate.Id, CertificateLevel.Junior, 180m);
        plan.SetCertificate(certificate.Id, CertificateLevel.Intermediate, 260m);
        plan.SetSchools([school.Id]);
        plan.SetSubject(subjects[0], exam, exam.AddMinutes(90));
        plan.SetSubject(subjects[1], exam.AddHours(4), exam.AddHours(6));
        plan.SetSubject(subjects[2], exam.AddDays(1), exam.AddDays(1).AddMinutes(90));
        plan.Publish("组织管理员", now.AddDays(-6));
        db.Add(plan);
        await db.SaveChangesAsync();

        var candidates = new List<Candidate>(total + 1);
        for (var i = 0; i <= total; i++)
        {
            var id = IdFor(i);
            var major = i == total ? majors[3] : majors[i % 3];
            var details = new CandidateDetails(Name(i), null, IdType.ResidentIdCard, id, MajorId: major.Id, MajorLevel: major.Level, EnrollmentYear: 2021);
            var candidate = Candidate.Create(school.Id, CandidateType.SchoolCandidate, CandidateNoGenerator.Generate(id[..6], now.Year, now, i + 1), details, now.AddDays(-20));
            candidate.AttachPhoto($"photos/{i}.jpg", "bench", now.AddDays(-19));
            candidate.ApplyVerification(IdentityVerificationResult.Accurate, "bench", now.AddDays(-18));
            candidates.Add(candidate);
        }

        await ((IBulkInsert)db).BulkInsertAsync(candidates);
        Console.WriteLine($"setup: {Path.GetFileName(file)}: plan 报考中 (2 levels, 3 subjects), 4 majors, {total + 1:N0} candidates 信息准确 in {watch.Elapsed.TotalSeconds:F1} s");
        return new World(builder, school.Id, plan.Id, [.. candidates.Take(total).Select(c => (c.Name, c.IdNumber))], (candidates[^1].Name, candidates[^1].IdNumber));
    }

    private static async Task<(TimeSpan Elapsed, RegistrationImportResult Result)> ImportAsync(World world, string xlsx, int total, string folder, bool quiet)
    {
        const string certificate = "信息化应用职业技能等级证书";
        IEnumerable<IReadOnlyList<string?>> Rows()
        {
            foreach (var (name, id) in world.Candidates)
            {
                yield return [name, id, certificate, "初级"];
            }

            var first = world.Candidates[0];
            yield return [first.Name, first.IdNumber, certificate, "初级"]; // 与第2行重复
            yield return ["张冠李戴", world.Candidates[1].IdNumber, certificate, "中级"]; // 姓名与证件号码不符
            yield return [world.Uncovered.Name, world.Uncovered.IdNumber, certificate, "初级"]; // 专业不在证书面向的专业之内
            yield return ["查无此人", IdFor(total + 100), certificate, "初级"]; // 未找到考生
            yield return [first.Name, first.IdNumber, certificate, "高级"]; // 计划中没有该等级
        }

        var write = Stopwatch.StartNew();
        await using (var target = File.Create(xlsx))
        {
            await RegistrationSheet.WriteRowsAsync(target, RegistrationMode.ByCertificate, Rows());
        }

        if (!quiet)
        {
            Console.WriteLine($"setup: wrote {Path.GetFileName(xlsx)} ({total + 5:N0} rows, {new FileInfo(xlsx).Length / 1024d / 1024d:F1} MB) in {write.Elapsed.TotalSeconds:F1} s");
        }

        var school = new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: world.SchoolId, UserName: "ustb", DisplayName: "北京科技大学", UserId: "bench-user");
        var service = new RegistrationImportService(new CertHubDbFactory(world.Builder, school), school, new RegistrationSheet(),
            new FolderFileStore(Path.Combine(folder, "files")), new NoChangeFeed(), TimeProvider.System);
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        RegistrationImportResult result;
        await using (var stream = File.OpenRead(xlsx))
        {
            result = await service.ImportAsync(new RegistrationImportRequest(world.PlanId, RegistrationMode.ByCertificate), stream, Path.GetFileName(xlsx), null, CancellationToken.None);
        }

        watch.Stop();
        await using var db = world.Builder.Create(FixedCurrentUser.System);
        var saved = await db.Set<Registration>().CountAsync();
        var record = await db.Set<ImportRecord>().SingleAsync();
        if (!quiet)
        {
            Console.WriteLine($"import: {result.Succeeded:N0} registered, {result.Failed} failed, CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s, wall {watch.Elapsed.TotalSeconds:F2} s");
            Console.WriteLine($"import check: {saved:N0} registrations in the database, 导入记录 {record.Kind.ToDisplayName()} 成功 {record.SucceededRows:N0} 失败 {record.FailedRows}");
        }

        if (saved != result.Succeeded || record.SucceededRows != result.Succeeded)
        {
            throw new InvalidOperationException("The import did not write what it reported.");
        }

        return (watch.Elapsed, result);
    }

    private static string Name(int i)
    {
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
        string[] given = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛", "明"];
        return surnames[i % surnames.Length] + given[i / 10 % given.Length] + given[i / 120 % given.Length];
    }

    private static string IdFor(int i)
    {
        var birth = new DateOnly(1998, 1, 1).AddDays(i / 1000);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"110101{birth:yyyyMMdd}{i % 1000:D3}");
        return first17 + IdNumber.CheckCharacter(first17);
    }

    private sealed class NoChangeFeed : IChangeFeed
    {
        public void Publish(ChangeNotice notice)
        {
        }

        public IDisposable Subscribe(string topic, Func<ChangeNotice, Task> handler) => throw new NotSupportedException();
    }
}
