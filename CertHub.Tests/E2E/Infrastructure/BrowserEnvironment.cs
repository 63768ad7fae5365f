namespace CertHub.Tests.E2E.Infrastructure;

/// <summary>
/// Where Chromium is and whether end-to-end tests must run. With CERTHUB_E2E=required a missing browser
/// fails the tests instead of skipping them (CI sets it).
/// </summary>
public static class BrowserEnvironment
{
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CERTHUB_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool Required =>
        string.Equals(Environment.GetEnvironmentVariable("CERTHUB_E2E"), "required", StringComparison.OrdinalIgnoreCase);

    public static bool Available => File.Exists(ChromiumPath);

    /// <summary>The skip reason, or null when the test must run.</summary>
    public static string? SkipReason =>
        Available || Required
            ? null
            : $"End-to-end test skipped: Chromium not found at {ChromiumPath} (install it with `apt-get install -y chromium`, or set CERTHUB_CHROMIUM; set CERTHUB_E2E=required to fail instead of skipping).";

    /// <summary>Screenshots and traces go here (ignored by git).</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("CERTHUB_TEST_ARTIFACTS") is { Length: > 0 } d
                ? d
                : Path.Combine(AppContext.BaseDirectory, "test-artifacts");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }
}

/// <summary>A fact that runs in real Chromium; skipped with a clear message when Chromium is missing (unless required).</summary>
public sealed class E2EFactAttribute : FactAttribute
{
    public E2EFactAttribute()
    {
        if (BrowserEnvironment.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
