namespace CertHub.Tests.Web.ScaleOut;

/// <summary>
/// A test that needs a Redis server: its StackExchange.Redis configuration comes from env CERTHUB_REDIS (e.g.
/// <c>127.0.0.1:6390</c>, as .ci/run starts one); skipped when the variable is not set, required (it fails) when it is.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (Configuration is null)
        {
            Skip = "Set CERTHUB_REDIS (a Redis server, e.g. 127.0.0.1:6390) to run the Redis tests.";
        }
    }

    public static string? Configuration => Environment.GetEnvironmentVariable("CERTHUB_REDIS") is { Length: > 0 } value ? value : null;
}
