using CertHub.Core.CheckIn;
using CertHub.Core.Common;

namespace CertHub.Web.CheckIn;

/// <summary>
/// Loads the 签到码 key once while the host starts (before any request is served), so that resolving the
/// <see cref="CheckInTokenSigner"/> never blocks on file I/O inside a request or a Blazor circuit.
/// </summary>
public sealed class CheckInKeyLoader(CheckInOptions options, IFileStore files) : IHostedService
{
    private byte[]? _key;

    /// <summary>The loaded key; throws when the host has not started yet (a programming error, not a user error).</summary>
    public byte[] Key => _key ?? throw new InvalidOperationException("The check-in key is loaded when the host starts (CheckInKeyLoader); start the host first.");

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _key ??= await CheckInSetup.LoadKeyAsync(options, files, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
