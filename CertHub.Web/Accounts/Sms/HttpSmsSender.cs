using CertHub.Core.Accounts;

namespace CertHub.Web.Accounts.Sms;

/// <summary>Settings of the HTTP gateway (Sms:Http:Url, Sms:Http:Token).</summary>
public sealed class HttpSmsOptions
{
    public string? Url { get; set; }

    public string? Token { get; set; }
}

/// <summary>
/// A real SMS gateway behind a plain HTTP API: POSTs {"phone": "...", "text": "..."} with the bearer token; any
/// provider (or a small relay to one) that accepts this shape plugs in through configuration.
/// </summary>
public sealed class HttpSmsSender(HttpClient http, Microsoft.Extensions.Options.IOptions<HttpSmsOptions> options) : ISmsSender
{
    public async Task SendAsync(string phone, string text, CancellationToken ct)
    {
        var url = string.IsNullOrWhiteSpace(options.Value.Url)
            ? throw new InvalidOperationException("Sms:Http:Url is not configured.")
            : new Uri(options.Value.Url);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { phone, text }) };
        if (!string.IsNullOrEmpty(options.Value.Token))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", options.Value.Token);
        }

        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new CertHub.Core.Common.DomainRuleException("短信发送失败，请稍后再试");
        }
    }
}

/// <summary>Picks the <see cref="ISmsSender"/> by Sms:Provider: Outbox (default, development outbox) or Http.</summary>
public static class SmsSetup
{
    public static IServiceCollection AddCertHubSms(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.GetValue("Sms:Provider", "Outbox");
        services.AddSingleton<SmsOutbox>();
        if (string.Equals(provider, "Http", StringComparison.OrdinalIgnoreCase))
        {
            services.Configure<HttpSmsOptions>(configuration.GetSection("Sms:Http"));
            services.AddHttpClient<ISmsSender, HttpSmsSender>();
        }
        else if (string.Equals(provider, "Outbox", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<ISmsSender>(sp => sp.GetRequiredService<SmsOutbox>());
        }
        else
        {
            throw new InvalidOperationException($"Unknown Sms:Provider '{provider}' (use Outbox or Http).");
        }

        return services;
    }
}
