using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.Issuance;

/// <summary>
/// 证书编号. Format: <c>{certificate code}{year:4}{level:1}{sequence:8}</c>, e.g. <c>1XXXH2021200000001</c> for the
/// first 中级 (level digit 2) certificate of code "1+X-XXH" issued for exam year 2021.
/// The certificate code is upper-cased with everything but ASCII letters and digits removed; the level digit is
/// 1 初级, 2 中级, 3 高级; the sequence runs from 1 per certificate + year + level and is allocated by the caller
/// (the next one after the highest number with the same <see cref="Prefix"/>). The number is therefore unique per
/// certificate as long as two certificate codes do not reduce to the same letters and digits (codes are unique).
/// </summary>
public static class CertificateNumberGenerator
{
    public const int SequenceDigits = 8;
    public const int MaxLength = Certificate.CodeMaxLength + 4 + 1 + SequenceDigits;
    public const int MaxSequence = 99_999_999;

    /// <summary>The part before the sequence: code + year + level digit.</summary>
    public static string Prefix(string certificateCode, int year, CertificateLevel level)
    {
        var code = new string((certificateCode ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        DomainRuleException.ThrowIf(code.Length == 0, "证书代码不能为空");
        DomainRuleException.ThrowIf(year is < 1000 or > 9999, "年度应为4位数字");
        return $"{code}{year:D4}{(int)level}";
    }

    public static string Format(string certificateCode, int year, CertificateLevel level, int sequence)
    {
        DomainRuleException.ThrowIf(sequence is < 1 or > MaxSequence, "证书序号超出范围");
        return $"{Prefix(certificateCode, year, level)}{sequence:D8}";
    }

    /// <summary>The sequence of <paramref name="certificateNo"/> when it has <paramref name="prefix"/>; otherwise null.</summary>
    public static int? SequenceOf(string certificateNo, string prefix)
    {
        if (certificateNo is null || prefix is null || certificateNo.Length != prefix.Length + SequenceDigits ||
            !certificateNo.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        return int.TryParse(certificateNo.AsSpan(prefix.Length), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var sequence) ? sequence : null;
    }

    /// <summary>The next number after the existing ones sharing the prefix (1 when there are none).</summary>
    public static string Next(string certificateCode, int year, CertificateLevel level, IEnumerable<string> existingNumbers)
    {
        var prefix = Prefix(certificateCode, year, level);
        var max = existingNumbers.Select(n => SequenceOf(n, prefix) ?? 0).DefaultIfEmpty(0).Max();
        return Format(certificateCode, year, level, max + 1);
    }
}
