using System.Security.Cryptography;
using CertHub.Core.CheckIn;
using CertHub.Core.Common;

namespace CertHub.Web.CheckIn;

/// <summary>
/// 考场签到 (issue 11): <see cref="CheckInOptions"/> from the <c>CheckIn</c> section, the 签到码 signer and the service.
/// The HMAC key is <c>CheckIn:TokenKey</c> (base64, ≥ 32 bytes) or, when empty, a random key generated once and kept in
/// the file store (<see cref="KeyPath"/>), so printed 准考证 stay valid across restarts.
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
        // Loaded off the caller's context: the first resolve may happen while a Blazor renderer holds its synchronization context.
        services.AddSingleton(sp => new CheckInTokenSigner(Task.Run(() => LoadKeyAsync(options, sp.GetRequiredService<IFileStore>())).GetAwaiter().GetResult()));
        services.AddScoped<CheckInService>();
        return services;
    }

    /// <summary>The configured key, else the stored one, else a new random key that is stored.</summary>
    public static async Task<byte[]> LoadKeyAsync(CheckInOptions options, IFileStore files)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(files);
        if (!string.IsNullOrWhiteSpace(options.TokenKey))
        {
            return Convert.FromBase64String(options.TokenKey);
        }

        await using (var stored = await files.OpenReadAsync(KeyPath))
        {
            if (stored is not null)
            {
                using var reader = new StreamReader(stored);
                var key = Convert.FromBase64String((await reader.ReadToEndAsync()).Trim());
                if (key.Length >= CheckInTokenSigner.MinKeyBytes)
                {
                    return key;
                }
            }
        }

        var fresh = RandomNumberGenerator.GetBytes(32);
        using var content = new MemoryStream(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(fresh)));
        await files.SaveAsync(KeyFolder, KeyFile, content);
        return fresh;
    }

    /// <summary>The roster URL of a room session (the 门贴 QR).</summary>
    public static string RosterUrl(CheckInOptions options, int roomSessionId)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.PublicBaseUrl.TrimEnd('/') + CheckInOptions.RosterPath(roomSessionId);
    }
}
