using CertHub.Core.CheckIn;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Web.CheckIn;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CertHub.Tests.Web.CheckIn;

public sealed class CheckInSetupTests
{
    [Fact]
    public async Task LoadKey_Should_GenerateOnceAndKeepTheKey_When_NoneConfigured()
    {
        var files = new MemoryFileStore();

        var first = await CheckInSetup.LoadKeyAsync(new CheckInOptions(), files);
        var second = await CheckInSetup.LoadKeyAsync(new CheckInOptions(), files);

        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
        Assert.True(files.Files.ContainsKey(CheckInSetup.KeyPath));
    }

    [Fact]
    public async Task LoadKey_Should_UseTheConfiguredKey()
    {
        var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

        var loaded = await CheckInSetup.LoadKeyAsync(new CheckInOptions { TokenKey = Convert.ToBase64String(key) }, new MemoryFileStore());

        Assert.Equal(key, loaded);
    }

    [Fact]
    public void RosterUrl_Should_JoinTheBaseUrlAndThePath() =>
        Assert.Equal("https://certhub.example/checkin/rooms/7", CheckInSetup.RosterUrl(new CheckInOptions { PublicBaseUrl = "https://certhub.example/" }, 7));

    [Fact]
    public async Task Signer_Should_UseTheKeyLoadedAtStartup_AndRefuseToResolveBeforeTheHostStarts()
    {
        var files = new MemoryFileStore();
        var services = new ServiceCollection();
        services.AddSingleton<IFileStore>(files);
        services.AddCertHubCheckIn(new ConfigurationBuilder().Build());
        await using var provider = services.BuildServiceProvider();

        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<CheckInTokenSigner>());
        Assert.Empty(files.Files);

        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(default);
        }

        var signer = provider.GetRequiredService<CheckInTokenSigner>();
        var stored = await CheckInSetup.LoadKeyAsync(new CheckInOptions(), files);
        var ticket = new CheckInTicket(7, 11, 3, 5, 12);
        Assert.Equal(ticket, new CheckInTokenSigner(stored).Verify(signer.Sign(ticket)));
    }
}
