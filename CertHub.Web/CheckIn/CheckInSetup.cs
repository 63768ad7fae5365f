using System.Security.Cryptography;
using CertHub.Core.CheckIn;
using CertHub.Core.Common;

namespace CertHub.Web.CheckIn;

/// <summary>
/// 考场签到 (issue 11): <see cref="CheckInOptions"/> from the <c>CheckIn</c> section, the 签到码 signer and the service.
/// The HMAC key is <c>CheckIn:TokenKey</c> (base64, ≥ 32 bytes) or, when empty, a random key generated once and kept in
/// the file store (<see cref="KeyPath"/>), so printed 准考证 stay valid across restarts. The key is loaded by
/// <see cref="CheckInKeyLoader"/> while the host starts.
/// </summary>
public static class CheckInSetup
{
    public const string KeyFolder = "keys";
    public const string KeyFile = "checkin-token.key";
    public const string KeyPath = KeyFolder + "/" + KeyFile;

    public static IServiceCollection AddCertHubCheckIn(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(CheckInOptions.Section).Get<CheckInOptions>() ?? new CheckInOptions();
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            options.PublicBaseUrl = configuration["Issuance:PublicBaseUrl"] is { Length: > 0 } url ? url : "http://localhost:5080";
        }

        services.AddSingleton(options);
        // The key is loaded once when the host starts (a hosted service), never synchronously on first resolve.
        services.AddSingleton<CheckInKeyLoader>();
        services.AddHostedService(sp => sp.GetRequiredService<CheckInKeyLoader>());
        services.AddSingleton(sp => new CheckInTokenSigner(sp.GetRequiredService<CheckInKeyLoader>().Key));
        services.AddScoped<CheckInService>();
        return services;
    }

    /// <summary>The configured key, else the stored one, else a new random key that is stored.</summary>
    public static async Task<byte[]> LoadKeyAsync(CheckInOptions options, IFileStore files, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(files);
        if (!string.IsNullOrWhiteSpace(options.TokenKey))
        {
            return Convert.FromBase64String(options.TokenKey);
        }

        await using (var stored = await files.OpenReadAsync(KeyPath, ct))
        {
            if (stored is not null)
            {
                using var reader = new StreamReader(stored);
                var key = Convert.FromBase64String((await reader.ReadToEndAsync(ct)).Trim());
                if (key.Length >= CheckInTokenSigner.MinKeyBytes)
                {
                    return key;
                }
            }
        }

        var fresh = RandomNumberGenerator.GetBytes(32);
        using var content = new MemoryStream(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(fresh)));
        await files.SaveAsync(KeyFolder, KeyFile, content, ct);
        return fresh;
    }

    /// <summary>The roster URL of a room session (the 门贴 QR).</summary>
    public static string RosterUrl(CheckInOptions options, int roomSessionId)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.PublicBaseUrl.TrimEnd('/') + CheckInOptions.RosterPath(roomSessionId);
    }
}
