using CertHub.Core.Common;

namespace CertHub.Core.Catalog;

/// <summary>电子签章 upload rules: PNG or JPG by content (signature bytes and a real decode), at most 1 MB.</summary>
public static class SealImageRules
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Checks the bytes and returns the file extension to store them under.</summary>
    public static string Check(byte[] content, IImageInspector inspector)
    {
        DomainRuleException.ThrowIf(content.Length == 0, "请选择电子签章图片");
        DomainRuleException.ThrowIf(content.Length > MaxBytes, "电子签章图片不能超过1MB");
        var signature = ImageSignature.Detect(content);
        DomainRuleException.ThrowIf(signature is null, "电子签章仅支持PNG或JPG格式的图片");
        var info = inspector.Inspect(content);
        DomainRuleException.ThrowIf(info is null || info.Format != signature || info.Width <= 0 || info.Height <= 0, "电子签章图片已损坏或格式不正确");
        return signature == ImageFormatKind.Png ? ".png" : ".jpg";
    }

    /// <summary>The checked seal decoded and re-encoded: only its pixels are stored (anything appended or embedded is dropped).</summary>
    public static byte[] Clean(byte[] content, IImageInspector inspector)
    {
        ArgumentNullException.ThrowIfNull(inspector);
        return inspector.Reencode(content) ?? throw new DomainRuleException("电子签章图片已损坏或格式不正确");
    }
}
