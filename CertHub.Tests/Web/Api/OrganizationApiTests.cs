using System.Net;
using System.Text;
using System.Text.Json;
using CertHub.Core.Api;
using CertHub.Core.Audit;
using CertHub.Core.Scores;
using CertHub.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertHub.Tests.Web.Api;

/// <summary>
/// 组织接口 /api/v1 over HTTP (in-memory test server, real app with the demo data): authentication by X-Api-Key, tenancy
/// between organisations, paging, problem details for bad requests (and nothing written), idempotent score submission,
/// rate limiting and the OpenAPI document. 中物联物流 (demo-wl-key) owns the 健康管理 plan in 成绩登记; 达内教育 (demo-tedu-key) the JAVA plans.
/// </summary>
public sealed class OrganizationApiTests(OrganizationApiHost host) : IClassFixture<OrganizationApiHost>
{
    private const string WlCreditCode = "91110000MA01WL001X";

    [Fact]
    public async Task Request_Should_Answer401ProblemDetails_When_KeyMissing()
    {
        using var client = host.Client(null);

        var response = await client.GetAsync("/api/v1/plans");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "缺少API密钥");
    }

    [Fact]
    public async Task Request_Should_Answer401_When_KeyUnknown()
    {
        using var client = host.Client("chk_not-a-real-key-at-all");

        var response = await client.GetAsync("/api/v1/plans");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "API密钥无效或已吊销");
    }

    [Fact]
    public async Task Request_Should_Answer401_When_KeyRevoked()
    {
        var keys = host.KeysFor(await host.OrganizationIdAsync(WlCreditCode));
        var created = await keys.CreateAsync("阅卷系统", default);
        using var client = host.Client(created.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/plans")).StatusCode);

        await keys.RevokeAsync(created.Id, default);

        await AssertProblemAsync(await client.GetAsync("/api/v1/plans"), HttpStatusCode.Unauthorized, "API密钥无效或已吊销");
    }

    [Fact]
    public async Task CreatedKey_Should_BeStoredOnlyAsItsHash()
    {
        var organizationId = await host.OrganizationIdAsync(WlCreditCode);
        var created = await host.KeysFor(organizationId).CreateAsync("考务系统", default);

        await using var db = host.OpenAsSystem();
        var stored = await db.Set<ApiKey>().SingleAsync(k => k.Id == created.Id);
        Assert.StartsWith(ApiKeySecret.Prefix, created.Key);
        Assert.Equal(ApiKey.HashOf(created.Key), stored.KeyHash);
        Assert.DoesNotContain(created.Key, stored.KeyHash + stored.Prefix + stored.Name, StringComparison.Ordinal);
        Assert.StartsWith(stored.Prefix, created.Key, StringComparison.Ordinal);
        Assert.True(await db.Set<ApiKey>().AnyAsync(k => k.KeyHash == ApiKey.HashOf(OrganizationApiHost.WlKey)));
        Assert.DoesNotContain(await host.KeysFor(organizationId).ListAsync(default), k => k.Prefix == created.Key);
    }

    [Fact]
    public async Task Plans_Should_ListOnlyTheKeysOrganisationsPlans()
    {
        var wl = await PlansAsync(OrganizationApiHost.WlKey);
        var tedu = await PlansAsync(OrganizationApiHost.TeduKey);

        Assert.NotEmpty(wl);
        Assert.NotEmpty(tedu);
        Assert.Empty(wl.Select(p => p.GetProperty("id").GetInt32()).Intersect(tedu.Select(p => p.GetProperty("id").GetInt32())));
        Assert.Contains(wl, p => p.GetProperty("stage").GetString() == "ScoreEntry");
    }

    [Theory]
    [InlineData("registrations")]
    [InlineData("schedule")]
    [InlineData("results")]
    public async Task PlanReads_Should_Answer404_When_PlanBelongsToAnotherOrganisation(string resource)
    {
        var teduPlan = (await PlansAsync(OrganizationApiHost.TeduKey))[0].GetProperty("id").GetInt32();
        using var wl = host.Client(OrganizationApiHost.WlKey);

        var response = await wl.GetAsync($"/api/v1/plans/{teduPlan}/{resource}");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "考试计划不存在或不属于本机构");
    }

    [Fact]
    public async Task ScoresAndIssuance_Should_Answer404AndWriteNothing_When_PlanBelongsToAnotherOrganisation()
    {
        var teduPlan = (await PlansAsync(OrganizationApiHost.TeduKey))[0].GetProperty("id").GetInt32();
        using var wl = host.Client(OrganizationApiHost.WlKey);
        var before = await CountsAsync();

        var scores = await wl.PostAsync($"/api/v1/plans/{teduPlan}/scores", Json("""[{"ticketNo":"x","subjectCode":"y","score":50}]"""));
        var issuance = await wl.GetAsync($"/api/v1/issuance?planId={teduPlan}");

        await AssertProblemAsync(scores, HttpStatusCode.NotFound, "考试计划不存在或不属于本机构");
        await AssertProblemAsync(issuance, HttpStatusCode.NotFound, "考试计划不存在或不属于本机构");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Registrations_Should_PageWithoutOverlapAndMaskIdNumbers()
    {
        var plan = await ScoreEntryPlanAsync();
        using var client = host.Client(OrganizationApiHost.WlKey);

        var first = await GetJsonAsync(client, $"/api/v1/plans/{plan}/registrations?page=1&pageSize=3");
        var second = await GetJsonAsync(client, $"/api/v1/plans/{plan}/registrations?page=2&pageSize=3");
        var all = await GetJsonAsync(client, $"/api/v1/plans/{plan}/registrations?pageSize=500");

        var total = all.GetProperty("totalCount").GetInt32();
        Assert.True(total > 6);
        Assert.Equal(total, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(3, first.GetProperty("items").GetArrayLength());
        Assert.Equal(3, second.GetProperty("pageSize").GetInt32());
        var ids = Ids(first).Concat(Ids(second)).ToList();
        Assert.Equal(6, ids.Distinct().Count());
        Assert.Equal(Ids(all).Take(6), ids);
        Assert.All(all.GetProperty("items").EnumerateArray(), r => Assert.Contains("*****", r.GetProperty("idNumberMasked").GetString()));
        Assert.DoesNotContain("\"idNumber\"", all.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pageSize=501", "pageSize 应在1到500之间")]
    [InlineData("pageSize=0", "pageSize 应在1到500之间")]
    [InlineData("page=0", "page 必须大于等于1")]
    public async Task Registrations_Should_Answer400_When_PagingOutOfRange(string query, string message)
    {
        var plan = await ScoreEntryPlanAsync();
        using var client = host.Client(OrganizationApiHost.WlKey);

        await AssertProblemAsync(await client.GetAsync($"/api/v1/plans/{plan}/registrations?{query}"), HttpStatusCode.BadRequest, message);
    }

    [Fact]
    public async Task Registrations_Should_Filter_BySubjectSiteAndUpdatedSince()
    {
        var plan = await ScoreEntryPlanAsync();
        using var client = host.Client(OrganizationApiHost.WlKey);
        var session = (await GetJsonAsync(client, $"/api/v1/plans/{plan}/schedule")).GetProperty("items")[0];
        var site = session.GetProperty("siteId").GetInt32();
        var subject = session.GetProperty("subjectId").GetInt32();

        var all = (await GetJsonAsync(client, $"/api/v1/plans/{plan}/registrations?pageSize=500")).GetProperty("totalCount").GetInt32();
        var bySite = await GetJsonAsync(client, $"/api/v1/plans/{plan}/registrations?pageSize=500&siteId={site}");
        var bySubject = await GetJsonAsync(client, $"/api/v1/plans/{plan}/registrations?pageSize=500&subjectId={subject}");
        var future = await GetJsonAsync(client, $"/api/v1/plans/{plan}/registrations?updatedSince={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}");

        Assert.InRange(bySite.GetProperty("totalCount").GetInt32(), 1, all);
        Assert.InRange(bySubject.GetProperty("totalCount").GetInt32(), 1, all);
        Assert.Contains(session.GetProperty("seats")[0].GetProperty("registrationId").GetInt32(), Ids(bySite));
        Assert.Equal(0, future.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Schedule_Should_ListSessionsWithRoomSiteAndSeats()
    {
        var plan = await ScoreEntryPlanAsync();
        using var client = host.Client(OrganizationApiHost.WlKey);

        var schedule = await GetJsonAsync(client, $"/api/v1/plans/{plan}/schedule");

        var session = schedule.GetProperty("items")[0];
        Assert.False(string.IsNullOrEmpty(session.GetProperty("roomName").GetString()));
        Assert.False(string.IsNullOrEmpty(session.GetProperty("siteName").GetString()));
        Assert.True(session.GetProperty("startUtc").GetDateTimeOffset() < session.GetProperty("endUtc").GetDateTimeOffset());
        var seat = session.GetProperty("seats")[0];
        Assert.True(seat.GetProperty("seatNo").GetInt32() >= 1);
        Assert.False(string.IsNullOrEmpty(seat.GetProperty("ticketNo").GetString()));
        Assert.False(string.IsNullOrEmpty(seat.GetProperty("candidateNo").GetString()));
        Assert.False(string.IsNullOrEmpty(seat.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Scores_Should_RecordOnceAndReportUnchanged_When_Retried()
    {
        var (plan, ticket, candidateNo, subjectCode) = await SeatAsync(0);
        using var client = host.Client(OrganizationApiHost.WlKey);
        var body = $$"""[{"ticketNo":"{{ticket}}","subjectCode":"{{subjectCode}}","score":87.5},{"candidateNo":"{{candidateNo}}","subjectCode":"NOPE","score":50}]""";

        var first = await PostJsonAsync(client, $"/api/v1/plans/{plan}/scores", body);
        var rowsAfterFirst = await CountsAsync();
        var retry = await PostJsonAsync(client, $"/api/v1/plans/{plan}/scores", body);

        var firstRow = first.GetProperty("rows")[0].GetProperty("status").GetString();
        Assert.Contains(firstRow, new[] { "recorded", "changed" });
        Assert.Equal("failed", first.GetProperty("rows")[1].GetProperty("status").GetString());
        Assert.Contains("考生编号不存在", first.GetProperty("rows")[1].GetProperty("error").GetString());
        Assert.Equal("unchanged", retry.GetProperty("rows")[0].GetProperty("status").GetString());
        Assert.Equal(1, retry.GetProperty("unchanged").GetInt32());
        var after = await CountsAsync();
        Assert.Equal(rowsAfterFirst.Scores, after.Scores);
        Assert.Equal(rowsAfterFirst.Corrections, after.Corrections);
        Assert.Equal(rowsAfterFirst.Audits + 1, after.Audits);
        await using var db = host.OpenAsSystem();
        var saved = await db.Set<SubjectScore>().Where(s => s.ExamPlanId == plan).ToListAsync();
        Assert.Contains(saved, s => s.Score == 87.5m);
    }

    [Fact]
    public async Task Scores_Should_MatchTheSeatByCandidateNo_And_RefuseOutOfRangeScores()
    {
        var (plan, _, candidateNo, subjectCode) = await SeatAsync(1);
        using var client = host.Client(OrganizationApiHost.WlKey);

        var result = await PostJsonAsync(client, $"/api/v1/plans/{plan}/scores",
            $$"""[{"candidateNo":"{{candidateNo}}","subjectCode":"{{subjectCode}}","absent":true},{"candidateNo":"{{candidateNo}}","subjectCode":"{{subjectCode}}","score":1000}]""");

        Assert.Contains(result.GetProperty("rows")[0].GetProperty("status").GetString(), new[] { "recorded", "changed", "unchanged" });
        Assert.Equal("failed", result.GetProperty("rows")[1].GetProperty("status").GetString());
        Assert.Equal(1, result.GetProperty("failed").GetInt32());
    }

    [Theory]
    [InlineData("[{\"ticketNo\":\"1\",", "请求体不是有效的JSON")]
    [InlineData("[{\"ticketNo\":\"1\",\"subjectCode\":\"A\",\"score\":\"abc\"}]", "字段类型不正确")]
    [InlineData("[{\"ticketNo\":\"1\",\"subjectCode\":\"A\",\"absent\":\"yes\"}]", "字段类型不正确")]
    [InlineData("{\"ticketNo\":\"1\"}", "请求体不是有效的JSON")]
    [InlineData("[]", "非空的成绩数组")]
    public async Task Scores_Should_Answer400AndWriteNothing_When_BodyMalformed(string body, string message)
    {
        var plan = await ScoreEntryPlanAsync();
        using var client = host.Client(OrganizationApiHost.WlKey);
        var before = await CountsAsync();

        var response = await client.PostAsync($"/api/v1/plans/{plan}/scores", Json(body));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, message);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Scores_Should_Answer400AndWriteNothing_When_BodyTooLarge()
    {
        var (plan, ticket, _, subjectCode) = await SeatAsync(0);
        using var client = host.Client(OrganizationApiHost.WlKey);
        var row = $$"""{"ticketNo":"{{ticket}}","subjectCode":"{{subjectCode}}","score":12}""";
        var body = "[" + string.Join(",", Enumerable.Repeat(row, (OrganizationApiHost.MaxBodyBytes / row.Length) + 10)) + "]";
        var before = await CountsAsync();

        var response = await client.PostAsync($"/api/v1/plans/{plan}/scores", Json(body));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "请求体过大");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Results_And_Issuance_Should_AnswerTheOrganisationsOwnRecords()
    {
        using var client = host.Client(OrganizationApiHost.WlKey);
        var plans = await PlansAsync(OrganizationApiHost.WlKey);
        var ended = plans.First(p => p.GetProperty("stage").GetString() == "Ended").GetProperty("id").GetInt32();

        var results = await GetJsonAsync(client, $"/api/v1/plans/{ended}/results?pageSize=5");
        var issuance = await GetJsonAsync(client, "/api/v1/issuance?pageSize=500");

        Assert.True(results.GetProperty("totalCount").GetInt32() > 0);
        Assert.NotEmpty(results.GetProperty("items")[0].GetProperty("scores").EnumerateArray());
        var wlPlans = plans.Select(p => p.GetProperty("id").GetInt32()).ToHashSet();
        Assert.True(issuance.GetProperty("totalCount").GetInt32() > 0);
        Assert.All(issuance.GetProperty("items").EnumerateArray(), r =>
        {
            Assert.Contains(r.GetProperty("examPlanId").GetInt32(), wlPlans);
            Assert.Contains("*****", r.GetProperty("idNumberMasked").GetString());
        });
    }

    [Fact]
    public async Task Requests_Should_Answer429_When_KeyExceedsItsRateLimit()
    {
        var created = await host.KeysFor(await host.OrganizationIdAsync(WlCreditCode)).CreateAsync("限流测试", default);
        using var client = host.Client(created.Key);
        using var other = host.Client(OrganizationApiHost.TeduKey);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= OrganizationApiHost.RequestsPerMinute; i++)
        {
            statuses.Add((await client.GetAsync("/api/v1/plans")).StatusCode);
        }

        var limited = await client.GetAsync("/api/v1/plans");
        Assert.All(statuses.Take(OrganizationApiHost.RequestsPerMinute), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.True(limited.Headers.Contains("Retry-After"));
        await AssertProblemAsync(limited, HttpStatusCode.TooManyRequests, "请求过于频繁");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/plans")).StatusCode);
    }

    [Fact]
    public async Task DemoSeed_Should_CreateEachDemoKeyOnce_ForItsOrganisation()
    {
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var seeder = scope.ServiceProvider.GetServices<IDemoSeeder>().OfType<ApiKeyDemoSeeder>().Single();
            await seeder.SeedAsync(default);
            await seeder.SeedAsync(default);
        }

        await using var db = host.OpenAsSystem();
        var wl = await db.Set<ApiKey>().Where(k => k.KeyHash == ApiKey.HashOf(OrganizationApiHost.WlKey)).ToListAsync();
        var tedu = await db.Set<ApiKey>().Where(k => k.KeyHash == ApiKey.HashOf(OrganizationApiHost.TeduKey)).ToListAsync();
        Assert.Equal(await host.OrganizationIdAsync(WlCreditCode), Assert.Single(wl).OrganizationId);
        Assert.Equal(await host.OrganizationIdAsync("91110108MA01TD002K"), Assert.Single(tedu).OrganizationId);
    }

    [Fact]
    public async Task UnknownRoute_Should_Answer404ProblemDetails()
    {
        using var client = host.Client(OrganizationApiHost.TeduKey);

        await AssertProblemAsync(await client.GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound, "接口不存在");
    }

    [Fact]
    public async Task OpenApi_Should_DescribeTheEndpointsAndTheApiKeyScheme()
    {
        using var client = host.Client(null);

        var document = await GetJsonAsync(client, "/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/plans/{planId}/scores", out _));
        Assert.True(paths.TryGetProperty("/api/v1/issuance", out _));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static IEnumerable<int> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32());

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(message, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<JsonElement> PostJsonAsync(HttpClient client, string url, string body)
    {
        var response = await client.PostAsync(url, Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<List<JsonElement>> PlansAsync(string key)
    {
        using var client = host.Client(key);
        return [.. (await GetJsonAsync(client, "/api/v1/plans")).EnumerateArray()];
    }

    private async Task<int> ScoreEntryPlanAsync() =>
        (await PlansAsync(OrganizationApiHost.WlKey)).First(p => p.GetProperty("stage").GetString() == "ScoreEntry").GetProperty("id").GetInt32();

    /// <summary>A seat of the wl plan in 成绩登记 (a different one per test, by index, so tests do not share a score).</summary>
    private async Task<(int Plan, string Ticket, string CandidateNo, string SubjectCode)> SeatAsync(int index)
    {
        var plan = await ScoreEntryPlanAsync();
        using var client = host.Client(OrganizationApiHost.WlKey);
        var sessions = (await GetJsonAsync(client, $"/api/v1/plans/{plan}/schedule")).GetProperty("items").EnumerateArray().ToList();
        var session = sessions[index % sessions.Count];
        var seat = session.GetProperty("seats")[index / sessions.Count];
        return (plan, seat.GetProperty("ticketNo").GetString()!, seat.GetProperty("candidateNo").GetString()!, session.GetProperty("subjectCode").GetString()!);
    }

    private async Task<(int Scores, int Corrections, int Audits)> CountsAsync()
    {
        await using var db = host.OpenAsSystem();
        return (await db.Set<SubjectScore>().CountAsync(), await db.Set<ScoreCorrection>().CountAsync(),
            await db.Set<AuditEntry>().CountAsync(a => a.Action == "接口提交成绩"));
    }
}
