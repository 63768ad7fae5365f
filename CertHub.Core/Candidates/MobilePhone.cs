using CertHub.Core.Common;

namespace CertHub.Core.Candidates;

/// <summary>手机号码: an 11-digit mainland mobile number (1[3-9]xxxxxxxxx). Shared by candidates, invigilators and registrations.</summary>
public static class MobilePhone
{
    public const int Length = 11;

    public static bool IsValid(string? value) =>
        value is { Length: Length } && value[0] == '1' && value[1] is >= '3' and <= '9' && value.All(char.IsAsciiDigit);

    /// <summary>Trims and checks an optional mobile number; null when empty.</summary>
    public static string? Optional(string? value, string field = "手机号码")
    {
        var trimmed = value?.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        DomainRuleException.ThrowIf(!IsValid(trimmed), $"{field}应为11位手机号码");
        return trimmed;
    }

    public static string Required(string? value, string field = "手机号码") =>
        Optional(value, field) ?? throw new DomainRuleException($"{field}不能为空");

    /// <summary>As shown in lists: 183****0544.</summary>
    public static string Mask(string? value) => value is { Length: Length } ? $"{value[..3]}****{value[^4..]}" : value ?? "";
}
