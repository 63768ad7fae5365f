using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace CertHub.Bench.Load;

/// <summary>
/// One user's HTTP side: the real login form (GET for the antiforgery token, POST of the form), its cookies, and timed
/// GETs of pages. Cookies are kept by hand because the app runs as in Production behind a TLS proxy (X-Forwarded-Proto:
/// https), so its cookies are Secure and a cookie container would not send them over the loopback's plain HTTP.
/// </summary>
internal sealed partial class WebSession(HttpClient http, string baseUrl)
{
    private readonly Dictionary<string, string> _cookies = [];

    public string BaseUrl { get; } = baseUrl;

    /// <summary>Headers of every request of this user (cookies, the proxy's scheme), also for the circuit's hub connection.</summary>
    public IReadOnlyDictionary<string, string> Headers
    {
        get
        {
            lock (_cookies)
            {
                return new Dictionary<string, string>
                {
                    ["X-Forwarded-Proto"] = "https",
                    ["Cookie"] = string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")),
                };
            }
        }
    }

    public async Task<TimeSpan> LoginAsync(string userName, string password, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var (form, _) = await GetAsync("/Account/Login", ct);
        var token = TokenRegex().Match(form);
        if (!token.Success)
        {
            throw new InvalidOperationException("The login page has no antiforgery token.");
        }

        using var request = Request(HttpMethod.Post, "/Account/Login");
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        using var response = await http.SendAsync(request, ct);
        Keep(response);
        if (response.StatusCode != HttpStatusCode.Redirect || !_cookies.Keys.Any(k => k.StartsWith("CertHub.Auth", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"Login of {userName} failed: HTTP {(int)response.StatusCode}");
        }

        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>GETs a page (the server-side prerender) and reads it to the end; the time is what this client saw.</summary>
    public async Task<(string Html, TimeSpan Elapsed)> GetAsync(string path, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = Request(HttpMethod.Get, path);
        using var response = await http.SendAsync(request, ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Keep(response);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path}: HTTP {(int)response.StatusCode}");
        }

        return (html, elapsed);
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, BaseUrl + path);
        foreach (var (name, value) in Headers)
        {
            if (value.Length > 0)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    private void Keep(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        lock (_cookies)
        {
            foreach (var value in values)
            {
                var pair = value.Split(';', 2)[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    _cookies[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
                }
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
