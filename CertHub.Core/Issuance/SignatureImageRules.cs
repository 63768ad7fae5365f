using CertHub.Core.Common;

namespace CertHub.Core.Issuance;

/// <summary>签名 rules: the handwritten signature of 签发 is a non-empty PNG (checked by its magic bytes) of at most 512 KB.</summary>
public static class SignatureImageRules
{
    public const int MaxBytes = 512 * 1024;

    public static void Check(byte[]? png)
    {
        DomainRuleException.ThrowIf(png is null || png.Length == 0, "请先完成签名再确认签发");
        DomainRuleException.ThrowIf(png!.Length > MaxBytes, "签名图片不能超过512KB");
        DomainRuleException.ThrowIf(ImageSignature.Detect(png) != ImageFormatKind.Png, "签名图片格式不正确，仅支持PNG");
    }
}
