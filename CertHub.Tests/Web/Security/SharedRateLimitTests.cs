using System.Net;
using System.Threading.RateLimiting;
using CertHub.Tests.Web.ScaleOut;
using CertHub.Web.Security;
using CertHub.Web.Startup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace CertHub.Tests.Web.Security;

/// <summary>
/// 登录, 证书查验 and organisation-API rate limits with several instances: with <c>Redis:Configuration</c> two app hosts share one
/// counter per client (the limit holds across both, not once per instance); without Redis, or with Redis unreachable, each
/// instance still limits in process.
/// </summary>
public sealed class SharedRateLimitTests : IAsyncLifetime
{
    private const int Limit = 3;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "certhub-ratelimit-" + Guid.NewGuid().ToString("N"));
    private readonly string _prefix = "certhub-test-" + Guid.NewGuid().ToString("N");
    private readonly List<WebApplicationFactory<Program>> _hosts = [];

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The SQLite file may still be held for a moment; the temp folder is cleaned by the OS.
        }
    }

    [RedisFact]
    public async Task LoginLimit_Should_HoldAcrossTwoInstances_When_RedisIsShared()
    {
        var (a, b) = await TwoInstancesAsync(RedisFactAttribute.Configuration);

        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { a, b, a, b, a })
        {
            statuses.Add((await client.PostAsync("/Account/Login", LoginForm())).StatusCode);
        }

        Assert.All(statuses.Take(Limit), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.All(statuses.Skip(Limit), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        var refused = await b.PostAsync("/Account/Login", LoginForm());
        Assert.Contains(RequestRateLimits.LoginMessage, await refused.Content.ReadAsStringAsync());
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }

    [RedisFact]
    public async Task VerifyLimit_Should_HoldAcrossTwoInstances_When_RedisIsShared()
    {
        var (a, b) = await TwoInstancesAsync(RedisFactAttribute.Configuration);

        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { b, a, b, a })
        {
            statuses.Add((await client.GetAsync("/verify/UNKNOWN000001")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains(RequestRateLimits.VerifyMessage, await (await b.GetAsync("/verify/UNKNOWN000001")).Content.ReadAsStringAsync());
    }

    [RedisFact]
    public async Task ApiLimit_Should_HoldAcrossTwoInstances_PerKey_When_RedisIsShared()
    {
        var (a, b) = await TwoInstancesAsync(RedisFactAttribute.Configuration);
        var key = "unknown-key-" + Guid.NewGuid().ToString("N");

        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { a, b, a, b })
        {
            statuses.Add((await Api(client, key)).StatusCode);
        }

        Assert.All(statuses.Take(Limit), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api(a, "another-key-" + Guid.NewGuid().ToString("N"))).StatusCode);
    }

    [Fact]
    public async Task Limits_Should_CountPerInstance_When_RedisIsNotConfigured()
    {
        var (a, b) = await TwoInstancesAsync(redis: null);

        var onA = new List<HttpStatusCode>();
        for (var i = 0; i < Limit; i++)
        {
            onA.Add((await a.GetAsync("/verify/UNKNOWN000001")).StatusCode);
        }

        Assert.All(onA, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await a.GetAsync("/verify/UNKNOWN000001")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/verify/UNKNOWN000001")).StatusCode);
        Assert.False(_hosts[0].Services.GetRequiredService<SharedRateLimits>().IsShared);
    }

    [RedisFact]
    public async Task RedisLimiter_Should_ShareOneWindow_AcrossConnections_AndOpenANewWindowAfterIt()
    {
        await using var first = await ConnectionMultiplexer.ConnectAsync(RedisFactAttribute.Configuration!);
        await using var second = await ConnectionMultiplexer.ConnectAsync(RedisFactAttribute.Configuration!);
        var key = _prefix + ":window";
        using var one = new RedisFixedWindowRateLimiter(first, key, 2, TimeSpan.FromMilliseconds(700), NullLogger.Instance);
        using var two = new RedisFixedWindowRateLimiter(second, key, 2, TimeSpan.FromMilliseconds(700), NullLogger.Instance);

        using var l1 = one.AttemptAcquire();
        using var l2 = await two.AcquireAsync();
        using var l3 = one.AttemptAcquire();
        using var l4 = await two.AcquireAsync();

        Assert.True(l1.IsAcquired);
        Assert.True(l2.IsAcquired);
        Assert.False(l3.IsAcquired);
        Assert.False(l4.IsAcquired);
        Assert.True(l4.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(700));
        await Task.Delay(TimeSpan.FromMilliseconds(900));
        using var next = await one.AcquireAsync();
        Assert.True(next.IsAcquired);
    }

    [Fact]
    public async Task RedisLimiter_Should_FallBackToCountingInProcess_When_RedisIsUnreachable()
    {
        var options = ScaleOutSetup.Options("127.0.0.1:1,connectTimeout=200,syncTimeout=200,asyncTimeout=200");
        await using var unreachable = await ConnectionMultiplexer.ConnectAsync(options);
        using var limiter = new RedisFixedWindowRateLimiter(unreachable, _prefix + ":down", 2, TimeSpan.FromMinutes(1), NullLogger.Instance);

        var leases = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            using var lease = i % 2 == 0 ? limiter.AttemptAcquire() : await limiter.AcquireAsync();
            leases.Add(lease.IsAcquired);
        }

        Assert.Equal([true, true, false], leases);
    }

    private async Task<(HttpClient A, HttpClient B)> TwoInstancesAsync(string? redis)
    {
        var a = Host(redis);
        var clientA = a.CreateClient();
        await clientA.GetAsync("/healthz"); // A migrates the shared database before B starts
        var clientB = Host(redis).CreateClient();
        await clientB.GetAsync("/healthz");
        return (clientA, clientB);
    }

    private WebApplicationFactory<Program> Host(string? redis)
    {
        var host = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:CertHub", $"Data Source={Path.Combine(_root, "shared.db")}");
            builder.UseSetting("Storage:Root", Path.Combine(_root, "files"));
            builder.UseSetting("Issuance:WorkerEnabled", "false");
            builder.UseSetting("Security:LoginAttemptsPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Security:VerifyRequestsPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Api:RequestsPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Sms:Provider", "Http"); // Production refuses the development outbox (SmsSetupTests)
            builder.UseSetting("Sms:Http:Url", "http://127.0.0.1:9/sms");
            if (redis is not null)
            {
                builder.UseSetting("Redis:Configuration", redis);
                builder.UseSetting("Redis:KeyPrefix", _prefix);
            }
        });
        _hosts.Add(host);
        return host;
    }

    private static FormUrlEncodedContent LoginForm() => new(new Dictionary<string, string>
    {
        ["Input.UserName"] = "ustb",
        ["Input.Password"] = "Wrong@2021",
    });

    private static async Task<HttpResponseMessage> Api(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/plans");
        request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }
}
