namespace CertHub.Core.Common;

/// <summary>Input checks shared by entity factories; each throws a Chinese <see cref="DomainRuleException"/>.</summary>
public static class Guard
{
    public static string Required(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        DomainRuleException.ThrowIf(trimmed.Length == 0, $"{field}不能为空");
        DomainRuleException.ThrowIf(trimmed.Length > maxLength, $"{field}不能超过{maxLength}个字符");
        return trimmed;
    }

    public static string? Optional(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        DomainRuleException.ThrowIf(trimmed.Length > maxLength, $"{field}不能超过{maxLength}个字符");
        return trimmed;
    }

    public static string? Phone(string? value, string field = "联系电话")
    {
        var trimmed = Optional(value, field, 20);
        DomainRuleException.ThrowIf(
            trimmed is not null && !trimmed.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' '),
            $"{field}格式不正确");
        return trimmed;
    }

    public static int Positive(int value, string field)
    {
        DomainRuleException.ThrowIf(value <= 0, $"{field}必须大于0");
        return value;
    }

    public static int NonNegative(int value, string field)
    {
        DomainRuleException.ThrowIf(value < 0, $"{field}不能小于0");
        return value;
    }
}
