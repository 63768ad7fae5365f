using System.Globalization;
using CertHub.Core.Common;

namespace CertHub.Core.Candidates;

/// <summary>
/// 考生编号: 26 digits = 6-digit region code of the ID + year (4) + Unix seconds (10) + sequence (6),
/// e.g. 37068220211631773601551242. A pure function; the caller supplies a sequence that is unique for the second.
/// </summary>
public static class CandidateNoGenerator
{
    public const int Length = 26;

    /// <summary>Region code used when the document is not a 居民身份证.</summary>
    public const string UnknownRegion = "000000";

    public static string Generate(string regionCode, int year, DateTimeOffset nowUtc, int sequence)
    {
        DomainRuleException.ThrowIf(regionCode is not { Length: 6 } || !regionCode.All(char.IsAsciiDigit), "地区码应为6位数字");
        DomainRuleException.ThrowIf(year is < 1000 or > 9999, "年份应为4位数字");
        DomainRuleException.ThrowIf(sequence is < 0 or > 999_999, "序号应在0到999999之间");
        var seconds = nowUtc.ToUnixTimeSeconds();
        DomainRuleException.ThrowIf(seconds is < 1_000_000_000 or > 9_999_999_999, "时间超出考生编号可表示的范围");
        return string.Create(CultureInfo.InvariantCulture, $"{regionCode}{year:D4}{seconds:D10}{sequence:D6}");
    }

    /// <summary>The region code of a document: the ID's first six digits for a valid 居民身份证, else <see cref="UnknownRegion"/>.</summary>
    public static string RegionCodeOf(IdType idType, string idNumber) =>
        idType == IdType.ResidentIdCard && IdNumber.TryParse(idNumber, out var id) ? id.RegionCode : UnknownRegion;

    public static bool IsValid(string? candidateNo) => candidateNo is { Length: Length } && candidateNo.All(char.IsAsciiDigit);
}
