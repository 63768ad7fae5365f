using System.Text.RegularExpressions;
using CertHub.Core.Common;

namespace CertHub.Core.Candidates;

/// <summary>A photo as the verifier sees it: format (JPG/PNG), pixel size and file size.</summary>
public sealed record PhotoInfo(string Format, int Width, int Height, long Bytes);

/// <summary>What is verified: the name, the document and the photo (null when none was imported).</summary>
public sealed record IdentityVerificationRequest(string Name, IdType IdType, string IdNumber, PhotoInfo? Photo);

/// <summary>信息准确, or 需人工确认 with the reason.</summary>
public sealed record IdentityVerificationResult(bool IsAccurate, string? Reason)
{
    public static IdentityVerificationResult Accurate { get; } = new(true, null);

    public static IdentityVerificationResult Doubtful(string reason) => new(false, reason);
}

/// <summary>认证考生信息: the port to the identity check (the real 公安 photo comparison is an external service).</summary>
public interface IIdentityVerifier
{
    Task<IdentityVerificationResult> VerifyAsync(IdentityVerificationRequest request, CancellationToken cancellationToken = default);
}

/// <summary>
/// The built-in verifier: checks the ID number (check digit, birth date, region), the name (2–30 Chinese characters or
/// letters with ·) and the photo (JPG/PNG, 295×413 px ±10%, at most 200 KB). Anything doubtful → 需人工确认 with the reasons.
/// </summary>
public sealed partial class BuiltInIdentityVerifier(TimeProvider timeProvider) : IIdentityVerifier
{
    public const int PhotoWidth = 295;
    public const int PhotoHeight = 413;
    public const double PhotoTolerance = 0.10;
    public const long PhotoMaxBytes = 200 * 1024;

    public Task<IdentityVerificationResult> VerifyAsync(IdentityVerificationRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Verify(request));

    public IdentityVerificationResult Verify(IdentityVerificationRequest request)
    {
        var reasons = new List<string>();
        if (!NamePattern().IsMatch(request.Name ?? ""))
        {
            reasons.Add("姓名应为2到30个汉字或字母（可含·）");
        }

        if (request.IdType == IdType.ResidentIdCard)
        {
            if (!IdNumber.TryParse(request.IdNumber, out var id, out var error))
            {
                reasons.Add(error);
            }
            else if (id.BirthDate > DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime))
            {
                reasons.Add("身份证号码中的出生日期晚于今天");
            }
        }
        else
        {
            reasons.Add($"{request.IdType.ToDisplayName()}需人工核对");
        }

        reasons.AddRange(PhotoProblems(request.Photo));
        return reasons.Count == 0 ? IdentityVerificationResult.Accurate : IdentityVerificationResult.Doubtful(string.Join("；", reasons));
    }

    /// <summary>What is wrong with a photo, if anything.</summary>
    public static IEnumerable<string> PhotoProblems(PhotoInfo? photo)
    {
        if (photo is null)
        {
            yield return "缺少照片";
            yield break;
        }

        if (photo.Format.Trim().TrimStart('.').ToUpperInvariant() is not ("JPG" or "JPEG" or "PNG"))
        {
            yield return "照片格式应为jpg或png";
        }

        if (!Within(photo.Width, PhotoWidth) || !Within(photo.Height, PhotoHeight))
        {
            yield return $"照片像素应为{PhotoWidth}*{PhotoHeight}（当前{photo.Width}*{photo.Height}）";
        }

        if (photo.Bytes > PhotoMaxBytes)
        {
            yield return "照片大小不能超过200KB";
        }
    }

    private static bool Within(int actual, int expected) => Math.Abs(actual - expected) <= expected * PhotoTolerance;

    [GeneratedRegex(@"^[\u3400-\u4DBF\u4E00-\u9FFFA-Za-z·•\. ]{2,30}$")]
    private static partial Regex NamePattern();
}
