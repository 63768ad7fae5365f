using CertHub.Core.Issuance;
using CertHub.Data;
using CertHub.Web.Workers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CertHub.Tests.Web.ScaleOut;

/// <summary>
/// Issuance:Worker:TestDelayMilliseconds (the two-instance kill test holds claims with it): 0 by default, honoured outside
/// Production, and refused in Production.
/// </summary>
public sealed class WorkerTestDelayTests
{
    private static CertificateIssuingOptions Options(string environment, string? delay)
    {
        var settings = new Dictionary<string, string?> { ["Issuance:WorkerEnabled"] = "false" };
        if (delay is not null)
        {
            settings[IssuanceWorkerSetup.TestDelayKey] = delay;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new Host(environment));
        services.AddSingleton(new CertHubContextBuilder(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:"), []));
        services.AddCertificateIssuing(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<CertificateIssuingOptions>();
    }

    [Fact]
    public void TestDelay_Should_BeZero_When_NotConfigured()
    {
        Assert.Equal(TimeSpan.Zero, Options(Environments.Production, null).TestDelayPerRecord);
    }

    [Fact]
    public void TestDelay_Should_BeHonoured_When_Development()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(400), Options(Environments.Development, "400").TestDelayPerRecord);
    }

    [Fact]
    public void TestDelay_Should_BeRefused_When_Production()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Options(Environments.Production, "400"));

        Assert.Contains(IssuanceWorkerSetup.TestDelayKey, ex.Message, StringComparison.Ordinal);
    }

    private sealed class Host(string environment) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = environment;

        public string ApplicationName { get; set; } = "CertHub.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
