using CertHub.Core.Common;

namespace CertHub.Core.Accounts;

/// <summary>手机号: mainland mobile numbers (11 digits starting with 1), validation and masking.</summary>
public static class PhoneNumbers
{
    public const int MaxLength = 11;

    /// <summary>A phone binds one account only.</summary>
    public const string InUse = "该手机号已被其他账号绑定";

    /// <summary>The 11 digits, or a <see cref="DomainRuleException"/> "请输入正确的手机号".</summary>
    public static string Normalize(string? phone)
    {
        var digits = (phone ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }

        DomainRuleException.ThrowIf(digits.Length != MaxLength || digits[0] != '1' || digits[1] is < '3' or > '9' || !digits.All(char.IsAsciiDigit),
            "请输入正确的手机号");
        return digits;
    }

    /// <summary>138****7936</summary>
    public static string Mask(string? phone) =>
        string.IsNullOrEmpty(phone) || phone.Length < 7 ? phone ?? "" : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];

    /// <summary>The manual's hint before a code is sent to the bound phone.</summary>
    public static string BoundPhoneHint(string phone) =>
        $"请用您绑定的尾号为{(phone.Length >= 4 ? phone[^4..] : phone)}的手机号获取验证码";
}
