using CertHub.Core.Accounts;
using CertHub.Core.Common;
using Microsoft.Extensions.Options;

namespace CertHub.Web.Accounts.Sms;

/// <summary>Settings of the HTTP gateway (Sms:Http:Url, Sms:Http:Token, Sms:Http:TimeoutSeconds).</summary>
public sealed class HttpSmsOptions
{
    public string? Url { get; set; }

    public string? Token { get; set; }

    public int TimeoutSeconds { get; set; } = 10;
}

/// <summary>
/// A real SMS gateway behind a plain HTTP API: POSTs {"phone": "...", "text": "..."} with the bearer token; any
/// provider (or a small relay to one) that accepts this shape plugs in through configuration. A non-2xx answer, a
/// network error or a timeout is refused with 短信发送失败 (and logged).
/// </summary>
public sealed class HttpSmsSender(HttpClient http, IOptions<HttpSmsOptions> options, ILogger<HttpSmsSender> logger) : ISmsSender
{
    public const string Failed = "短信发送失败，请稍后再试";

    public async Task SendAsync(string phone, string text, CancellationToken ct)
    {
        var url = SmsSetup.GatewayUrl(options.Value.Url);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { phone, text }) };
        if (!string.IsNullOrEmpty(options.Value.Token))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", options.Value.Token);
        }

        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("SMS gateway answered {Status} for {Phone}", (int)response.StatusCode, PhoneNumbers.Mask(phone));
                throw new DomainRuleException(Failed);
            }
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogWarning(e, "SMS gateway unreachable for {Phone}", PhoneNumbers.Mask(phone));
            throw new DomainRuleException(Failed);
        }
    }
}

/// <summary>
/// Picks the <see cref="ISmsSender"/> by Sms:Provider: Outbox (default, development outbox) or Http (a real gateway).
/// Refused at startup: an unknown provider, Http without an absolute http(s) Sms:Http:Url, and Outbox in Production
/// unless Sms:AllowOutboxInProduction is true (codes would never reach the users' phones).
/// </summary>
public static class SmsSetup
{
    public const string Outbox = "Outbox";
    public const string Http = "Http";

    public static IServiceCollection AddCertHubSms(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = ProviderOf(configuration, environment);
        services.AddSingleton<SmsOutbox>();
        if (provider == Http)
        {
            services.Configure<HttpSmsOptions>(configuration.GetSection("Sms:Http"));
            services.AddHttpClient<ISmsSender, HttpSmsSender>((sp, client) =>
                client.Timeout = TimeSpan.FromSeconds(Math.Clamp(sp.GetRequiredService<IOptions<HttpSmsOptions>>().Value.TimeoutSeconds, 1, 120)));
        }
        else
        {
            services.AddSingleton<ISmsSender>(sp => sp.GetRequiredService<SmsOutbox>());
        }

        return services;
    }

    /// <summary>The configured provider (<see cref="Outbox"/> or <see cref="Http"/>); throws when the settings are unsafe or incomplete.</summary>
    public static string ProviderOf(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var provider = configuration.GetValue<string>("Sms:Provider") is { Length: > 0 } configured ? configured.Trim() : Outbox;
        if (string.Equals(provider, Http, StringComparison.OrdinalIgnoreCase))
        {
            GatewayUrl(configuration.GetValue<string>("Sms:Http:Url"));
            return Http;
        }

        if (!string.Equals(provider, Outbox, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Unknown Sms:Provider '{provider}' (use Outbox or Http).");
        }

        if (environment.IsProduction() && !configuration.GetValue("Sms:AllowOutboxInProduction", false))
        {
            throw new InvalidOperationException(
                "Sms:Provider is Outbox in Production: verification codes (短信验证码) would never reach the users' phones. " +
                "Configure a real gateway (Sms:Provider=Http with Sms:Http:Url and Sms:Http:Token) or, for a demonstration " +
                "deployment only, set Sms:AllowOutboxInProduction=true.");
        }

        return Outbox;
    }

    /// <summary>The gateway's absolute http(s) URL, or an <see cref="InvalidOperationException"/> naming the setting.</summary>
    public static Uri GatewayUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new InvalidOperationException("Sms:Provider is Http but Sms:Http:Url is missing or not an absolute http(s) URL.");
}
