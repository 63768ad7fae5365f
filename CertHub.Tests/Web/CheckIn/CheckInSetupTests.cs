using CertHub.Core.CheckIn;
using CertHub.Tests.Support;
using CertHub.Web.CheckIn;

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
}
