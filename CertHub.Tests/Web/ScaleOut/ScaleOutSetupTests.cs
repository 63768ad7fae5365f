using CertHub.Core.Common;
using CertHub.Web.Live;
using CertHub.Web.Startup;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertHub.Tests.Web.ScaleOut;

/// <summary>ChangeFeed:Provider and Redis:Configuration choose the change feed and the SignalR backplane.</summary>
public sealed class ScaleOutSetupTests
{
    private static ServiceCollection Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCertHubScaleOut(configuration);
        return services;
    }

    [Fact]
    public void Default_Should_BeTheInProcessFeed_WithoutABackplane()
    {
        var services = Services();

        Assert.Equal(typeof(InProcessChangeFeed), services.Single(d => d.ServiceType == typeof(IChangeFeed)).ImplementationType);
        Assert.DoesNotContain(services, d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(HubLifetimeManager<>)
            && d.ImplementationType?.Name.Contains("Redis", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void RedisProvider_Should_RegisterTheRedisFeed_AndTheSignalRBackplane()
    {
        var services = Services(("ChangeFeed:Provider", "Redis"), ("Redis:Configuration", "127.0.0.1:1"));

        Assert.Contains(services, d => d.ServiceType == typeof(RedisChangeFeed));
        Assert.NotNull(services.Single(d => d.ServiceType == typeof(IChangeFeed)).ImplementationFactory);
        Assert.Contains(services, d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(HubLifetimeManager<>)
            && d.ImplementationType?.Name.Contains("Redis", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("Redis", null, "Redis:Configuration")]
    [InlineData("Kafka", null, "Kafka")]
    public void Setup_Should_Refuse_AMisconfiguredProvider(string provider, string? redis, string expected)
    {
        var settings = new List<(string, string)> { ("ChangeFeed:Provider", provider) };
        if (redis is not null)
        {
            settings.Add(("Redis:Configuration", redis));
        }

        var error = Assert.Throws<InvalidOperationException>(() => Services([.. settings]));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
