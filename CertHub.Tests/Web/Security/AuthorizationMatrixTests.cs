using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using RouteAttribute = Microsoft.AspNetCore.Components.RouteAttribute;

namespace CertHub.Tests.Web.Security;

/// <summary>
/// The authorization matrix over HTTP against the real app (Development demo data, in-memory test server, real cookie login):
/// every routable page (found by reflection over <see cref="RouteAttribute"/>) and every mapped endpoint (found through
/// <see cref="EndpointDataSource"/>) × anonymous, 平台管理员, 省级, 院校管理员, 培训评价组织 and a 二级账户 without the menu permission.
/// A route or endpoint without a row in the expectation table fails the test, so a new page cannot be left out.
/// </summary>
public sealed partial class AuthorizationMatrixTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Who is expected in: N anonymous, A admin, P province (bj-edu), S school (ustb), O organisation (wl), K sub-account (ustb-kw).</summary>
    private static readonly Dictionary<string, string> Pages = new(StringComparer.Ordinal)
    {
        ["/Account/Login"] = "NAPSOK",
        ["/Account/AccessDenied"] = "NAPSOK",
        ["/Account/ChangePassword"] = "APSOK",
        ["/Error"] = "NAPSOK",
        ["/not-found"] = "NAPSOK",
        ["/verify"] = "NAPSOK",
        ["/verify/{CertificateNo}"] = "NAPSOK",
        ["/sign/{Token}"] = "NAPSOK",
        ["/"] = "APSOK",
        ["/account/profile"] = "APSOK",
        ["/orgs"] = "APSOK",
        ["/orgs/{Id:int}"] = "APSOK",
        ["/schools"] = "APSK",
        ["/schools/{Id:int}"] = "APSK",
        ["/schools/{Id:int}/edit"] = "APSK",
        ["/standards/skills"] = "APSOK",
        ["/standards/sites"] = "APSOK",
        ["/certificates"] = "APSOK",
        ["/issuance"] = "SO",
        ["/applications"] = "S",
        ["/applications/new"] = "S",
        ["/applications/{Id:int}"] = "APS",
        ["/applications/{Id:int}/edit"] = "S",
        ["/applications/review"] = "P",
        ["/application-plans"] = "P",
        ["/exams/subjects"] = "SO",
        ["/exams/plans"] = "SO",
        ["/exams/candidates"] = "SK",
        ["/exams/sites"] = "SOK",
        ["/exams/site-allocations"] = "SO",
        ["/exams/rooms"] = "SO",
        ["/exams/registrations"] = "SOK",
        ["/exams/payments"] = "SO",
        ["/exams/scheduling/sites"] = "SO",
        ["/exams/scheduling/rooms"] = "SO",
        ["/exams/scheduling/details"] = "SO",
        ["/exams/scores"] = "SO",
        ["/exams/results"] = "SO",
        ["/exams/invigilators"] = "SO",
        ["/checkin"] = "SO",
        ["/checkin/rooms/{RoomSessionId:int}"] = "SO",
        ["/checkin/overview"] = "SO",
        ["/reports/weekly"] = "APS",
        ["/reports/weekly/new"] = "S",
        ["/reports/weekly/{Id:int}/edit"] = "S",
        ["/statistics/pass-rate"] = "APSO",
        ["/dashboard"] = "PSO",
        ["/imports"] = "SOK",
        ["/system/users"] = "ASO",
        ["/system/roles"] = "SO",
        ["/system/audit"] = "APSO",
        ["/system/api-keys"] = "O",
        ["/system/sms-outbox"] = "A",
        ["/admin/accounts"] = "A",
        ["/admin/certificates"] = "A",
        ["/admin/organizations"] = "A",
        ["/admin/provinces"] = "A",
        ["/admin/schools"] = "A",
        ["/admin/standards"] = "A",
    };

    /// <summary>Endpoints outside the pages: method and pattern → who is let through (X: only an organisation's API key).</summary>
    private static readonly Dictionary<string, string> Endpoints = new(StringComparer.Ordinal)
    {
        ["GET /healthz"] = "NAPSOK",
        ["GET /{**path:file}"] = "NAPSOK",
        ["HEAD /{**path:file}"] = "NAPSOK",
        ["GET /api/v1/{*path:nonfile}"] = "X",
        ["GET /openapi/{documentName}.json"] = "NAPSOK",
        ["POST /Account/Logout"] = "NAPSOK", // signing out needs no sign-in; the form post is antiforgery-checked
        ["GET /files/seals/{schoolId:int}"] = "APSOK",
        ["GET /files/signatures/{**path}"] = "APSOK",
        ["GET /files/photos/{candidateId:int}"] = "SK",
        ["GET /files/imports/{recordId:int}"] = "APSOK",
        ["GET /files/reports/{id:int}/scan"] = "APSK",
        ["GET /files/templates/candidates"] = "SK",
        ["GET /files/templates/invigilators"] = "SK",
        ["GET /files/templates/exam-rooms"] = "SK",
        ["GET /files/templates/registrations/by-certificate"] = "SK",
        ["GET /files/templates/registrations/by-subject"] = "SK",
        ["GET /files/templates/scores"] = "O",
        ["GET /api/v1/plans"] = "X",
        ["GET /api/v1/plans/{planId:int}/registrations"] = "X",
        ["GET /api/v1/plans/{planId:int}/schedule"] = "X",
        ["POST /api/v1/plans/{planId:int}/scores"] = "X",
        ["GET /api/v1/plans/{planId:int}/results"] = "X",
        ["GET /api/v1/issuance"] = "X",
    };

    private static readonly (char Persona, string? User)[] Personas =
        [('N', null), ('A', "admin"), ('P', "bj-edu"), ('S', "ustb"), ('O', "wl"), ('K', "ustb-kw")];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "certhub-authz-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program> _factory = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:CertHub", $"Data Source={Path.Combine(_root, "authz.db")}");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Storage:Root", Path.Combine(_root, "files"));
            builder.UseSetting("Issuance:WorkerEnabled", "false");
            builder.UseSetting("Security:LoginAttemptsPerMinute", "1000");
            builder.UseSetting("Security:VerifyRequestsPerMinute", "1000");
        });
        using var client = _factory.CreateClient();
        await client.GetAsync("/healthz");
    }

    [Fact]
    public void EveryPageAndEndpoint_Should_HaveAnExpectation()
    {
        var missingPages = PageRoutes().Select(r => r.Template).Where(t => !Pages.ContainsKey(t)).ToList();
        var missingEndpoints = EndpointKeys().Where(k => !Endpoints.ContainsKey(k)).ToList();
        var stale = Pages.Keys.Except(PageRoutes().Select(r => r.Template)).Concat(Endpoints.Keys.Except(EndpointKeys())).ToList();

        Assert.True(missingPages.Count == 0, "pages without an expectation: " + string.Join(", ", missingPages));
        Assert.True(missingEndpoints.Count == 0, "endpoints without an expectation: " + string.Join(", ", missingEndpoints));
        Assert.True(stale.Count == 0, "expectations of routes that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public void EveryPage_Should_DeclareAnAuthorizationAttribute()
    {
        var open = PageRoutes().Where(r => !r.HasAuthorize && !r.AllowsAnonymous && Pages[r.Template].Contains('N', StringComparison.Ordinal) is false)
            .Select(r => r.Template).ToList();

        Assert.True(open.Count == 0, "pages that need a sign-in but carry no [Authorize]: " + string.Join(", ", open));
    }

    [Fact]
    public async Task EveryPage_Should_LetInExactlyTheExpectedRoles()
    {
        var ids = await SampleIdsAsync();
        var mismatches = new List<string>();
        foreach (var (persona, user) in Personas)
        {
            using var client = await ClientAsync(user);
            foreach (var route in PageRoutes().Select(r => r.Template).Distinct())
            {
                var url = Concrete(route, ids);
                var allowed = await IsAllowedAsync(client, HttpMethod.Get, url);
                var expected = Pages[route].Contains(persona, StringComparison.Ordinal);
                if (allowed != expected)
                {
                    mismatches.Add($"{persona} {url}: expected {(expected ? "allowed" : "forbidden")}, got {(allowed ? "allowed" : "forbidden")}");
                }
            }
        }

        output.WriteLine($"{PageRoutes().Select(r => r.Template).Distinct().Count()} pages × {Personas.Length} personas checked");
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public async Task EveryEndpoint_Should_LetInExactlyTheExpectedCallers()
    {
        var ids = await SampleIdsAsync();
        var mismatches = new List<string>();
        foreach (var (persona, user) in Personas.Append(('X', null)))
        {
            using var client = await ClientAsync(user);
            if (persona == 'X')
            {
                client.DefaultRequestHeaders.Add("X-Api-Key", "demo-wl-key");
            }

            foreach (var key in EndpointKeys())
            {
                var (method, pattern) = (key.Split(' ')[0], key.Split(' ')[1]);
                var url = Concrete(pattern, ids);
                var allowed = await IsAllowedAsync(client, new HttpMethod(method), url);
                var expected = Endpoints[key].Contains(persona, StringComparison.Ordinal) || Endpoints[key].Contains('N', StringComparison.Ordinal);
                if (allowed != expected)
                {
                    mismatches.Add($"{persona} {method} {url}: expected {(expected ? "allowed" : "forbidden")}, got {(allowed ? "allowed" : "forbidden")}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public async Task AnotherSchoolsRecords_Should_NeverBeShown_ByIdInTheUrl()
    {
        var ids = await SampleIdsAsync();
        using var ustb = await ClientAsync("ustb");

        foreach (var url in new[] { $"/schools/{ids.OtherSchoolId}", $"/schools/{ids.OtherSchoolId}/edit", $"/files/seals/{ids.OtherSchoolId}" })
        {
            var response = await ustb.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(ids.OtherSchoolName, body);
            Assert.DoesNotContain(ids.OtherSchoolCode, body);
        }

        if (ids.OtherApplicationId is int application)
        {
            foreach (var url in new[] { $"/applications/{application}", $"/applications/{application}/edit" })
            {
                var body = await (await ustb.GetAsync(url)).Content.ReadAsStringAsync();
                Assert.DoesNotContain(ids.OtherSchoolName, body);
            }
        }

        if (ids.OtherReportId is int report)
        {
            var edit = await (await ustb.GetAsync($"/reports/weekly/{report}/edit")).Content.ReadAsStringAsync();
            Assert.DoesNotContain(ids.OtherSchoolName, edit);
            var scan = await ustb.GetAsync($"/files/reports/{report}/scan");
            Assert.Equal(HttpStatusCode.NotFound, scan.StatusCode);
        }
    }

    /// <summary>Allowed: answered (2xx, or 400/404/405/422 of a request that got past authorization); forbidden: sent to login or 无权访问, 401/403.</summary>
    private static async Task<bool> IsAllowedAsync(HttpClient client, HttpMethod method, string url)
    {
        using var request = new HttpRequestMessage(method, url);
        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent("[]", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        if (status is 401 or 403 or 429)
        {
            return false;
        }

        if (status is >= 300 and < 400)
        {
            var location = response.Headers.Location?.ToString() ?? "";
            return !location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase)
                && !location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase);
        }

        if (status >= 500)
        {
            throw new InvalidOperationException($"{method} {url} failed with {status}");
        }

        // 无权访问 is what the access-denied page itself shows.
        var body = await response.Content.ReadAsStringAsync();
        return url == "/Account/AccessDenied" || !body.Contains("data-testid=\"access-denied\"", StringComparison.Ordinal);
    }

    private async Task<HttpClient> ClientAsync(string? user)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (user is null)
        {
            return client;
        }

        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = user,
            ["Input.Password"] = "Demo@12345",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "login",
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{user} could not sign in: {response.StatusCode}");
        Assert.DoesNotContain("/Account/Login", response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
        return client;
    }

    private sealed record PageRoute(string Template, bool HasAuthorize, bool AllowsAnonymous);

    private static IReadOnlyList<PageRoute> PageRoutes() =>
        [.. typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(Microsoft.AspNetCore.Components.IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => new PageRoute(r.Template,
                t.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Any(), t.GetCustomAttributes<AllowAnonymousAttribute>(inherit: true).Any())))];

    /// <summary>"METHOD /pattern" of every endpoint that is not a page, a static file or Blazor's own plumbing.</summary>
    private IReadOnlyList<string> EndpointKeys() =>
        [.. _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is null)
            .Where(e => !e.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal)))
            .Select(e => (Pattern: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
            .Where(e => !e.Pattern.StartsWith("/_", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(m => $"{m} {e.Pattern}"))
            .Distinct()];

    private sealed record SampleIds(int OwnSchoolId, int OtherSchoolId, string OtherSchoolName, string OtherSchoolCode, int OrgId, int? OtherApplicationId, int? OtherReportId, int? OwnReportId, int? OwnApplicationId);

    private async Task<SampleIds> SampleIdsAsync()
    {
        await using var db = _factory.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        var ustb = await db.Set<PilotSchool>().SingleAsync(s => s.Code == "4111010008");
        var ncut = await db.Set<PilotSchool>().SingleAsync(s => s.Code == "4111010009");
        var org = await db.Set<Organization>().Select(o => o.Id).FirstAsync();
        var applications = db.Set<CertHub.Core.Applications.PilotApplication>();
        var reports = db.Set<CertHub.Core.Reports.WeeklyReport>();
        return new SampleIds(ustb.Id, ncut.Id, ncut.Name, ncut.Code, org,
            await applications.Where(a => a.SchoolId == ncut.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(),
            await reports.Where(r => r.SchoolId == ncut.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(),
            await reports.Where(r => r.SchoolId == ustb.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(),
            await applications.Where(a => a.SchoolId == ustb.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync());
    }

    /// <summary>A URL for the template: the own school's ids where the page is about one record, placeholders elsewhere.</summary>
    private static string Concrete(string template, SampleIds ids) => template
        .Replace("{Id:int}", (template.StartsWith("/schools", StringComparison.Ordinal) ? ids.OwnSchoolId
            : template.StartsWith("/orgs", StringComparison.Ordinal) ? ids.OrgId
            : template.StartsWith("/reports", StringComparison.Ordinal) ? ids.OwnReportId ?? 1
            : ids.OwnApplicationId ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{schoolId:int}", ids.OwnSchoolId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{id:int}", (ids.OwnReportId ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{planId:int}", "1", StringComparison.Ordinal)
        .Replace("{RoomSessionId:int}", "1", StringComparison.Ordinal)
        .Replace("{candidateId:int}", "1", StringComparison.Ordinal)
        .Replace("{recordId:int}", "1", StringComparison.Ordinal)
        .Replace("{documentName}", "v1", StringComparison.Ordinal)
        .Replace("{**path}", "none.png", StringComparison.Ordinal)
        .Replace("{**path:file}", "app.css", StringComparison.Ordinal)
        .Replace("{*path:nonfile}", "unknown", StringComparison.Ordinal)
        .Replace("{CertificateNo}", "UNKNOWN000001", StringComparison.Ordinal)
        .Replace("{Token}", "unknown-token", StringComparison.Ordinal);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
