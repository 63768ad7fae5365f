using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using CertHub.Core.Api;
using CertHub.Core.Audit;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Registrations;
using CertHub.Core.Scheduling;
using CertHub.Core.Scores;
using CertHub.Data;
using CertHub.Web.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertHub.Bench;

/// <summary>
/// results: the real CertHub app (its whole pipeline: Kestrel on a loopback port, X-Api-Key authentication, rate limiting,
/// the scores endpoint, ScoreService, result refresh) on a temporary SQLite file; one exam plan in 成绩登记中 with N
/// scheduled seats (default 50,000: half as many candidates, each seated for the plan's two subjects in 50 rooms); then
/// every seat's score is POSTed to /api/v1/plans/{planId}/scores with an organisation API key in batches (default 10,000
/// rows, the API allows 100,000 rows and 10 MB per request, 120 requests a minute). Prints wall time, rows/s and peak memory
/// (sampled every 50 ms), checks the stored scores and results, and retries one batch (all "unchanged").
/// </summary>
public static class ResultsBench
{
    private const double TargetSeconds = 15;
    private const int SeatsPerRoom = 500;

    public static async Task<int> RunAsync(string[] args)
    {
        var seats = Arg(args, 0, 50_000);
        var batch = Arg(args, 1, 10_000);
        var folder = Directory.CreateTempSubdirectory("certhub-bench-results-");
        WebApplicationFactory<ApiKeyAuthenticationHandler>? factory = null;
        try
        {
            Console.WriteLine($"CertHub results bench — {Environment.ProcessorCount} cores (shared: wall times are noisy), {seats:N0} seats, batches of {batch:N0} rows");
            factory = new WebApplicationFactory<ApiKeyAuthenticationHandler>().WithWebHostBuilder(builder =>
            {
                builder.UseEnvironment("Production");
                builder.UseSetting("urls", "http://127.0.0.1:0");
                builder.UseSetting("ConnectionStrings:CertHub", $"Data Source={Path.Combine(folder.FullName, "bench.db")}");
                builder.UseSetting("Database:Provider", "Sqlite");
                builder.UseSetting("Storage:Root", Path.Combine(folder.FullName, "files"));
                builder.UseSetting("Issuance:WorkerEnabled", "false");
                builder.UseSetting("Sms:Provider", "Http"); // Production refuses the development outbox; no SMS is sent here
                builder.UseSetting("Sms:Http:Url", "http://127.0.0.1:9/sms");
                builder.UseSetting("Logging:LogLevel:Default", "Warning");
            });
            factory.UseKestrel(0);
            factory.StartServer();
            var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var contexts = factory.Services.GetRequiredService<CertHubContextBuilder>();

            var setup = Stopwatch.StartNew();
            var world = await SeedAsync(contexts, seats);
            var key = await KeyAsync(contexts, world.OrganizationId);
            Console.WriteLine($"setup: plan 成绩登记中, {world.Rows.Count:N0} seats ({world.Rows.Count / 2:N0} candidates × 2 subjects, {world.Rooms} rooms) and an API key in {setup.Elapsed.TotalSeconds:F1} s");

            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
            var url = $"/api/v1/plans/{world.PlanId}/scores";
            var warm = await client.GetAsync("/api/v1/plans"); // warm-up: JIT of the pipeline, authentication, EF model
            warm.EnsureSuccessStatusCode();

            var batches = world.Rows.Chunk(batch).ToList();
            var totals = new ApiScoreSubmission(0, 0, 0, 0, []);
            using var sampler = new MemorySampler();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var requestTimes = new List<double>();
            foreach (var rows in batches)
            {
                var started = watch.Elapsed.TotalSeconds;
                var response = await client.PostAsJsonAsync(url, rows);
                var body = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode)
                {
                    Console.WriteLine($"request refused: {(int)response.StatusCode} {body}");
                    return 1;
                }

                var result = System.Text.Json.JsonSerializer.Deserialize<ApiScoreSubmission>(body, Json)!;
                totals = totals with
                {
                    Recorded = totals.Recorded + result.Recorded,
                    Changed = totals.Changed + result.Changed,
                    Unchanged = totals.Unchanged + result.Unchanged,
                    Failed = totals.Failed + result.Failed,
                };
                requestTimes.Add(watch.Elapsed.TotalSeconds - started);
            }

            watch.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var peak = sampler.Stop();
            var seconds = watch.Elapsed.TotalSeconds;
            var (stored, recording, results) = await CountAsync(contexts, world.PlanId);

            var retryWatch = Stopwatch.StartNew();
            var retry = await (await client.PostAsJsonAsync(url, batches[0])).Content.ReadFromJsonAsync<ApiScoreSubmission>(Json);
            retryWatch.Stop();

            Console.WriteLine();
            Console.WriteLine($"import {world.Rows.Count:N0} scores through POST {url} ({batches.Count} requests over HTTP, X-Api-Key): {seconds:F2} s = {world.Rows.Count / seconds:N0} rows/s   target < {TargetSeconds:F0} s   {(seconds < TargetSeconds ? "OK" : "MISSED")}");
            Console.WriteLine($"  process CPU time during the import (server + client, all threads): {cpu.TotalSeconds:F2} s — less sensitive than wall time to other jobs on the shared cores");
            Console.WriteLine($"  per request: {string.Join(", ", requestTimes.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))} s");
            Console.WriteLine($"  answered: recorded {totals.Recorded:N0}, changed {totals.Changed:N0}, unchanged {totals.Unchanged:N0}, failed {totals.Failed:N0}");
            Console.WriteLine($"  stored: {stored:N0} subject scores, {results:N0} certificate results ({recording:N0} 登记中: scores are final only when the 公示期 ends)");
            Console.WriteLine($"  peak memory (process: server + client): working set {Mb(peak.WorkingSet)} MB, managed heap {Mb(peak.Managed)} MB");
            Console.WriteLine($"retry of the first batch ({batches[0].Length:N0} rows, idempotent): {retryWatch.Elapsed.TotalSeconds:F2} s, unchanged {retry?.Unchanged:N0}, recorded {retry?.Recorded:N0}, failed {retry?.Failed:N0}");
            var ok = totals.Recorded == world.Rows.Count && totals.Failed == 0 && stored == world.Rows.Count
                && results == world.Rows.Count / 2 && retry?.Unchanged == batches[0].Length;
            return ok && seconds < TargetSeconds ? 0 : 1;
        }
        finally
        {
            if (factory is not null)
            {
                await factory.DisposeAsync();
            }

            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    private sealed record World(int OrganizationId, int PlanId, int Rooms, List<ApiScoreRow> Rows);

    /// <summary>Catalogue, an approved site, a plan in 成绩登记中 (two subjects of one level), candidates, registrations and seats.</summary>
    private static async Task<World> SeedAsync(CertHubContextBuilder contexts, int seatCount)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = contexts.Create(FixedCurrentUser.System);
        var province = Province.Create("11", "北京市", "北京市教育委员会");
        db.Add(province);
        await db.SaveChangesAsync();
        var school = PilotSchool.Create("北京科技大学", "4111010008", province.Id, SchoolType.Undergraduate);
        var organization = Organization.Create("中物联物流", "91110000100000000X");
        db.AddRange(school, organization);
        await db.SaveChangesAsync();
        var certificate = Certificate.Create("信息化应用职业技能等级证书", "1+X-XXH", organization.Id, [CertificateLevel.Junior], now.AddYears(-1));
        db.Add(certificate);
        await db.SaveChangesAsync();
        var subjects = new[]
        {
            ExamSubject.Create(organization.Id, certificate.Id, CertificateLevel.Junior, "40000001101", "初级理论知识", ExamMode.Computer, CandidateScope.All, 100, 60, 90),
            ExamSubject.Create(organization.Id, certificate.Id, CertificateLevel.Junior, "40000001102", "初级上机操作", ExamMode.Computer, CandidateScope.All, 100, 60, 120),
        };
        var site = ExamSite.Create(school, certificate, [CertificateLevel.Junior], "北京市海淀区学院路30号", 30_000, "李老师", "010-62332312", now.AddDays(-80));
        site.Submit("院校管理员", now.AddDays(-79));
        site.Approve("组织审核员", now.AddDays(-78));
        db.AddRange(subjects);
        db.Add(site);
        await db.SaveChangesAsync();

        var exam = now.AddDays(-20);
        var plan = ExamPlan.Create(organization.Id, exam.Year, "信息化考试（成绩接口性能测试）", RegistrationMode.ByCertificate,
            new ExamPlanWindows(now.AddDays(-60), now.AddDays(-40), now.AddDays(-40), now.AddDays(-30), now.AddDays(-5), now.AddDays(20), now.AddDays(20), now.AddDays(25)), now.AddDays(-70));
        plan.SetCertificate(certificate.Id, CertificateLevel.Junior, 180m);
        plan.SetSchools([school.Id]);
        plan.SetSubject(subjects[0], exam, exam.AddMinutes(90));
        plan.SetSubject(subjects[1], exam.AddHours(4), exam.AddHours(6));
        plan.Publish("组织管理员", now.AddDays(-65));
        db.Add(plan);
        await db.SaveChangesAsync();

        var candidateCount = (seatCount + 1) / 2;
        var candidates = new List<Candidate>(candidateCount);
        for (var i = 0; i < candidateCount; i++)
        {
            var id = IdFor(i);
            var details = new CandidateDetails(Name(i), null, IdType.ResidentIdCard, id);
            candidates.Add(Candidate.Create(school.Id, CandidateType.SchoolCandidate, CandidateNoGenerator.Generate(id[..6], now.Year, now, i + 1), details, now.AddDays(-70)));
        }

        var bulk = (IBulkInsert)db;
        await bulk.BulkInsertAsync(candidates);
        var registrations = candidates.Select(c => Registration.Create(plan, c, certificate.Id, CertificateLevel.Junior, null, null, now.AddDays(-50))).ToList();
        await bulk.BulkInsertAsync(registrations);

        var roomCount = (candidateCount + SeatsPerRoom - 1) / SeatsPerRoom;
        var rooms = Enumerable.Range(1, roomCount)
            .Select(r => ExamRoom.Create(plan, site, CertificateLevel.Junior, subjects, $"第{r}考场", $"逸夫楼{r}层", SeatsPerRoom, now.AddDays(-45))).ToList();
        db.AddRange(rooms);
        await db.SaveChangesAsync();

        var rows = new List<ApiScoreRow>(seatCount);
        var random = new Random(42);
        foreach (var (room, index) in rooms.Select((r, i) => (r, i)))
        {
            foreach (var subject in subjects)
            {
                var session = RoomSession.Create(plan.Id, room.Id, subject.Id, plan.SubjectTime(subject.Id)!.StartUtc, plan.SubjectTime(subject.Id)!.EndUtc, SeatsPerRoom);
                for (var seat = 1; seat <= SeatsPerRoom && (index * SeatsPerRoom) + seat - 1 < registrations.Count && rows.Count < seatCount; seat++)
                {
                    var registration = registrations[(index * SeatsPerRoom) + seat - 1];
                    var ticket = AdmissionTicketNumber.ForSubject(plan.Id, subject.Code, subject.Id, room.Id, seat);
                    session.AssignSeat(registration.Id, registration.CandidateId, school.Id, seat, ticket);
                    var roll = random.Next(100);
                    rows.Add(roll < 3
                        ? new ApiScoreRow(ticket, null, subject.Code, null, true)
                        : new ApiScoreRow(ticket, null, subject.Code, random.Next(30, 100) + (roll % 2 * 0.5m), null));
                }

                db.Add(session);
            }
        }

        await db.SaveChangesAsync();
        return new World(organization.Id, plan.Id, roomCount, rows);
    }

