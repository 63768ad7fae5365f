using System.Globalization;
using System.Threading.RateLimiting;
using CertHub.Core.Api;
using CertHub.Web.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CertHub.Web.Api;

/// <summary>
/// 限流 of the organisation API: a fixed window per key (partitioned by the key's hash, so an unknown key is limited too;
/// without a key, per client IP). Rejections answer 429 problem details with Retry-After. With Redis configured the count is
/// shared by every app instance (<see cref="SharedRateLimits"/>).
/// </summary>
public sealed class OrganizationApiRateLimit(IOptions<OrganizationApiOptions> options, SharedRateLimits limits) : IRateLimiterPolicy<string>
{
    private readonly int _permitsPerMinute = options.Value.RequestsPerMinute;

    public const string PolicyName = "OrganizationApi";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, ct) =>
    {
        context.HttpContext.Response.Headers.RetryAfter = "60";
        await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests,
            string.Format(CultureInfo.InvariantCulture, "请求过于频繁：每个API密钥每分钟最多{0}次请求，请稍后再试", _permitsPerMinute));
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var key = httpContext.Request.Headers[ApiKeyAuthenticationHandler.HeaderName].ToString().Trim();
        var partition = key.Length > 0 ? "key:" + ApiKey.HashOf(key) : "ip:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return limits.FixedWindow("api", partition, _permitsPerMinute, TimeSpan.FromMinutes(1));
    }
}
