using CertHub.Core.Common;

namespace CertHub.Core.Candidates;

/// <summary>
/// 考生照片 rules of the manual (5.2.3): JPG or PNG by content (never by name), at most 5 MB, 295×413 px with small
/// deviations accepted (±10%), a readable image. The red background is only a warning (<see cref="IPhotoBackgroundCheck"/>).
/// </summary>
public static class CandidatePhoto
{
    public const long MaxBytes = 5L * 1024 * 1024;
    public const string Folder = "photos";

    /// <summary>Checks a photo; returns what the verifier needs, or throws a <see cref="DomainRuleException"/> with the reason.</summary>
    public static PhotoInfo Check(byte[] content, IImageInspector images)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(images);
        DomainRuleException.ThrowIf(content.Length == 0, "照片文件为空");
        DomainRuleException.ThrowIf(content.Length > MaxBytes, "照片大小不能超过5M");
        DomainRuleException.ThrowIf(ImageSignature.Detect(content) is null, "照片格式应为jpg或png");
        var info = images.Inspect(content) ?? throw new DomainRuleException("照片无法读取，文件可能已损坏");
        DomainRuleException.ThrowIf(!Within(info.Width, BuiltInIdentityVerifier.PhotoWidth) || !Within(info.Height, BuiltInIdentityVerifier.PhotoHeight),
            $"照片像素应为{BuiltInIdentityVerifier.PhotoWidth}*{BuiltInIdentityVerifier.PhotoHeight}（当前{info.Width}*{info.Height}）");
        return new PhotoInfo(info.Format == ImageFormatKind.Png ? "PNG" : "JPG", info.Width, info.Height, content.Length);
    }

    /// <summary>
    /// A checked photo decoded and re-encoded (polyglot files: a PNG/JPEG carrying a script, HTML or a zip keeps only its pixels);
    /// refused like an unreadable photo when it cannot be re-encoded.
    /// </summary>
    public static byte[] Clean(byte[] content, IImageInspector images)
    {
        ArgumentNullException.ThrowIfNull(images);
        return images.Reencode(content) ?? throw new DomainRuleException("照片无法读取，文件可能已损坏");
    }

    /// <summary>The stored file name's extension for a checked photo.</summary>
    public static string Extension(PhotoInfo photo) => photo.Format == "PNG" ? ".png" : ".jpg";

    /// <summary>The folder of a school's photos in the file store.</summary>
    public static string FolderOf(int schoolId) => $"{Folder}/{schoolId}";

    private static bool Within(int actual, int expected) =>
        Math.Abs(actual - expected) <= expected * BuiltInIdentityVerifier.PhotoTolerance;
}

/// <summary>照片底色 check (the manual asks for a red background): a warning when the border is mostly not red.</summary>
public interface IPhotoBackgroundCheck
{
    /// <summary>True when the photo's border pixels are mostly red; null when the image cannot be read.</summary>
    bool? HasRedBackground(byte[] content);
}