    /// <summary>A new API key of the organisation, created as its admin through the real key service (shown once).</summary>
    private static async Task<string> KeyAsync(CertHubContextBuilder contexts, int organizationId)
    {
        var admin = new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: organizationId, UserName: "wl", DisplayName: "中物联物流");
        var factory = new CertHubDbFactory(contexts, admin);
        var keys = new ApiKeyService(factory, admin, new AuditLogService(factory, admin, TimeProvider.System), TimeProvider.System);
        return (await keys.CreateAsync("成绩接口性能测试", default)).Key;
    }

    private static async Task<(int Scores, int Recording, int Results)> CountAsync(CertHubContextBuilder contexts, int planId)
    {
        await using var db = contexts.Create(FixedCurrentUser.System);
        var scores = await db.Set<SubjectScore>().CountAsync(s => s.ExamPlanId == planId);
        var results = await db.Set<CertificateResult>().CountAsync(r => r.ExamPlanId == planId);
        var recording = await db.Set<CertificateResult>().CountAsync(r => r.ExamPlanId == planId && r.Status == CertificateResultStatus.Recording);
        return (scores, recording, results);
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

    private static long Mb(long bytes) => bytes / (1024 * 1024);

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    private sealed record Peak(long WorkingSet, long Managed);

    /// <summary>Samples the process's working set and managed heap every 50 ms; <see cref="Stop"/> returns the peaks.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly Timer _timer;
        private long _workingSet;
        private long _managed;

        public MemorySampler()
        {
            _timer = new Timer(_ => Sample(), null, 0, 50);
        }

        public Peak Stop()
        {
            _timer.Change(Timeout.Infinite, Timeout.Infinite);
            Sample();
            return new Peak(Interlocked.Read(ref _workingSet), Interlocked.Read(ref _managed));
        }

        public void Dispose() => _timer.Dispose();

        private void Sample()
        {
            using var process = Process.GetCurrentProcess();
            InterlockedMax(ref _workingSet, process.WorkingSet64);
            InterlockedMax(ref _managed, GC.GetTotalMemory(false));
        }

        private static void InterlockedMax(ref long target, long value)
        {
            long current;
            while (value > (current = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}
