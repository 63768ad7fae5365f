using System.Net;
using System.Text.Json;
using CertHub.Core.Accounts;
using CertHub.Core.Common;
using CertHub.Web.Accounts.Sms;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CertHub.Tests.Web.Accounts;

/// <summary>Sms:Provider at startup (Production refuses the outbox unless allowed) and the HTTP gateway sender.</summary>
public sealed class SmsSetupTests
{
    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static TestEnvironment Env(string name) => new() { EnvironmentName = name };

    [Fact]
    public void Production_Should_RefuseTheOutbox_WithAClearMessage()
    {
        var defaulted = Assert.Throws<InvalidOperationException>(() => SmsSetup.ProviderOf(Config(), Env(Environments.Production)));
        var explicitOutbox = Assert.Throws<InvalidOperationException>(() => SmsSetup.ProviderOf(Config(("Sms:Provider", "Outbox")), Env(Environments.Production)));
        var notAllowed = Assert.Throws<InvalidOperationException>(() =>
            SmsSetup.ProviderOf(Config(("Sms:AllowOutboxInProduction", "false")), Env(Environments.Production)));

        Assert.Contains("Sms:Provider is Outbox in Production", defaulted.Message);
        Assert.Contains("Sms:AllowOutboxInProduction=true", defaulted.Message);
        Assert.Contains("Sms:Http:Url", explicitOutbox.Message);
        Assert.Contains("Outbox in Production", notAllowed.Message);
    }

    [Fact]
    public void Production_Should_AcceptTheOutbox_OnlyWhenExplicitlyAllowed_AndTheGateway()
    {
        Assert.Equal(SmsSetup.Outbox, SmsSetup.ProviderOf(Config(("Sms:AllowOutboxInProduction", "true")), Env(Environments.Production)));
        Assert.Equal(SmsSetup.Http, SmsSetup.ProviderOf(Config(("Sms:Provider", "http"), ("Sms:Http:Url", "https://sms.example.cn/send")), Env(Environments.Production)));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Staging")]
    public void OtherEnvironments_Should_DefaultToTheOutbox(string environment) =>
        Assert.Equal(SmsSetup.Outbox, SmsSetup.ProviderOf(Config(), Env(environment)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sms.example.cn/send")]
    [InlineData("ftp://sms.example.cn/send")]
    public void Http_Should_NeedAnAbsoluteHttpUrl(string? url)
    {
        var settings = url is null ? Config(("Sms:Provider", "Http")) : Config(("Sms:Provider", "Http"), ("Sms:Http:Url", url));

        var refused = Assert.Throws<InvalidOperationException>(() => SmsSetup.ProviderOf(settings, Env(Environments.Development)));

        Assert.Contains("Sms:Http:Url", refused.Message);
    }

    [Fact]
    public void UnknownProvider_Should_BeRefused() =>
        Assert.Contains("Unknown Sms:Provider 'Pigeon'",
            Assert.Throws<InvalidOperationException>(() => SmsSetup.ProviderOf(Config(("Sms:Provider", "Pigeon")), Env(Environments.Development))).Message);

    [Fact]
    public void AddCertHubSms_Should_RegisterTheGateway_ForHttp()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(TimeProvider.System);

        services.AddCertHubSms(Config(("Sms:Provider", "Http"), ("Sms:Http:Url", "https://sms.example.cn/send"), ("Sms:Http:TimeoutSeconds", "5")),
            Env(Environments.Production));

        using var provider = services.BuildServiceProvider();
        Assert.IsType<HttpSmsSender>(provider.GetRequiredService<ISmsSender>());
        Assert.Equal(5, provider.GetRequiredService<IOptions<HttpSmsOptions>>().Value.TimeoutSeconds);
    }

    [Fact]
    public void TheApp_Should_NotStartInProduction_WithTheDefaultOutbox()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(Environments.Production);
            builder.UseSetting("ConnectionStrings:CertHub", "Data Source=:memory:");
        });

        var refused = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("Sms:Provider is Outbox in Production", Flatten(refused));
    }

    [Fact]
    public async Task HttpSender_Should_PostPhoneAndText_WithTheBearerKey()
    {
        var gateway = new RecordingHandler(HttpStatusCode.OK);
        var sender = Sender(gateway, "https://sms.example.cn/send", "secret-key");

        await sender.SendAsync("13800138000", "您的验证码为123456", CancellationToken.None);

        var request = Assert.Single(gateway.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://sms.example.cn/send", request.Url);
        Assert.Equal("Bearer secret-key", request.Authorization);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("13800138000", body.RootElement.GetProperty("phone").GetString());
        Assert.Equal("您的验证码为123456", body.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task HttpSender_Should_RefuseInChinese_WhenTheGatewayFailsOrIsUnreachable()
    {
        var failing = Sender(new RecordingHandler(HttpStatusCode.BadGateway), "https://sms.example.cn/send", null);
        var unreachable = Sender(new RecordingHandler(null), "https://sms.example.cn/send", null);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => failing.SendAsync("13800138000", "x", CancellationToken.None));
        var down = await Assert.ThrowsAsync<DomainRuleException>(() => unreachable.SendAsync("13800138000", "x", CancellationToken.None));

        Assert.Equal("短信发送失败，请稍后再试", refused.Message);
        Assert.Equal("短信发送失败，请稍后再试", down.Message);
    }

    [Fact]
    public async Task HttpSender_Should_SendNoAuthorization_WithoutAKey()
    {
        var gateway = new RecordingHandler(HttpStatusCode.Accepted);

        await Sender(gateway, "http://127.0.0.1:8081/sms", "").SendAsync("13800138000", "x", CancellationToken.None);

        Assert.Null(Assert.Single(gateway.Requests).Authorization);
    }

    private static HttpSmsSender Sender(RecordingHandler handler, string url, string? token) =>
        new(new HttpClient(handler), Options.Create(new HttpSmsOptions { Url = url, Token = token }), NullLogger<HttpSmsSender>.Instance);

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);

    private sealed record Recorded(HttpMethod Method, string Url, string? Authorization, string Body);

    /// <summary>A local gateway: records each request and answers with the status, or fails like a network error when null.</summary>
    private sealed class RecordingHandler(HttpStatusCode? status) : HttpMessageHandler
    {
        public List<Recorded> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(new Recorded(request.Method, request.RequestUri!.ToString(), request.Headers.Authorization?.ToString(), body));
            return status is HttpStatusCode code ? new HttpResponseMessage(code) : throw new HttpRequestException("connection refused");
        }
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";

        public string ApplicationName { get; set; } = "CertHub.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
