using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CertHub.Web.Security;

/// <summary>
/// 登录限流 and 查验限流: the login POST and 证书查验 (/verify), each per client IP in a one-minute fixed window
/// (<c>Security:LoginAttemptsPerMinute</c>, default 10; <c>Security:VerifyRequestsPerMinute</c>, default 30). With Redis configured
/// the counters are shared by every instance (<see cref="SharedRateLimits"/>). Rejections answer 429 in Chinese with Retry-After.
/// </summary>
public static class RequestRateLimits
{
    public const string LoginMessage = "登录尝试过于频繁，请1分钟后再试";
    public const string VerifyMessage = "查验过于频繁，请1分钟后再试";

    public static IServiceCollection AddCertHubRequestRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        SharedRateLimits.AddSharedRateLimits(services, configuration);
        var loginPermits = configuration.GetValue("Security:LoginAttemptsPerMinute", 10);
        var verifyPermits = configuration.GetValue("Security:VerifyRequestsPerMinute", 30);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(IsVerify(context.HttpContext.Request.Path) ? VerifyMessage : LoginMessage, ct);
            };
        });
        services.AddOptions<RateLimiterOptions>().Configure<SharedRateLimits>((options, limits) =>
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsLoginPost(http.Request)
                    ? limits.FixedWindow("login", ClientIp(http), loginPermits, TimeSpan.FromMinutes(1))
                    : IsVerify(http.Request.Path)
                        ? limits.FixedWindow("verify", ClientIp(http), verifyPermits, TimeSpan.FromMinutes(1))
                        : RateLimitPartition.GetNoLimiter("other")));
        return services;
    }

    public static bool IsLoginPost(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsPost(request.Method) && request.Path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsVerify(PathString path) =>
        path.Equals("/verify", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/verify", StringComparison.OrdinalIgnoreCase);

    public static string ClientIp(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
